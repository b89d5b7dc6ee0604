import Foundation
import GRDB

/// The results of one sweep: one SQLite file, `results.sqlite`, in a results folder.
///
/// Storage contract (after optuna's `BaseStorage`):
/// - **One writer.** Only the coordinator writes, through a store from `openForWriting`, which
///   holds an exclusive lock on the folder for its lifetime (a second writer gets
///   `StoreError.locked`). Reports and `recur status` open with `openForReading`: a read-only
///   connection that never writes and never takes a write lock.
/// - **Readers never block the writer.** The file is in WAL mode; a read sees the last
///   committed state as of its start and nothing of a transaction in progress.
/// - **Outcomes are durable when recorded.** Every writer method is one transaction and
///   returns after its commit. Commits that record outcomes (`recordResults`, `abandonAttempt`,
///   `timeOutAttempt`, `registerPlan`, `resumeInterruptedAttempts`, `write(durable: true)`)
///   sync the WAL first with `Durability.full` (the default), so they survive a crash of the
///   process or of the machine: acknowledge a result only after `recordResults` returned.
///   Other commits (`startAttempt`, `appendMetrics`, `logEvent`, `recordWorker`,
///   `startCoordinatorSession`, `recordNetworkProblems`) survive a crash of the process and
///   become machine-crash durable with the next synced commit (the WAL is sequential): losing
///   one to a power cut only re-runs an attempt or loses the latest counts.
///   `write(durable:_:)` groups several calls in one transaction (group commit: one sync for
///   a whole batch).
/// - **Outcomes are final.** A trial in a terminal state (`finished`, `diverged`, `failed`,
///   `lost`) is never changed again: a later result is kept apart as a duplicate; a new plan
///   leaves it as it is.
/// - **Thread safety.** A store is `Sendable`: writes are serialised, reads run concurrently on
///   a small pool of connections. Every method is synchronous and may block on I/O.
/// - **Errors** are `StoreError`s; hostile values (unknown ids, malformed JSON from the wire)
///   are reported through return values and never abort a batch.
public final class ResultsStore: Sendable {
  /// The file name inside a results folder.
  public static let fileName = "results.sqlite"
  /// The schema version this build reads and writes.
  public static let schemaVersion = StoreSchema.version

  /// The results folder.
  public let directory: URL
  /// The store file, `directory/results.sqlite`.
  public let path: String
  /// Whether the store was opened with `openForReading`.
  public let isReadOnly: Bool

  /// How durable commits are synced (`write(durable: true)`).
  public let durability: Durability

  let pool: DatabasePool
  private let lock: StoreLock?

  private init(
    directory: URL, path: String, pool: DatabasePool, lock: StoreLock?, durability: Durability
  ) {
    self.directory = directory
    self.path = path
    self.isReadOnly = lock == nil
    self.pool = pool
    self.lock = lock
    self.durability = durability
  }

  /// Opens the store of `directory` for writing, creating the folder and the store if needed,
  /// and migrates an older schema.
  ///
  /// - Throws: `.notAStore` if `results.sqlite` is something else, `.newerSchema` if a newer
  ///   Recur wrote it, `.locked` if another process writes it, `.cannotOpen` if the folder
  ///   cannot be created or this user cannot write the folder or the store.
  public static func openForWriting(directory: URL, durability: Durability = .full) throws
    -> ResultsStore
  {
    try openForWriting(
      directory: directory, durability: durability, schemaVersion: StoreSchema.version)
  }

  /// `openForWriting(directory:durability:)`, migrating a new or older store only up to
  /// `schemaVersion`: for tests that need a store as an older Recur wrote it.
  static func openForWriting(directory: URL, durability: Durability, schemaVersion: Int) throws
    -> ResultsStore
  {
    let path = directory.appendingPathComponent(fileName).path
    try createDirectory(directory)
    try refuseNonRegularFile(at: path)
    if let problem = writingProblem(
      path, directory: directory.path,
      isWritable: {
        FileManager.default.isWritableFile(atPath: $0)
      })
    {
      throw problem
    }
    let lock = try StoreLock(directory: directory.path, storePath: path)
    try inspectExistingFile(at: path)
    var configuration = Configuration()
    configuration.label = "RecurStore.writer"
    configuration.busyMode = .timeout(10)
    let pool = try openPool(path: path, configuration: configuration)
    try mapErrors(path: path) {
      try pool.writeWithoutTransaction { db in try checkWritable(db, path: path) }
      try StoreSchema.migrator.migrate(pool, upTo: "v\(schemaVersion)")
    }
    return ResultsStore(
      directory: directory, path: path, pool: pool, lock: lock, durability: durability)
  }

  /// Opens the store of `directory` read-only: for reports and `recur status`, also while a
  /// coordinator writes it.
  ///
  /// - Throws: `.missing` if the folder or its store does not exist, `.notAStore`,
  ///   `.newerSchema` or `.olderSchema` if the file is not a store this build can read.
  public static func openForReading(directory: URL) throws -> ResultsStore {
    let path = directory.appendingPathComponent(fileName).path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
    else { throw StoreError.missing(path: directory.path) }
    guard isDirectory.boolValue else { throw StoreError.notAStore(path: directory.path) }
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.missing(path: path)
    }
    try refuseNonRegularFile(at: path)
    var configuration = Configuration()
    configuration.label = "RecurStore.reader"
    configuration.readonly = true
    configuration.busyMode = .timeout(10)
    configuration.maximumReaderCount = 2
    let folderWritable = FileManager.default.isWritableFile(atPath: directory.path)
    let opened = readerPath(path, folderWritable: folderWritable)
    let pool: DatabasePool
    do {
      pool = try mapErrors(path: path) {
        try DatabasePool(path: opened, configuration: configuration)
      }
      try mapErrors(path: path) {
        try pool.read { db in try checkReadable(db, path: path) }
      }
    } catch let error as StoreError {
      throw readerError(error, folderWritable: folderWritable)
    }
    return ResultsStore(
      directory: directory, path: path, pool: pool, lock: nil, durability: .normal)
  }

  /// Runs `body` in one write transaction: everything it does is committed together, or
  /// nothing if it throws. The coordinator's group commit: one call per poll-loop round.
  ///
  /// A durable commit (the default) is synced according to `durability` before this returns;
  /// pass `durable: false` for a transaction without outcomes (attempt starts, metrics,
  /// events), which then costs no sync. Inside `body`, use only the transaction's methods.
  public func write<T>(durable: Bool = true, _ body: (StoreTransaction) throws -> T) throws -> T {
    guard !isReadOnly else { throw StoreError.readOnly(path: path) }
    // SQLite refuses to change `synchronous` inside a transaction, so it is set before each
    // one (GRDB also resets it to NORMAL when it opens a pool, after `prepareDatabase`).
    let synchronous = (durable ? durability : .normal).pragmaValue
    return try mapErrors(path: path) {
      try pool.writeWithoutTransaction { db in
        try db.cachedStatement(sql: "PRAGMA synchronous = \(synchronous)").execute()
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(StoreTransaction(db: db, path: path))
          return .commit
        }
        guard let result else { throw StoreError.database(path: path, detail: "no result") }
        return result
      }
    }
  }

  /// SQLite's `synchronous` setting of the writer connection (0 OFF, 1 NORMAL, 2 FULL), for
  /// tests.
  func writerSynchronousSetting() throws -> Int {
    try mapErrors(path: path) {
      try pool.writeWithoutTransaction { db in
        try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
      }
    }
  }

  /// Runs `body` on a read connection, mapping database errors to `StoreError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try mapErrors(path: path) { try pool.read(body) }
  }

  /// Closes the connections; the writer first copies its write-ahead log into the database
  /// file and empties it (`PRAGMA wal_checkpoint(TRUNCATE)`, https://www.sqlite.org/wal.html).
  /// SQLite checkpoints on the close of the last connection only, and GRDB closes the writer
  /// before the pool's read-only readers, which cannot: without this every result stayed in
  /// `results.sqlite-wal`, and a `results.sqlite` copied alone held no sweep. A reader in
  /// another process may keep part of the log from being copied; nothing is lost then, the
  /// log stays beside the file. Later calls throw.
  public func close() throws {
    try mapErrors(path: path) {
      if !isReadOnly {
        try pool.writeWithoutTransaction { db in
          _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
      }
      try pool.close()
    }
  }
}
