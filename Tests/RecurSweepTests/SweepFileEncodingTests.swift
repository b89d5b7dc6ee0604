import Foundation
import RecurSweep
import Testing

/// A sweep file that is not UTF-8 is refused at its first bad byte, with line and column.
@Suite struct SweepFileEncodingTests {
  static func load(_ bytes: [UInt8]) throws -> [SweepDiagnostic] {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-encoding-\(UUID().uuidString).yaml")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      _ = try Sweep.load(path: url.path)
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test func aLatin1ByteIsPlacedAtItsLineAndColumn() throws {
    let diagnostics = try Self.load(Array("method: grid\nname: caf".utf8) + [0xE9, 0x0A])
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.line == 2)
    #expect(diagnostics.first?.column == 10)
    #expect(
      diagnostics.first?.message
        == "byte 0xE9 is not UTF-8 text; expected a YAML sweep file saved as UTF-8")
  }

  @Test func aUTF16FileIsNamedAsSuch() throws {
    let diagnostics = try Self.load([0xFF, 0xFE, 0x6D, 0x00])
    #expect(diagnostics.first?.line == 1)
    #expect(diagnostics.first?.column == 1)
    #expect(diagnostics.first?.message.contains("(UTF-16?)") == true)
  }

  /// A file of gigabytes is refused before it is read (a sparse file here: no disk used).
  @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-huge-\(UUID().uuidString).yaml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data("method: grid\n".utf8)))
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 3 << 30)
    try handle.close()
    let error = #expect(throws: SweepError.self) { try Sweep.load(path: url.path) }
    #expect(error?.diagnostics.first?.line == 1)
    #expect(
      error?.diagnostics.first?.message
        == "the file holds 3072 MB; expected a sweep file of at most 64 MB "
        + "(a sweep of 1,000,000 trials takes a few)")
  }
}
