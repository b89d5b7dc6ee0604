import Foundation
import RecurProtocol
import RecurWire
import Testing

/// A peer that says hello, then reports on an attempt another worker runs.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aForgedResultForAnotherWorkersAttemptIsNeverStored() throws {
    let harness = try ClusterHarness()
    let (results, coordinator, worker, port) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 2, worker: "honest")
    let running = try #require(try harness.store(results).trials(state: .running).first)
    let trial = TrialAttempt(trialID: running.id, attempt: UInt32(running.attempts))

    // Two forgers: one under its own name, one under the honest worker's.
    for name in ["forger", "honest"] {
      let forger = try Self.rawWorker(named: name, port: port)
      let record = Data(#"{"step":999999,"train_loss":0.5}"#.utf8)
      try forger.send(
        WorkerMessage.metrics(MetricsBatch(trial: trial, sequence: 0, records: [record]))
          .encode())
      try forger.send(
        WorkerMessage.result(
          TrialResult(
            trial: trial, sequence: 1, outcome: .failed, summary: Data(#"{"forged":true}"#.utf8),
            errorMessage: "forged")
        ).encode())
      // Both are acknowledged (so that a confused sender lets go of them), neither stored.
      var acknowledged: [UInt64] = []
      while acknowledged.count < 2, let frames = try forger.receive(timeout: .seconds(10)) {
        if case .ack(let ack) = try CoordinatorMessage.decode(frames) {
          acknowledged += ack.sequences
        }
      }
      #expect(acknowledged.sorted() == [0, 1], "\(coordinator.tail)")
      forger.close()
    }

    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 2)
    let store = try harness.store(results)
    let stored = try #require(try store.trial(id: running.id))
    #expect(stored.state == .finished)
    #expect(stored.error == nil)
    #expect(stored.worker == "honest")
    #expect(!(stored.summaryJSON ?? "").contains("forged"))
    #expect(try store.metrics(trialID: running.id).allSatisfy { $0.step != 999_999 })
    #expect(try store.statusCounts().duplicates == 0)
    #expect(coordinator.output.contains("an attempt it does not run"), "\(coordinator.tail)")
  }

  /// A DEALER that said hello to the coordinator on `port` and was welcomed.
  static func rawWorker(named name: String, port: Int) throws -> Socket {
    let context = try Context(defaultLinger: .zero)
    let socket = try context.socket(.dealer)
    try socket.connect("tcp://127.0.0.1:\(port)")
    try socket.send(
      WorkerMessage.hello(
        Hello(name: name, host: "elsewhere", cores: 1, engineVersion: "0", processID: 1)
      ).encode())
    let reply = try #require(try socket.receive(timeout: .seconds(10)))
    guard case .welcome = try CoordinatorMessage.decode(reply) else {
      throw HarnessError("expected a welcome, got \(reply)")
    }
    return socket
  }
}

/// A peer that claims, after a coordinator restart, a trial another worker was running.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aStrangerCannotClaimAnotherWorkersInterruptedTrial() throws {
    let harness = try ClusterHarness()
    let (results, first, worker, port) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 2, worker: "honest")
    let running = try #require(try harness.store(results).trials(state: .running).first)
    let trial = TrialAttempt(trialID: running.id, attempt: UInt32(running.attempts))
    // The honest worker cannot rejoin before the forger has tried.
    worker.kill(SIGSTOP)
    first.kill(SIGKILL)
    _ = first.waitForExit(timeout: 5)
    let sweep = harness.directory.appendingPathComponent("slow.yaml").path
    let second = try harness.coordinator(
      "coordinator-2", sweep: sweep, results: results, port: port)
    let listening = ClusterHarness.waitUntil(timeout: 20) {
      second.output.contains("listening on")
    }
    try #require(listening, "\(second.tail)")
    let forger = try Self.rawWorker(named: "forger", port: port)
    try forger.send(WorkerMessage.heartbeat(running: trial).encode())
    _ = try forger.receive(timeout: .seconds(1))  // whatever it answers, a round went by
    forger.close()
    worker.kill(SIGCONT)

    #expect(second.waitForExit(timeout: 45) == 0, "\(second.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 2)
    #expect(!second.output.contains("on forger"), "\(second.tail)")
    let stored = try #require(try harness.store(results).trial(id: running.id))
    #expect(stored.worker == "honest")
    #expect(try harness.store(results).statusCounts().lost == 0)
  }
}
