import Foundation
import RecurStore
import Testing

/// The promise users compare runs by: the same trial specification and seed give the same
/// records, bit for bit, whichever process runs them — a worker of the cluster, another
/// worker after a requeue, or `recur run` on the command line. In ClusterProcessTests, whose
/// process tests run one at a time.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func everyTrialOfASweepRecordsTheSameCurveAsRecurRunOfItsKeys() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("quick", ClusterProcessTests.quickSweep)
    let coordinator = try harness.coordinator(sweep: sweep, results: results, port: port)
    for name in ["w1", "w2"] { try harness.worker(name, port: port) }
    #expect(coordinator.waitForExit(timeout: 50) == 0, "\(coordinator.tail)")
    let store = try harness.store(results)
    let trials = try store.trials()
    try #require(trials.count == 6)
    for trial in trials {
      let stored = try store.metrics(trialID: trial.id).map(\.recordJSON)
      let local = try Self.recordsOfRecurRun(trial, harness)
      #expect(!stored.isEmpty)
      #expect(stored == local, "trial \(trial.id) (\(trial.keys["cell"] ?? "?"))")
    }
  }

  /// The lines of `metrics.jsonl` written by `recur run` with the trial's resolved keys.
  static func recordsOfRecurRun(_ trial: TrialRecord, _ harness: ClusterHarness) throws
    -> [String]
  {
    let folder = harness.directory.appendingPathComponent("run-\(trial.id)")
    let keys = trial.keys.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    let run = try harness.start("run-\(trial.id)", ["run"] + keys + ["--out", folder.path])
    try #require(run.waitForExit(timeout: 30) == 0, "\(run.tail)")
    let text = try String(
      contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
    return text.split(separator: "\n").map(String.init)
  }
}
