import Foundation
import RecurProtocol
import Testing

@testable import RecurCluster

/// The worker's protocol logic, driven by hand with a fake clock (no sockets, no sleeping).
@Suite struct WorkerSessionTests {
  typealias Action = WorkerSession.Action

  static let hello = Hello(name: "w", host: "h", cores: 1, engineVersion: "0", processID: 1)
  static let welcome = Welcome(
    coordinatorID: "c", sessionID: "s1", heartbeatIntervalMilliseconds: 1000,
    heartbeatLiveness: 3)
  static let trial = TrialAttempt(trialID: "t1", attempt: 1)
  static let assignment = Assignment(trial: trial, sweepName: "s", spec: Data("{}".utf8))

  static func session(connectTimeout: Seconds = 60) -> WorkerSession {
    WorkerSession(
      hello: hello, endpoint: "tcp://c:5555", connectTimeout: connectTimeout,
      backoff: Backoff(initial: 1, maximum: 4))
  }

  static func sent(_ actions: [Action]) -> [WorkerMessage] {
    actions.compactMap { if case .send(let message) = $0 { message } else { nil } }
  }

  static func result(sequence: UInt64 = 0) -> WorkerMessage {
    .result(TrialResult(trial: trial, sequence: sequence, outcome: .finished, summary: Data()))
  }

  /// A session that is welcomed and runs `trial`.
  static func running() -> WorkerSession {
    var s = session()
    _ = s.start(at: 0)
    _ = s.received(.welcome(welcome), at: 0.1)
    _ = s.received(.assign(assignment), at: 0.2)
    return s
  }

  @Test func startConnectsAndSaysHello() {
    var s = Self.session()
    let actions = s.start(at: 0)
    #expect(actions.first == .connect)
    #expect(Self.sent(actions) == [.hello(Self.hello)])
  }

  @Test func aWelcomeAdoptsTheCoordinatorsHeartbeatsAndAsksForWork() {
    var s = Self.session()
    _ = s.start(at: 0)
    let actions = s.received(.welcome(Self.welcome), at: 0.1)
    #expect(Self.sent(actions) == [.ready])
    #expect(s.link == .connected)
    #expect(s.timeout == 3)
  }

  @Test func anAssignmentGoesToTheTrainingThreadOnce() {
    var s = Self.session()
    _ = s.start(at: 0)
    _ = s.received(.welcome(Self.welcome), at: 0)
    #expect(s.received(.assign(Self.assignment), at: 1) == [.startTrial(Self.assignment)])
    #expect(s.received(.assign(Self.assignment), at: 1.5).isEmpty, "a repeated assign")
    #expect(s.running == Self.trial)
  }

  @Test func heartbeatsGoOutAfterOneQuietIntervalNamingTheTrial() {
    var s = Self.running()
    #expect(Self.sent(s.tick(at: 0.9)).isEmpty)
    #expect(Self.sent(s.tick(at: 1.15)) == [.heartbeat(running: Self.trial)])
    #expect(Self.sent(s.tick(at: 1.5)).isEmpty)
  }

  @Test func resultsStayUntilAcknowledgedAndAreResentAfterAWelcome() {
    var s = Self.running()
    let metrics = WorkerMessage.metrics(
      MetricsBatch(trial: Self.trial, sequence: 0, records: [Data("{\"step\":0}".utf8)]))
    #expect(Self.sent(s.fromTraining(metrics, at: 1)) == [metrics])
    #expect(
      Self.sent(s.fromTraining(Self.result(sequence: 1), at: 2)) == [
        Self.result(sequence: 1), .ready,
      ])
    #expect(s.running == nil)
    _ = s.received(.ack(Acknowledgement(trial: Self.trial, sequences: [0])), at: 2.1)
    #expect(s.outbox.count == 1)
    // The coordinator restarts; after its welcome the unacknowledged result goes again.
    var restarted = Self.welcome
    restarted.sessionID = "s2"
    let again = Self.sent(s.received(.welcome(restarted), at: 3))
    #expect(again == [Self.result(sequence: 1), .ready])
    _ = s.received(.ack(Acknowledgement(trial: Self.trial, sequences: [1])), at: 3.1)
    #expect(s.outbox.isEmpty)
  }

  @Test func aSilentCoordinatorIsLeftAndReconnectedWithBackoff() {
    var s = Self.running()
    var actions = s.tick(at: 3.2)
    #expect(actions.contains(.disconnect))
    #expect(s.link == .waiting(until: 4.2))
    #expect(s.tick(at: 4.0).isEmpty)
    actions = s.tick(at: 4.2)
    #expect(actions.first == .connect)
    #expect(Self.sent(actions) == [.hello(Self.hello)])
    // No welcome within the liveness period: the next delay doubles.
    _ = s.tick(at: 7.2)
    #expect(s.link == .waiting(until: 9.2))
  }

  @Test func trainingGoesOnWhileDisconnectedAndTheResultWaitsForTheLink() {
    var s = Self.running()
    _ = s.tick(at: 3.2)
    #expect(Self.sent(s.fromTraining(Self.result(), at: 3.5)).isEmpty)
    _ = s.tick(at: 4.2)
    let actions = s.received(.welcome(Self.welcome), at: 4.3)
    #expect(Self.sent(actions) == [Self.result(), .ready])
  }

  @Test func afterAReconnectionTheWorkerSaysAtOnceWhichTrialItRuns() {
    var s = Self.running()
    _ = s.tick(at: 3.2)
    _ = s.tick(at: 4.2)
    let actions = s.received(.welcome(Self.welcome), at: 4.3)
    #expect(Self.sent(actions) == [.heartbeat(running: Self.trial)])
  }

  @Test func neverWelcomedWithinTheConnectTimeoutExitsNamingTheAddress() {
    var s = Self.session(connectTimeout: 10)
    _ = s.start(at: 0)
    var exit: WorkerExit?
    var time = 0.0
    while exit == nil, time < 20 {
      time += 0.25
      for case .exit(let reason) in s.tick(at: time) { exit = reason }
    }
    #expect(exit == .unreachable(endpoint: "tcp://c:5555", seconds: 10, curve: false))
    #expect(time == 10)
    #expect(exit?.description.contains("tcp://c:5555") == true)
  }

  @Test func aLostCoordinatorThatNeverReturnsEndsTheWorkerAfterTheTimeout() {
    var s = Self.session(connectTimeout: 10)
    _ = s.start(at: 0)
    _ = s.received(.welcome(Self.welcome), at: 50)
    _ = s.tick(at: 53)  // silent for 3 s: offline from now
    var time = 53.0
    var exit: WorkerExit?
    while exit == nil, time < 70 {
      time += 0.5
      for case .exit(let reason) in s.tick(at: time) { exit = reason }
    }
    #expect(time == 63)
    #expect(exit != nil)
  }

  @Test(arguments: [
    (RefusalReason.protocolMismatch, false), (.notAuthorised, false), (.shuttingDown, true),
  ])
  func refusalsEndTheWorker(reason: RefusalReason, clean: Bool) {
    var s = Self.session()
    _ = s.start(at: 0)
    let actions = s.received(.refuse(Refusal(reason: reason, detail: "because")), at: 1)
    guard case .exit(let exit)? = actions.last else {
      Issue.record("expected an exit, got \(actions)")
      return
    }
    #expect(exit.isClean == clean)
    #expect(s.link == .closed)
    #expect(s.tick(at: 100).isEmpty)
  }

  @Test func anUnknownWorkerSaysHelloAgain() {
    var s = Self.running()
    let actions = s.received(.refuse(Refusal(reason: .unknownWorker, detail: "")), at: 1)
    #expect(Self.sent(actions) == [.hello(Self.hello)])
    #expect(s.running == Self.trial, "the trial goes on")
    #expect(
      Self.sent(s.received(.refuse(Refusal(reason: .unknownWorker, detail: "")), at: 1.1)).isEmpty)
  }

  @Test func aMessageOfAnotherVersionEndsTheWorker() {
    var s = Self.session()
    _ = s.start(at: 0)
    let actions = s.malformed(.unsupportedVersion(found: 2, supported: 1), at: 1)
    guard case .exit(.protocolMismatch(let detail))? = actions.last else {
      Issue.record("expected a protocol mismatch, got \(actions)")
      return
    }
    #expect(detail.contains("version 2"))
  }

  @Test func malformedMessagesAreCountedAndNotedOnce() {
    var s = Self.running()
    #expect(s.malformed(.noFrames, at: 1).count == 1)
    #expect(s.malformed(.noFrames, at: 2).isEmpty)
    #expect(s.malformedCount == 2)
    #expect(s.link == .connected)
  }

  @Test func shutdownNowAbandonsTheTrialAndSaysGoodbye() {
    var s = Self.running()
    let actions = s.received(.shutdown(.now), at: 1)
    #expect(actions == [.cancelTrial, .send(.bye), .exit(.shutDown)])
  }

  @Test func shutdownAfterTheTrialWaitsForItsResultAndAck() {
    var s = Self.running()
    #expect(s.received(.shutdown(.afterCurrentTrial), at: 1).isEmpty)
    #expect(Self.sent(s.fromTraining(Self.result(), at: 2)) == [Self.result()], "no ready")
    let actions = s.received(.ack(Acknowledgement(trial: Self.trial, sequences: [0])), at: 2.1)
    #expect(actions == [.send(.bye), .exit(.shutDown)])
  }

  @Test func shutdownAfterTheTrialGivesUpWaitingForTheAckAfterTheLivenessPeriod() {
    var s = Self.running()
    _ = s.received(.shutdown(.afterCurrentTrial), at: 1)
    _ = s.fromTraining(Self.result(), at: 2)
    _ = s.received(.heartbeat, at: 4)
    let actions = s.tick(at: 5)
    #expect(actions.suffix(2) == [.send(.bye), .exit(.shutDown)])
  }

  @Test func anIdleWorkerToldToStopLeavesAtOnce() {
    var s = Self.session()
    _ = s.start(at: 0)
    _ = s.received(.welcome(Self.welcome), at: 0)
    #expect(s.received(.shutdown(.afterCurrentTrial), at: 1) == [.send(.bye), .exit(.shutDown)])
  }

  @Test func waitDelaysTheNextReady() {
    var s = Self.session()
    _ = s.start(at: 0)
    _ = s.received(.welcome(Self.welcome), at: 0)
    _ = s.received(.wait(retryAfterMilliseconds: 2000), at: 0.1)
    #expect(s.nextDeadline() <= 1)
    #expect(!Self.sent(s.tick(at: 1.5)).contains(.ready))
    #expect(Self.sent(s.tick(at: 2.1)).contains(.ready))
  }

  @Test func anInterruptedWorkerSaysGoodbye() {
    var s = Self.running()
    #expect(s.interrupt(at: 1) == [.cancelTrial, .send(.bye), .exit(.interrupted)])
  }

  @Test func aRefusedKeyEndsTheWorkerWithTheReason() {
    var s = Self.session()
    _ = s.start(at: 0)
    #expect(s.authenticationRefused("no") == [.exit(.notAuthorised("no"))])
  }
}
