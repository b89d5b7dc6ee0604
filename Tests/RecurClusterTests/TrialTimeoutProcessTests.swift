import Foundation
import RecurProtocol
import RecurStore
import RecurWire
import Testing

/// `--trial-timeout` with real processes: a trial that would train for minutes is cancelled
/// after 2 s, recorded `failed` with the reason and never retried; the worker goes on.
extension ClusterProcessTests {
  /// Two trials of ten million steps (minutes of training, deterministic) and two of 40.
  static let endlessSweep = """
    name: endless
    fixed: {task: adding, seq_len: 10, hidden: 8, batch: 8, eval_every: 0, diagnose_every: 0,
      lr: 0.01, cell: lstm}
    parameters:
      steps: {values: [10000000, 40]}
    seeds: [1, 2]
    """

  @Test(.timeLimit(.minutes(1)))
  func aTrialRunningPastTheTimeoutIsCancelledRecordedFailedAndNotRetried() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("endless", Self.endlessSweep)
    let coordinator = try harness.coordinator(
      sweep: sweep, results: results, port: port, extra: ["--trial-timeout", "2s"])
    let worker = try harness.worker("w1", port: port)
    #expect(coordinator.waitForExit(timeout: 40) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 4)
    let store = try harness.store(results)
    let message = "ran longer than the trial timeout of 2s on worker w1; cancelled"
    for trial in try store.trials() {
      let endless = trial.specJSON.contains("10000000")
      #expect(trial.state == (endless ? .failed : .finished), "\(trial.id): \(trial.state)")
      #expect(trial.error == (endless ? message : nil), "\(trial.id)")
      #expect(trial.attempts == 1, "\(trial.id) was run again")
      #expect(trial.worker == "w1")
    }
    let counts = try store.statusCounts()
    #expect(counts.failed == 2 && counts.finished == 2)
    #expect(counts.attempts == 4 && counts.lost == 0)
    let timedOut = try store.events(limit: 1000).filter { $0.kind == "trial-timed-out" }
    #expect(timedOut.count == 2)
    #expect(coordinator.output.contains("error: \(message)"), "\(coordinator.tail)")
    try Self.expectStatusJSON(harness, results, matches: counts)
  }

  /// `recur status DIR --json` prints the store's counts.
  static func expectStatusJSON(
    _ harness: ClusterHarness, _ results: String, matches counts: StatusCounts,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let json = try harness.statusJSON(results, sourceLocation: sourceLocation)
    let expected: [String: Int] = [
      "trials": counts.trials, "queued": counts.queued, "running": counts.running,
      "finished": counts.finished, "diverged": counts.diverged, "failed": counts.failed,
      "lost": counts.lost, "attempts": counts.attempts, "duplicates": counts.duplicates,
    ]
    for (key, value) in expected {
      #expect(json[key] as? Int == value, "\(key)", sourceLocation: sourceLocation)
    }
  }
}

extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)), arguments: ["0s", "500ms", "31d", "721h", "-5s", "soon"])
  func anUnusableTrialTimeoutIsAUsageError(_ value: String) throws {
    let harness = try ClusterHarness()
    let coordinator = try harness.coordinator(
      sweep: Self.smokeSweep, results: harness.results(), port: 1,
      extra: ["--trial-timeout", value])
    #expect(coordinator.waitForExit(timeout: 20) == 64, "\(coordinator.tail)")
    #expect(coordinator.output.contains("--trial-timeout"), "\(coordinator.tail)")
  }
}

/// One trial of a fraction of a second, for the tests where a raw worker plays the trial.
extension ClusterProcessTests {
  static let oneTrialSweep = """
    name: one
    fixed: {task: adding, seq_len: 10, hidden: 8, batch: 8, steps: 40, lr: 0.01, cell: rnn}
    seeds: [1]
    """
}

/// The race of a result with the timeout, played by a raw ZeroMQ worker in this process: it
/// takes a trial, heartbeats without reporting until it is cancelled, then sends the result.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aResultArrivingAfterTheTimeoutIsKeptAsADuplicate() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("one", Self.oneTrialSweep)
    let coordinator = try harness.coordinator(
      sweep: sweep, results: results, port: port, extra: ["--trial-timeout", "1s"])
    let context = try Context(defaultLinger: .zero)
    let dealer = try context.socket(.dealer)
    try dealer.connect("tcp://127.0.0.1:\(port)")
    var link = RawWorkerLink(socket: dealer)
    try link.send(
      .hello(Hello(name: "raw", host: "h", cores: 1, engineVersion: "0", processID: 1)))
    _ = try #require(try link.next { if case .welcome = $0 { true } else { false } })
    try link.send(.ready)
    let assigned = try #require(try link.next { if case .assign = $0 { true } else { false } })
    guard case .assign(let assignment) = assigned else { return }
    let trial = assignment.trial
    let cancel = try link.next { $0 == .cancel(trial) }
    #expect(cancel != nil, "no cancel\n\(coordinator.tail)")

    try link.send(
      .result(TrialResult(trial: trial, sequence: 0, outcome: .finished, summary: Data("{}".utf8))))
    let ack = try link.next { if case .ack = $0 { true } else { false } }
    #expect(ack == .ack(Acknowledgement(trial: trial, sequences: [0])))
    try link.send(.bye)
    #expect(coordinator.waitForExit(timeout: 20) == 0, "\(coordinator.tail)")

    let store = try harness.store(results)
    let stored = try #require(try store.trial(id: trial.trialID))
    #expect(stored.state == .failed)
    #expect(stored.error == "ran longer than the trial timeout of 1s on worker raw; cancelled")
    let counts = try store.statusCounts()
    #expect(counts.duplicates == 1 && counts.failed == 1 && counts.attempts == 1)
    try Self.expectStatusJSON(harness, results, matches: counts)
  }
}

/// A worker's side of the socket, by hand: it heartbeats while it waits, as a real one would.
struct RawWorkerLink {
  let socket: Socket
  var running: TrialAttempt?

  init(socket: Socket) {
    self.socket = socket
  }

  func send(_ message: WorkerMessage) throws {
    try socket.send(try message.encode())
  }

  /// The first message from the coordinator that satisfies `wanted`, within 10 s; nil if none.
  mutating func next(_ wanted: (CoordinatorMessage) -> Bool) throws -> CoordinatorMessage? {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      if let frames = try socket.receive(timeout: .milliseconds(100)) {
        let message = try CoordinatorMessage.decode(frames)
        if case .assign(let assignment) = message { running = assignment.trial }
        if wanted(message) { return message }
      }
      try send(.heartbeat(running: running))
    }
    return nil
  }
}

/// A restarted coordinator leaves a trial to the worker that still runs it (adoption), and
/// gives it a full trial timeout from then on.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func anAttemptAdoptedAfterARestartTimesOutOnItsWorker() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("one", Self.oneTrialSweep)
    let first = try harness.coordinator(
      "coordinator-1", sweep: sweep, results: results, port: port,
      extra: ["--trial-timeout", "60s"])
    let context = try Context(defaultLinger: .zero)
    let dealer = try context.socket(.dealer)
    try dealer.connect("tcp://127.0.0.1:\(port)")
    var link = RawWorkerLink(socket: dealer)
    let hello = WorkerMessage.hello(
      Hello(name: "raw", host: "h", cores: 1, engineVersion: "0", processID: 1))
    try link.send(hello)
    _ = try #require(try link.next { if case .welcome = $0 { true } else { false } })
    try link.send(.ready)
    let assigned = try link.next { if case .assign = $0 { true } else { false } }
    guard case .assign(let assignment)? = assigned else {
      Issue.record("no assignment\n\(first.tail)")
      return
    }
    first.kill(SIGKILL)
    _ = first.waitForExit(timeout: 5)

    let second = try harness.coordinator(
      "coordinator-2", sweep: sweep, results: results, port: port,
      extra: ["--trial-timeout", "2s"])
    // The new coordinator does not know this worker: it says hello again, then names its trial
    // in every heartbeat.
    let refused = try link.next { if case .refuse = $0 { true } else { false } }
    #expect(refused == .refuse(Refusal(reason: .unknownWorker, detail: "say hello first")))
    try link.send(hello)
    _ = try #require(try link.next { if case .welcome = $0 { true } else { false } })
    let cancel = try link.next { $0 == .cancel(assignment.trial) }
    #expect(cancel != nil, "no cancel\n\(second.tail)")
    try link.send(.bye)
    #expect(second.waitForExit(timeout: 20) == 0, "\(second.tail)")

    #expect(second.output.contains("resumed  \(assignment.trial) on raw"), "\(second.tail)")
    let trial = try #require(try harness.store(results).trial(id: assignment.trial.trialID))
    #expect(trial.state == .failed && trial.attempts == 1, "adopted, not run again")
    #expect(trial.error == "ran longer than the trial timeout of 2s on worker raw; cancelled")
  }
}
