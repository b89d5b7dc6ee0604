import Foundation
import RecurStore
import Testing

/// A worker frozen mid-trial (SIGSTOP), dropped, then thawed (SIGCONT).
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aFrozenWorkersTrialIsRequeuedAndItsLateResultKeptAsADuplicate() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("slow", Self.slowSweep(trials: 8))
    let coordinator = try harness.coordinator(
      sweep: sweep, results: results, port: port, extra: ["--heartbeat-liveness", "3"])
    let frozen = try harness.worker("frozen", port: port)
    let survivor = try harness.worker("survivor", port: port)
    var frozenTrial: String?
    let caught = try ClusterHarness.waitUntil(timeout: 30) {
      guard let store = try? harness.store(results) else { return false }
      frozenTrial = try store.trials().first { $0.state == .running && $0.worker == "frozen" }?.id
      return frozenTrial != nil
    }
    try #require(caught, "the frozen worker never ran a trial\n\(coordinator.tail)")
    let trialID = try #require(frozenTrial)
    Thread.sleep(forTimeInterval: 0.3)  // into the trial
    frozen.kill(SIGSTOP)
    // Dropped after 3 × 200 ms; its trial runs again on the survivor, which finishes it.
    let redone = try ClusterHarness.waitUntil(timeout: 30) {
      guard let trial = try harness.store(results).trial(id: trialID) else { return false }
      return trial.state.isTerminal
    }
    frozen.kill(SIGCONT)
    try #require(redone, "the frozen worker's trial was not finished\n\(coordinator.tail)")

    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(survivor.waitForExit(timeout: 10) == 0, "\(survivor.tail)")
    #expect(frozen.waitForExit(timeout: 10) == 0, "\(frozen.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 8)
    let store = try harness.store(results)
    let trial = try #require(try store.trial(id: trialID))
    #expect(trial.state == .finished)
    #expect(trial.worker == "survivor")
    #expect(trial.outcomeAttempt == 2, "the survivor's attempt stays the outcome")
    let counts = try store.statusCounts()
    #expect(counts.lost == 0)
    #expect(counts.duplicates == 1, "the thawed worker's late result, kept aside")
    let log = coordinator.output
    #expect(log.contains("worker frozen fell silent and was dropped"), "\(coordinator.tail)")
    #expect(log.contains("duplicate result of \(trialID)#1 from frozen"), "\(coordinator.tail)")
    #expect(log.contains("worker frozen joined") || log.contains("worker frozen rejoined"))
    #expect(
      log.components(separatedBy: "worker frozen").count > 3,
      "the thawed worker came back\n\(coordinator.tail)")
  }
}
