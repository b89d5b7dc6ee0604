import Foundation
import Testing

/// `recur bench` as a user runs it: options out of range are usage errors (64) and an output
/// that cannot be written is the user's to fix (73), never a raw error dump with exit 1.
@Suite struct BenchCommandLineTests {
  @Test(arguments: [
    ["--plan-trials", "99999999999"], ["--round-trips", "0"],
  ])
  func dispatchOptionsOutOfRangeAreUsageErrors(options: [String]) throws {
    let result = try CommandLineTests.recur(["bench", "dispatch", "--trials", "1"] + options)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(options[0] + " must be"), "\(result.stderr)")
  }

  @Test func anEngineJSONFileThatCannotBeWrittenExits73() throws {
    let folder = FileManager.default.temporaryDirectory.path
    let result = try CommandLineTests.recur([
      "bench", "engine", "--configs", "adding-h128", "--cells", "rnn", "--steps", "1",
      "--seconds", "0", "--sgemm-seconds", "0", "--no-diagnostics", "--json", folder,
    ])
    #expect(result.status == 73, "\(result.stderr)")
    #expect(result.stderr.contains("cannot write \(folder)"), "\(result.stderr)")
  }
}
