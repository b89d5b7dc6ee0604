import Foundation
import RecurProtocol
import Testing

@testable import RecurCluster

/// The worker's answer to `cancel` (the coordinator's trial timeout), without sockets.
@Suite struct WorkerSessionCancelTests {
  typealias Tests = WorkerSessionTests

  static let metrics = WorkerMessage.metrics(
    MetricsBatch(trial: Tests.trial, sequence: 0, records: [Data("{\"step\":0}".utf8)]))

  @Test func cancellingTheRunningAttemptStopsItForgetsItAndAsksForWork() {
    var s = Tests.running()
    _ = s.fromTraining(Self.metrics, at: 1)
    #expect(s.outbox.count == 1)
    let actions = s.received(.cancel(Tests.trial), at: 2)
    #expect(actions.contains(.cancelTrial))
    #expect(Tests.sent(actions) == [.ready])
    #expect(s.running == nil)
    #expect(s.outbox.isEmpty, "nothing of the cancelled attempt is sent again")
    #expect(Tests.sent(s.tick(at: 3.05)) == [.heartbeat(running: nil)])
  }

  @Test func whatTheTrainingThreadStillSendsOfACancelledAttemptIsDropped() {
    var s = Tests.running()
    _ = s.received(.cancel(Tests.trial), at: 2)
    #expect(s.fromTraining(Self.metrics, at: 2.1).isEmpty)
    #expect(s.fromTraining(Tests.result(sequence: 1), at: 2.2).isEmpty, "no second ready")
    #expect(s.outbox.isEmpty)
    // The next trial runs as usual.
    let next = TrialAttempt(trialID: "t2", attempt: 1)
    let assignment = Assignment(trial: next, sweepName: "s", spec: Data("{}".utf8))
    #expect(s.received(.assign(assignment), at: 2.3) == [.startTrial(assignment)])
    let result = WorkerMessage.result(
      TrialResult(trial: next, sequence: 0, outcome: .finished, summary: Data()))
    #expect(Tests.sent(s.fromTraining(result, at: 3)) == [result, .ready])
  }

  @Test(arguments: [
    TrialAttempt(trialID: "t1", attempt: 2), TrialAttempt(trialID: "other", attempt: 1),
  ])
  func aCancelOfAnAttemptTheWorkerDoesNotRunIsIgnored(_ attempt: TrialAttempt) {
    var s = Tests.running()
    _ = s.fromTraining(Self.metrics, at: 1)
    #expect(s.received(.cancel(attempt), at: 2).isEmpty)
    #expect(s.running == Tests.trial)
    #expect(s.outbox.count == 1)
  }

  @Test func aCancelAfterTheResultWasSentLeavesTheResultToItsAcknowledgement() {
    var s = Tests.running()
    _ = s.fromTraining(Tests.result(), at: 1)
    #expect(s.received(.cancel(Tests.trial), at: 1.1).isEmpty)
    #expect(s.outbox.holdsResult, "the coordinator keeps it as a duplicate and acknowledges it")
  }

  @Test func aCancelWhileStoppingAfterTheCurrentTrialSaysGoodbye() {
    var s = Tests.running()
    _ = s.received(.shutdown(.afterCurrentTrial), at: 1)
    let actions = s.received(.cancel(Tests.trial), at: 2)
    #expect(actions.contains(.cancelTrial))
    #expect(Tests.sent(actions) == [.bye])
    #expect(actions.last == .exit(.shutDown))
  }
}
