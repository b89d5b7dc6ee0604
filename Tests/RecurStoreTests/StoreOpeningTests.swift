import Foundation
import GRDB
import Testing

@testable import RecurStore

@Suite struct StoreOpeningTests {
  @Test func aMissingFolderOrStoreIsReportedAsMissing() throws {
    let fixture = StoreFixture()
    #expect(throws: StoreError.missing(path: fixture.directory.path)) {
      try fixture.reader()
    }
    try FileManager.default.createDirectory(
      at: fixture.directory, withIntermediateDirectories: true)
    #expect(throws: StoreError.missing(path: fixture.storePath)) { try fixture.reader() }
  }

  @Test func aWriterCreatesTheFolderAndAReaderOpensIt() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(2)).close()
    let reader = try fixture.reader()
    #expect(reader.isReadOnly)
    #expect(try reader.statusCounts().queued == 2)
  }

  @Test func aReaderCannotWrite() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(1)).close()
    let reader = try fixture.reader()
    #expect(throws: StoreError.readOnly(path: fixture.storePath)) {
      try reader.startAttempt(trialID: "t0", worker: "w", host: "h")
    }
  }

  @Test func anotherSQLiteDatabaseIsNotAStoreAndIsLeftUntouched() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(1)).close()
    // Someone else's database: another application id, rollback journal instead of WAL.
    try fixture.patchHeader(at: 68, with: [0x12, 0x34, 0x56, 0x78])
    try fixture.patchHeader(at: 18, with: [1, 1])
    let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.storePath))
    #expect(throws: StoreError.notAStore(path: fixture.storePath)) { try fixture.writer() }
    #expect(throws: StoreError.notAStore(path: fixture.storePath)) { try fixture.reader() }
    #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.storePath)) == bytes)
    let message = StoreError.notAStore(path: fixture.storePath).description
    #expect(message.contains(fixture.storePath) && message.contains("not a Recur results store"))
  }

  @Test func anEmptyFileBecomesAStore() throws {
    let fixture = StoreFixture()
    try FileManager.default.createDirectory(
      at: fixture.directory, withIntermediateDirectories: true)
    try Data().write(to: URL(fileURLWithPath: fixture.storePath))
    #expect(throws: StoreError.notAStore(path: fixture.storePath)) { try fixture.reader() }
    try fixture.writer(with: StoreFixture.plan(1)).close()
    #expect(try fixture.reader().statusCounts().trials == 1)
  }

  @Test(arguments: [
    Data("this is a text file, not a database\n".utf8),
    Data(repeating: 0xA5, count: 8192),
    Data("SQLite format 3\0".utf8) + Data(repeating: 0xFF, count: 4000),
  ])
  func aGarbageFileGivesATypedError(bytes: Data) throws {
    let fixture = StoreFixture()
    try FileManager.default.createDirectory(
      at: fixture.directory, withIntermediateDirectories: true)
    try bytes.write(to: URL(fileURLWithPath: fixture.storePath))
    for open in [fixture.reader, fixture.writer] {
      do {
        _ = try open()
        Issue.record("a garbage file opened as a store")
      } catch let error as StoreError {
        switch error {
        case .notAStore, .corrupt: break
        default: Issue.record("unexpected \(error)")
        }
      }
    }
  }

  @Test func aDamagedStoreGivesATypedError() throws {
    let fixture = StoreFixture()
    do {
      let store = try fixture.writer(with: StoreFixture.plan(2000))
      try store.close()
    }
    let url = URL(fileURLWithPath: fixture.storePath)
    var bytes = try Data(contentsOf: url)
    #expect(bytes.count > 16384)
    // Keep the header page, scribble over the table pages.
    bytes.replaceSubrange(
      4096..<bytes.count, with: Data(repeating: 0x5A, count: bytes.count - 4096))
    try bytes.write(to: url)
    do {
      let reader = try fixture.reader()
      _ = try reader.trials()
      Issue.record("a damaged store was read")
    } catch let error as StoreError {
      switch error {
      case .corrupt(let path, _), .notAStore(let path): #expect(path == fixture.storePath)
      default: Issue.record("unexpected \(error)")
      }
    }
  }

  @Test func aNewerSchemaIsDetectedByWritersAndReaders() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(1)).close()
    try fixture.patchHeader(at: 60, with: [0, 0, 0, 7])  // user_version, big-endian
    let expected = StoreError.newerSchema(
      path: fixture.storePath, found: 7, supported: ResultsStore.schemaVersion)
    #expect(throws: expected) { try fixture.reader() }
    #expect(throws: expected) { try fixture.writer() }
    #expect(
      expected.description
        == "\(fixture.storePath) has store schema version 7, but this recur supports up to "
        + "version \(ResultsStore.schemaVersion). Use a newer recur to read it.")
  }

  @Test func anOlderSchemaIsReportedToReaders() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(1)).close()
    try fixture.patchHeader(at: 60, with: [0, 0, 0, 0])
    let expected = StoreError.olderSchema(
      path: fixture.storePath, found: 0, supported: ResultsStore.schemaVersion)
    #expect(throws: expected) { try fixture.reader() }
  }

  @Test func aSecondWriterIsRefusedWhileTheFirstIsOpen() throws {
    let fixture = StoreFixture()
    let first = try fixture.writer()
    #expect(throws: StoreError.locked(path: fixture.storePath)) { try fixture.writer() }
    #expect(try fixture.reader().statusCounts().trials == 0)
    _ = first
  }

  @Test func aStoreFolderThatIsAFileIsNotAStore() throws {
    let fixture = StoreFixture()
    try Data("x".utf8).write(to: fixture.directory)
    #expect(throws: StoreError.notAStore(path: fixture.directory.path)) { try fixture.reader() }
    #expect(throws: StoreError.self) { try fixture.writer() }
  }

  @Test func theFileIsMarkedAsARecurStoreInWALMode() throws {
    let fixture = StoreFixture()
    try fixture.writer().close()
    let header = try Data(contentsOf: URL(fileURLWithPath: fixture.storePath)).prefix(100)
    #expect(header.prefix(16) == Data("SQLite format 3\0".utf8))
    #expect(Array(header[18...19]) == [2, 2])  // WAL
    #expect(Array(header[60..<64]) == [0, 0, 0, UInt8(ResultsStore.schemaVersion)])
    #expect(Array(header[68..<72]) == Array("RCUR".utf8))
  }

  /// The writer's close leaves everything in `results.sqlite` itself: a copy of that one file
  /// (what users move between machines) is the whole store, even after the writer's pool
  /// opened read connections (which, closed last and read-only, cannot checkpoint).
  @Test func aClosedStoreHoldsEverythingInItsOneFile() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(3))
    #expect(try store.statusCounts().trials == 3)
    try store.close()
    let wal = fixture.storePath + "-wal"
    let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
    #expect(walSize == 0)
    let copy = StoreFixture()
    try FileManager.default.createDirectory(at: copy.directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture.storePath, toPath: copy.storePath)
    let reader = try copy.reader()
    #expect(try reader.statusCounts().trials == 3)
    #expect(try reader.sweep()?.info.name == "cells")
  }

  /// A store with no side files (copied alone, or left by a tool that cleaned them) in a
  /// folder the reader cannot write is read through an immutable URI: a read-only connection
  /// would otherwise have to create results.sqlite-shm there, and fail. Tests may run as
  /// root, to whom every folder is writable, so the folder's state is passed in.
  @Test func aStoreWithoutSideFilesIsReadFromAFolderThatCannotBeWritten() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(3)).close()
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: fixture.storePath + suffix)
    }
    #expect(ResultsStore.readerPath(fixture.storePath, folderWritable: true) == fixture.storePath)
    let opened = ResultsStore.readerPath(fixture.storePath, folderWritable: false)
    #expect(opened.hasPrefix("file:/") && opened.hasSuffix("?immutable=1"))
    var configuration = Configuration()
    configuration.readonly = true
    let pool = try DatabasePool(path: opened, configuration: configuration)
    #expect(try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM trials") } == 3)
    try pool.close()
    #expect(!FileManager.default.fileExists(atPath: fixture.storePath + "-shm"))
  }

  /// While a writer's side files are there, the reader opens the file itself (its log may
  /// hold commits that an immutable reader would not see).
  @Test func aStoreWithAWriterLogIsOpenedDirectly() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    #expect(ResultsStore.readerPath(fixture.storePath, folderWritable: false) == fixture.storePath)
    try store.close()
  }

  /// Only a regular file can be a store: a named pipe blocked a reader's open for ever, and a
  /// link to /dev/null took a writer's commits as a "disk I/O error".
  @Test func aPipeOrADeviceNamedLikeTheStoreIsNotAStore() throws {
    let pipe = StoreFixture()
    try FileManager.default.createDirectory(at: pipe.directory, withIntermediateDirectories: true)
    #expect(mkfifo(pipe.storePath, 0o644) == 0)
    // A writer end kept open: a regression fails here instead of blocking the suite.
    let keeper = open(pipe.storePath, O_RDWR | O_NONBLOCK)
    defer { close(keeper) }
    #expect(throws: StoreError.notAStore(path: pipe.storePath)) { try pipe.reader() }
    #expect(throws: StoreError.notAStore(path: pipe.storePath)) { try pipe.writer() }
    let device = StoreFixture()
    try FileManager.default.createDirectory(
      at: device.directory, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: device.storePath, withDestinationPath: "/dev/null")
    #expect(throws: StoreError.notAStore(path: device.storePath)) { try device.writer() }
    #expect(throws: StoreError.notAStore(path: device.storePath)) { try device.reader() }
  }

  /// A store of the right version whose schema lost a column (damaged, or edited by hand) is
  /// reported damaged (exit 65), not as a failure to store (which `recur status` and `recur
  /// report`, which never store, printed with exit 70).
  @Test func aStoreWithADamagedSchemaIsReportedDamaged() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(2)).close()
    let queue = try DatabaseQueue(path: fixture.storePath)
    try queue.write { db in
      try db.execute(sql: "ALTER TABLE sweeps RENAME COLUMN registered_at TO lost")
    }
    try queue.close()
    let reader = try fixture.reader()
    let error = #expect(throws: StoreError.self) { try reader.sweep() }
    guard case .corrupt(let path, let detail)? = error else {
      Issue.record("expected .corrupt, got \(String(describing: error))")
      return
    }
    #expect(path == fixture.storePath)
    #expect(detail.contains("no such column"))
  }

  /// The same for a view whose SQL was damaged (a byte flipped in a function's name).
  @Test func aStoreWithADamagedViewIsReportedDamaged() throws {
    let fixture = StoreFixture()
    try fixture.writer(with: StoreFixture.plan(2)).close()
    let queue = try DatabaseQueue(path: fixture.storePath)
    try queue.write { db in
      try db.execute(sql: "DROP VIEW trial_results")
      try db.execute(
        sql:
          "CREATE VIEW trial_results AS SELECT *, json_eptract(summary_json, '$.a') "
          + "AS final_eval_loss FROM trials"
      )
    }
    try queue.close()
    let reader = try fixture.reader()
    let error = #expect(throws: StoreError.self) { try reader.trials() }
    guard case .corrupt(_, let detail)? = error else {
      Issue.record("expected .corrupt, got \(String(describing: error))")
      return
    }
    #expect(detail.contains("no such function"))
  }

  /// A reader that cannot create results.sqlite-shm beside a writer's log is told why and
  /// what to do (a missing-file error, exit 66), not "opened read-only" (exit 70).
  @Test func aLogThatCannotBeReadInAFolderThatCannotBeWrittenIsExplained() throws {
    let fixture = StoreFixture()
    try fixture.writer().close()
    let path = fixture.storePath
    for error in [
      StoreError.readOnly(path: path), .cannotOpen(path: path, reason: "unable to open"),
    ] {
      let explained = ResultsStore.readerError(error, folderWritable: false)
      guard case .cannotOpen(path, let reason) = explained else {
        Issue.record("expected .cannotOpen of the store, got \(explained)")
        continue
      }
      #expect(reason.contains("the folder cannot be written"))
      #expect(ResultsStore.readerError(error, folderWritable: true) == error)
    }
    let other = StoreError.notAStore(path: path)
    #expect(ResultsStore.readerError(other, folderWritable: false) == other)
    let unreadable = StoreError.cannotOpen(path: path + ".none", reason: "unable to open")
    #expect(ResultsStore.readerError(unreadable, folderWritable: false) == unreadable)
  }

  /// A writer that cannot write the folder or an existing store (someone else's results)
  /// is refused up front with what to do. Tests may run as root, who can write anything, so
  /// the permission check is passed in.
  @Test func aFolderOrStoreThisUserCannotWriteIsRefusedForWriting() throws {
    let fixture = StoreFixture()
    try fixture.writer().close()
    let folder = fixture.directory.path
    let path = fixture.storePath
    let noFolder = ResultsStore.writingProblem(path, directory: folder) { $0 != folder }
    guard case .cannotOpen(folder, let reason)? = noFolder else {
      Issue.record("expected .cannotOpen of the folder, got \(String(describing: noFolder))")
      return
    }
    #expect(reason.hasPrefix("this user cannot write in that folder"))
    let noFile = ResultsStore.writingProblem(path, directory: folder) { $0 != path }
    guard case .cannotOpen(path, let fileReason)? = noFile else {
      Issue.record("expected .cannotOpen of the store, got \(String(describing: noFile))")
      return
    }
    #expect(fileReason.hasPrefix("this user cannot write that file"))
    #expect(ResultsStore.writingProblem(path, directory: folder) { _ in true } == nil)
  }
}
