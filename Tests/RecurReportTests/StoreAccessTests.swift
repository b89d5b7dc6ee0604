import Foundation
import RecurStore
import Testing

@testable import RecurReport

@Suite struct StoreAccessTests {
  @Test func aMissingFolderIsAMissingStore() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())")
    #expect(throws: StoreError.missing(path: folder.path)) {
      try SweepSnapshot.read(directory: folder)
    }
  }

  @Test func aFileThatIsNotAStoreIsSaidToBeOne() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "not-a-store-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(ResultsStore.fileName)
    try Data("hello, this is not SQLite at all, just some text long enough".utf8).write(to: file)
    #expect(throws: StoreError.notAStore(path: file.path)) {
      try SweepSnapshot.read(directory: folder)
    }
    // Named directly, the file is read as its folder's store.
    #expect(throws: StoreError.notAStore(path: file.path)) {
      try SweepSnapshot.read(directory: file)
    }
    // Another file given as DIR.
    let other = folder.appendingPathComponent("notes.txt")
    try Data("x".utf8).write(to: other)
    #expect(throws: StoreError.notAStore(path: other.path)) {
      try SweepSnapshot.read(directory: other)
    }
  }

  @Test func aNewerSchemaIsRefusedWithItsVersion() throws {
    let fixture = try SweepFixture(trials: SweepFixture.cellTrials(cells: ["rnn"], seeds: [1]))
    try fixture.store.close()
    // user_version is the big-endian integer at offset 60 of the header
    // (https://www.sqlite.org/fileformat.html#the_database_header).
    let url = fixture.directory.appendingPathComponent(ResultsStore.fileName)
    var data = try Data(contentsOf: url)
    data.replaceSubrange(60..<64, with: [0, 0, 0, 99])
    try data.write(to: url)
    #expect(
      throws: StoreError.newerSchema(
        path: url.path, found: 99, supported: ResultsStore.schemaVersion)
    ) { try SweepSnapshot.read(directory: fixture.directory) }
  }

  @Test func anEmptyStoreGivesAnEmptyReportThatSaysSo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try ResultsStore.openForWriting(directory: folder, durability: .normal).close()
    let report = try Report(
      snapshot: SweepSnapshot.read(directory: folder), options: ReportOptions(groupBy: ["cell"]))
    #expect(report.groups.isEmpty)
    #expect(report.status.message.contains("No trials yet"))
    #expect(report.render(.csv).hasPrefix("cell,"))
    #expect(report.html().contains("No trial has recorded a loss yet"))
  }
}
