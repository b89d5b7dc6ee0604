import Foundation
import RecurStore
import Testing

/// `recur report` as a user runs it: an output it cannot write is the user's to fix (exit 73,
/// as `recur run` and `recur probe`), not an internal error (70).
@Suite struct ReportCommandLineTests {
  /// A results folder with a two-trial plan and nothing run yet.
  static func store(in harness: ClusterHarness) throws -> String {
    let results = harness.results()
    let store = try ResultsStore.openForWriting(directory: URL(fileURLWithPath: results))
    let sweep = SweepInfo(
      name: "cells", filePath: "cells.yaml", fileText: "name: cells\n", sweptKeys: ["cell"],
      metric: "final_eval_loss", attemptsAllowed: 1)
    let trials = ["rnn", "lstm"].enumerated().map { ordinal, cell in
      PlannedTrialRow(
        id: "t\(ordinal)", ordinal: ordinal, specJSON: "{\"cell\":\"\(cell)\"}",
        keys: ["cell": cell])
    }
    _ = try store.registerPlan(sweep: sweep, trials: trials)
    try store.close()
    return results
  }

  @Test func anOutputThatIsAFolderExits73AndSaysSo() throws {
    let harness = try ClusterHarness()
    let results = try Self.store(in: harness)
    let folder = harness.directory.path
    let process = try harness.start(
      "report", ["report", results, "--format", "html", "--out", folder])
    #expect(process.waitForExit(timeout: 60) == 73, "\(process.tail)")
    #expect(process.output.contains("Cannot write \(folder): it is a folder"), "\(process.tail)")
  }

  @Test func anOutputInAMissingFolderExits66() throws {
    let harness = try ClusterHarness()
    let results = try Self.store(in: harness)
    let process = try harness.start(
      "report", ["report", results, "--format", "csv", "--out", harness.results("none/r.csv")])
    #expect(process.waitForExit(timeout: 60) == 66, "\(process.tail)")
    #expect(process.output.contains("does not exist"), "\(process.tail)")
  }

  /// `--out` naming the store (or its log) would replace the results by the report: refused
  /// before anything is read or written, and the store is kept byte for byte.
  @Test(arguments: ["results.sqlite", "./results.sqlite", "results.sqlite-wal"])
  func anOutputThatIsTheStoreIsRefusedAndTheStoreKept(name: String) throws {
    let harness = try ClusterHarness()
    let results = try Self.store(in: harness)
    let store = URL(fileURLWithPath: results).appendingPathComponent("results.sqlite")
    let before = try Data(contentsOf: store)
    let out = results + "/" + name
    let process = try harness.start("report", ["report", results, "--format", "csv", "--out", out])
    #expect(process.waitForExit(timeout: 60) == 64, "\(process.tail)")
    #expect(process.output.contains("is the results store"), "\(process.tail)")
    #expect(try Data(contentsOf: store) == before)
  }

  /// The store file itself, as `recur coordinator` prints it, stands for its folder.
  @Test(arguments: ["status", "report"])
  func theStoreFileItselfIsReadAsItsFolder(command: String) throws {
    let harness = try ClusterHarness()
    let results = try Self.store(in: harness)
    let process = try harness.start(command, [command, results + "/results.sqlite"])
    #expect(process.waitForExit(timeout: 60) == 0, "\(process.tail)")
    #expect(process.output.contains("cells"), "\(process.tail)")
  }
}
