import Foundation
import GRDB

/// How a store file is recognised before anything is read or written.
extension ResultsStore {
  static func createDirectory(_ directory: URL) throws {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw StoreError.cannotOpen(path: directory.path, reason: error.localizedDescription)
    }
  }

  /// Only a regular file (or none yet) named `results.sqlite` can be a store. A folder would
  /// make SQLite say "unable to open"; a named pipe would block a reader's open for ever, and
  /// a device such as /dev/null would take a writer's commits as a "disk I/O error".
  static func refuseNonRegularFile(at path: String) throws {
    var status = stat()
    guard stat(path, &status) == 0 else { return }  // missing, or a broken link: SQLite tells
    if status.st_mode & S_IFMT != S_IFREG { throw StoreError.notAStore(path: path) }
  }

  /// Why this user cannot write the store at `path` in `directory`, if so. SQLite needs to
  /// write the folder (its `-wal` and `-shm` files) as well as the file; without this check a
  /// store owned by someone else failed at the first write as "opened read-only".
  static func writingProblem(
    _ path: String, directory: String, isWritable: (String) -> Bool
  ) -> StoreError? {
    let advice = "; run the coordinator as the user who owns it, or give another --results folder"
    if !isWritable(directory) {
      return .cannotOpen(path: directory, reason: "this user cannot write in that folder" + advice)
    }
    if FileManager.default.fileExists(atPath: path), !isWritable(path) {
      return .cannotOpen(path: path, reason: "this user cannot write that file" + advice)
    }
    return nil
  }

  /// Checks an existing, non-empty file through a read-only connection before the writer
  /// opens it: opening a pool switches the file to WAL mode, which must not happen to someone
  /// else's database.
  static func inspectExistingFile(at path: String) throws {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size > 0 else { return }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    try mapErrors(path: path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.read { db in try checkWritable(db, path: path) }
      try queue.close()
    }
  }

  /// What a reader asks SQLite to open: the file itself, or an immutable URI when no writer's
  /// side files are there and the folder cannot be written (results shared read-only, or a
  /// `results.sqlite` copied alone into such a folder).
  ///
  /// A read-only connection to a WAL database must find or create `results.sqlite-shm`
  /// (https://www.sqlite.org/wal.html, "Read-Only Databases"); in a folder it cannot write,
  /// it fails with SQLITE_READONLY and the store could not be read at all. With no `-shm` and
  /// an empty or missing `-wal`, no writer has the store open, so everything is in the file
  /// and `immutable=1` reads it without side files (https://www.sqlite.org/uri.html). The URI
  /// form needs SQLite built with SQLITE_USE_URI (Debian's is); elsewhere the open fails as
  /// before.
  static func readerPath(_ path: String, folderWritable: Bool) -> String {
    let manager = FileManager.default
    let walSize = (try? manager.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
    guard !folderWritable, walSize == 0, !manager.fileExists(atPath: path + "-shm"),
      let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
    else { return path }
    return "file:\(escaped)?immutable=1"
  }

  /// A reader's open error as the user can act on it: SQLITE_READONLY or SQLITE_CANTOPEN on a
  /// readable file in a folder it cannot write means SQLite had to create
  /// `results.sqlite-shm` to read a writer's log there.
  static func readerError(_ error: StoreError, folderWritable: Bool) -> StoreError {
    let path: String
    switch error {
    case .readOnly(let file), .cannotOpen(let file, _): path = file
    default: return error
    }
    guard !folderWritable, FileManager.default.isReadableFile(atPath: path) else { return error }
    return .cannotOpen(
      path: path,
      reason: "reading its log (results.sqlite-wal) needs results.sqlite-shm beside it, and the "
        + "folder cannot be written; copy the folder somewhere writable, or ask its owner to run "
        + "`recur status` on it once")
  }

  static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
    try mapErrors(path: path) { try DatabasePool(path: path, configuration: configuration) }
  }

  /// A writer accepts a Recur store of this or an older version, or an empty database.
  static func checkWritable(_ db: Database, path: String) throws {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if applicationID == 0 {
      let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      guard objects == 0 else { throw StoreError.notAStore(path: path) }
      return
    }
    try checkIdentity(db, path: path, applicationID: applicationID)
    if try StoreSchema.migrator.hasBeenSuperseded(db) {
      throw StoreError.newerSchema(
        path: path, found: try userVersion(db), supported: StoreSchema.version)
    }
  }

  /// A reader accepts a Recur store of this version or an older one it can read as it is
  /// (`StoreSchema.oldestReadableVersion`): it cannot migrate.
  static func checkReadable(_ db: Database, path: String) throws {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    try checkIdentity(db, path: path, applicationID: applicationID)
    let found = try userVersion(db)
    if found < StoreSchema.oldestReadableVersion {
      throw StoreError.olderSchema(path: path, found: found, supported: StoreSchema.version)
    }
  }

  private static func checkIdentity(_ db: Database, path: String, applicationID: Int32) throws {
    guard applicationID == StoreSchema.applicationID else {
      throw StoreError.notAStore(path: path)
    }
    let found = try userVersion(db)
    if found > StoreSchema.version {
      throw StoreError.newerSchema(path: path, found: found, supported: StoreSchema.version)
    }
  }

  private static func userVersion(_ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
  }
}

/// Runs `body`, turning SQLite errors into `StoreError`s that name `path`.
func mapErrors<T>(path: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DatabaseError {
    throw StoreError(error, path: path)
  } catch let error as RowDecodingError {
    throw StoreError.corrupt(path: path, detail: "\(error)")
  }
}

extension StoreError {
  /// The `StoreError` for an SQLite error on the store at `path`.
  init(_ error: DatabaseError, path: String) {
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_NOTADB: self = .notAStore(path: path)
    case .SQLITE_CORRUPT: self = .corrupt(path: path, detail: detail)
    // A store of this schema version lacks a table, column or function its own views use
    // only if its schema was damaged or edited by hand (SQLite gives these as SQLITE_ERROR).
    case .SQLITE_ERROR where detail.hasPrefix("no such "):
      self = .corrupt(path: path, detail: detail)
    case .SQLITE_READONLY: self = .readOnly(path: path)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      self = .cannotOpen(path: path, reason: detail)
    case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked(path: path)
    default: self = .database(path: path, detail: detail)
    }
  }
}
