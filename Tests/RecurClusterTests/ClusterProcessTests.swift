import Foundation
import RecurStore
import RecurSweep
import Testing

/// The cluster with real processes on 127.0.0.1: the built `recur` binary as coordinator and
/// workers, a real results store, failures made with signals. One test at a time (they share
/// the machine's two cores), each bounded to a minute; the harness kills every process it
/// started, whatever happens.
@Suite(.serialized) struct ClusterProcessTests {
  /// Six tiny trials (a few tenths of a second each).
  static let quickSweep = """
    name: quick
    fixed: {task: adding, seq_len: 10, hidden: 8, batch: 8, steps: 40, eval_every: 20,
      diagnose_every: 20, lr: 0.01}
    parameters:
      cell: {values: [rnn, lstm, gru]}
    seeds: [1, 2]
    """

  /// Trials of about a second, long enough to be interrupted in the middle.
  /// A coordinator on a slow sweep of `trials` trials and one worker named `worker`, returned
  /// once that worker runs a trial.
  static func slowSweepWithOneRunningWorker(
    _ harness: ClusterHarness, trials: Int, worker name: String
  ) throws -> (results: String, coordinator: RecurProcess, worker: RecurProcess, port: Int) {
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("slow", slowSweep(trials: trials))
    let coordinator = try harness.coordinator(sweep: sweep, results: results, port: port)
    let worker = try harness.worker(name, port: port)
    let running = ClusterHarness.waitUntil(timeout: 30) {
      (harness.counts(results)?.running ?? 0) == 1
    }
    try #require(running, "\(coordinator.tail)")
    return (results, coordinator, worker, port)
  }

  static func slowSweep(trials: Int) -> String {
    """
    name: slow
    fixed: {task: adding, seq_len: 50, hidden: 64, batch: 32, steps: 150, eval_every: 50,
      diagnose_every: 50, lr: 0.01, cell: lstm}
    seeds: [\((1...trials).map(String.init).joined(separator: ", "))]
    """
  }

  static var smokeSweep: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("experiments/smoke.yaml").path
  }

  /// Every trial of the plan has exactly one outcome, and nothing is left to run.
  static func expectOneOutcomePerTrial(
    _ harness: ClusterHarness, _ results: String, expectedTrials: Int,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let store = try harness.store(results)
    let counts = try store.statusCounts()
    #expect(counts.trials == expectedTrials, sourceLocation: sourceLocation)
    #expect(counts.queued == 0 && counts.running == 0, sourceLocation: sourceLocation)
    #expect(
      counts.finished + counts.diverged + counts.failed + counts.lost == counts.trials,
      sourceLocation: sourceLocation)
    for trial in try store.trials() {
      #expect(
        trial.state.isTerminal, "\(trial.id) is \(trial.state)", sourceLocation: sourceLocation)
      if trial.state != .lost {
        #expect(trial.outcomeAttempt != nil, sourceLocation: sourceLocation)
      }
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func twoWorkersFinishTheSmokeSweepWithOneOutcomePerTrial() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let coordinator = try harness.coordinator(sweep: Self.smokeSweep, results: results, port: port)
    let workers = try ["w1", "w2"].map { try harness.worker($0, port: port) }
    let status = coordinator.waitForExit(timeout: 50)
    #expect(status == 0, "\(coordinator.tail)")
    for worker in workers { #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)") }
    let planned = try Sweep.load(path: Self.smokeSweep).trialCount
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: planned)
    let counts = try #require(harness.counts(results))
    #expect(counts.attempts == planned)
    #expect(counts.duplicates == 0)
    #expect(coordinator.output.contains("listening on tcp://127.0.0.1:\(port)"))
    #expect(coordinator.output.contains("recur worker --connect tcp://127.0.0.1:\(port)"))
    #expect(coordinator.output.contains("trials     \(planned)"), "the summary table")
  }

  @Test(.timeLimit(.minutes(1)))
  func aKilledWorkersTrialIsRequeuedAndFinishedByTheOther() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("slow", Self.slowSweep(trials: 4))
    let coordinator = try harness.coordinator(sweep: sweep, results: results, port: port)
    let victim = try harness.worker("victim", port: port)
    let survivor = try harness.worker("survivor", port: port)
    var killedTrial: String?
    let caught = try ClusterHarness.waitUntil(timeout: 30) {
      guard let store = try? harness.store(results) else { return false }
      killedTrial = try store.trials().first { $0.state == .running && $0.worker == "victim" }?.id
      return killedTrial != nil
    }
    try #require(caught, "the victim never ran a trial\n\(coordinator.tail)")
    Thread.sleep(forTimeInterval: 0.3)  // into the trial
    victim.kill(SIGKILL)
    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(survivor.waitForExit(timeout: 10) == 0, "\(survivor.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 4)
    let store = try harness.store(results)
    let counts = try store.statusCounts()
    #expect(counts.lost == 0)
    #expect(counts.duplicates == 0)
    let killedID = try #require(killedTrial)
    let trial = try #require(try store.trial(id: killedID))
    #expect(trial.state == .finished)
    #expect(trial.attempts >= 2, "the killed attempt and the one that finished")
    #expect(trial.worker == "survivor")
    #expect(coordinator.output.contains("requeued \(trial.id)"))
  }

  @Test(.timeLimit(.minutes(1)))
  func aRestartedCoordinatorResumesAndRunsNoFinishedTrialAgain() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("slow", Self.slowSweep(trials: 6))
    let first = try harness.coordinator("coordinator-1", sweep: sweep, results: results, port: port)
    let workers = try ["w1", "w2"].map { try harness.worker($0, port: port) }
    let progressed = ClusterHarness.waitUntil(timeout: 40) {
      (harness.counts(results)?.finished ?? 0) >= 2
    }
    try #require(progressed, "no trial finished\n\(first.tail)")
    first.kill(SIGKILL)
    _ = first.waitForExit(timeout: 5)
    let before = try harness.store(results).trials().filter { $0.state.isTerminal }
    let second = try harness.coordinator(
      "coordinator-2", sweep: sweep, results: results, port: port)
    #expect(second.waitForExit(timeout: 50) == 0, "\(second.tail)")
    for worker in workers { #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)") }
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 6)
    let after = try harness.store(results)
    for trial in before {
      let now = try #require(try after.trial(id: trial.id))
      #expect(now.attempts == trial.attempts, "\(trial.id) ran again")
      #expect(now.outcomeAttempt == trial.outcomeAttempt)
      #expect(now.finishedAt == trial.finishedAt)
    }
    #expect(second.output.contains("0 new, 6 already stored"))
  }

  @Test(.timeLimit(.minutes(1)))
  func anEditedSweepAddsOnlyItsNewTrials() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("quick", Self.quickSweep)
    let first = try harness.coordinator("coordinator-1", sweep: sweep, results: results, port: port)
    let worker = try harness.worker("w1", port: port)
    #expect(first.waitForExit(timeout: 40) == 0, "\(first.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    let before = try harness.store(results).trials()
    // One more seed: three new trials; the six finished ones stay as they are.
    let edited = try harness.sweep(
      "quick", Self.quickSweep.replacingOccurrences(of: "seeds: [1, 2]", with: "seeds: [1, 2, 3]"))
    let second = try harness.coordinator(
      "coordinator-2", sweep: edited, results: results, port: port)
    let again = try harness.worker("w2", port: port)
    #expect(second.waitForExit(timeout: 40) == 0, "\(second.tail)")
    #expect(again.waitForExit(timeout: 10) == 0, "\(again.tail)")
    #expect(second.output.contains("9 trials (3 new, 6 already stored)"), "\(second.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 9)
    let after = try harness.store(results)
    #expect(try after.statusCounts().attempts == 9)
    for trial in before {
      let now = try #require(try after.trial(id: trial.id))
      #expect(now.worker == "w1" && now.attempts == 1, "\(trial.id) ran again")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func aWorkerStartedBeforeItsCoordinatorConnectsWhenItComesUp() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("quick", Self.quickSweep)
    let worker = try harness.worker("early", port: port)
    Thread.sleep(forTimeInterval: 1.5)
    #expect(worker.isRunning, "\(worker.tail)")
    let coordinator = try harness.coordinator(sweep: sweep, results: results, port: port)
    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 6)
    #expect(try harness.store(results).trials().allSatisfy { $0.worker == "early" })
  }

  @Test(.timeLimit(.minutes(1)))
  func aWorkerThatNeverReachesACoordinatorExits69NamingTheAddress() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let worker = try harness.start(
      "lonely",
      ["worker", "--connect", "tcp://127.0.0.1:\(port)", "--connect-timeout", "1s"])
    #expect(worker.waitForExit(timeout: 20) == 69, "\(worker.tail)")
    #expect(worker.output.contains("tcp://127.0.0.1:\(port)"))
  }

  @Test(.timeLimit(.minutes(1)))
  func anInterruptedCoordinatorTellsItsWorkersRequeuesAndExitsZero() throws {
    let harness = try ClusterHarness()
    let (results, coordinator, worker, _) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 6, worker: "w1")
    coordinator.kill(SIGINT)
    #expect(coordinator.waitForExit(timeout: 15) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    let counts = try #require(harness.counts(results))
    #expect(counts.running == 0, "the running trial went back to the queue")
    #expect(counts.queued > 0)
    #expect(counts.queued + counts.finished == 6)
    #expect(coordinator.output.contains("stopped"))
  }
}
