import Testing

@testable import RecurCluster

@Suite struct SchedulerTests {
  typealias S = Scheduler<String>

  @Test func readyWorkersGetTrialsInPlanOrder() {
    var s = S(waiting: ["a", "b", "c"], maxAttempts: 3)
    #expect(s.workerReady("w1")?.trialID == "a")
    #expect(s.workerReady("w2")?.trialID == "b")
    #expect(s.waitingCount == 1)
    #expect(s.runningCount == 2)
  }

  @Test func aWorkerAskingAgainKeepsItsCurrentTrial() {
    var s = S(waiting: ["a", "b"], maxAttempts: 3)
    let first = s.workerReady("w1")
    #expect(s.workerReady("w1") == first)
    #expect(s.waitingCount == 1)
  }

  @Test func resultFreesTheWorkerAndFinishesTheSweep() {
    var s = S(waiting: ["a"], maxAttempts: 3)
    _ = s.workerReady("w1")
    #expect(s.resultArrived(trialID: "a", attempt: 1, from: "w1") == .accepted)
    #expect(s.isFinished)
    #expect(s.workerReady("w1") == nil)
  }

  @Test func lostWorkersTrialIsRequeuedAtTheFrontWithTheNextAttempt() {
    var s = S(waiting: ["a", "b", "c"], maxAttempts: 3)
    _ = s.workerReady("w1")
    #expect(s.workerLost("w1") == .requeued(trialID: "a", attempt: 1))
    let again = s.workerReady("w2")
    #expect(again?.trialID == "a")
    #expect(again?.attempt == 2)
  }

  @Test func trialIsLostAfterMaxAttempts() {
    var s = S(waiting: ["a"], maxAttempts: 2)
    _ = s.workerReady("w1")
    #expect(s.workerLost("w1") == .requeued(trialID: "a", attempt: 1))
    _ = s.workerReady("w2")
    #expect(s.workerLost("w2") == .lost(trialID: "a", attempt: 2))
    #expect(s.isFinished)
    #expect(s.hasOutcome("a"))
  }

  @Test func lateResultOfOldAttemptIsADuplicateOnceTheTrialHasAnOutcome() {
    var s = S(waiting: ["a"], maxAttempts: 3)
    _ = s.workerReady("w1")
    _ = s.workerLost("w1")
    _ = s.workerReady("w2")
    #expect(s.resultArrived(trialID: "a", attempt: 2, from: "w2") == .accepted)
    #expect(s.resultArrived(trialID: "a", attempt: 1, from: "w1") == .duplicate)
  }

  @Test func lateResultOfOldAttemptWinsWhenItArrivesFirst() {
    var s = S(waiting: ["a", "b"], maxAttempts: 3)
    _ = s.workerReady("w1")
    _ = s.workerLost("w1")
    // The old worker comes back with its result before the trial is dispatched again.
    #expect(s.resultArrived(trialID: "a", attempt: 1, from: "w1") == .accepted)
    #expect(s.workerReady("w2")?.trialID == "b")
  }

  @Test func unknownTrialIsReportedAsSuch() {
    var s = S(waiting: ["a"], maxAttempts: 3)
    #expect(s.resultArrived(trialID: "zzz", attempt: 1, from: "w1") == .unknownTrial)
  }

  @Test func idleWorkersAreServedWhenATrialIsRequeued() {
    var s = S(waiting: ["a"], maxAttempts: 3)
    _ = s.workerReady("w1")
    #expect(s.workerReady("w2") == nil)
    _ = s.workerLost("w1")
    let served = s.dispatchIdle()
    #expect(served.map(\.worker) == ["w2"])
    #expect(served.first?.attempt == 2)
  }

  @Test func resumedSweepCountsEarlierAttemptsAndSkipsDoneTrials() {
    var s = S(waiting: ["b"], done: ["a"], attemptsStarted: ["b": 2], maxAttempts: 3)
    #expect(s.workerReady("w1") == .init(trialID: "b", attempt: 3, worker: "w1"))
    #expect(s.resultArrived(trialID: "a", attempt: 1, from: "w9") == .duplicate)
  }

  @Test func stoppingDispatchKeepsTrialsQueued() {
    var s = S(waiting: ["a", "b"], maxAttempts: 3)
    _ = s.workerReady("w1")
    s.stopDispatching()
    #expect(s.workerReady("w2") == nil)
    #expect(s.waitingCount == 1)
    #expect(!s.isFinished)
  }
}

@Suite struct LivenessTests {
  @Test func silentPeerExpiresAfterIntervalTimesLiveness() {
    var l = Liveness<String>(interval: 1, liveness: 3)
    l.heard(from: "w", at: 0)
    #expect(l.removeExpired(at: 2.9).isEmpty)
    #expect(l.removeExpired(at: 3.0) == ["w"])
    #expect(!l.isTracked("w"))
  }

  @Test func anyMessageExtendsTheDeadline() {
    var l = Liveness<String>(interval: 1, liveness: 3)
    l.heard(from: "w", at: 0)
    l.heard(from: "w", at: 2.5)
    #expect(l.removeExpired(at: 5).isEmpty)
    #expect(l.removeExpired(at: 5.5) == ["w"])
  }
}

@Suite struct BackoffTests {
  @Test func delaysDoubleUpToTheMaximumAndReset() {
    var b = Backoff(initial: 0.5, maximum: 3)
    #expect([b.next(), b.next(), b.next(), b.next()] == [0.5, 1, 2, 3])
    b.reset()
    #expect(b.next() == 0.5)
  }
}

@Suite struct OutboxTests {
  @Test func acknowledgedMessagesAreDroppedAndTheRestKept() {
    var o = Outbox<String>()
    let s1 = o.add("m1")
    let s2 = o.add("m2")
    _ = o.add("m3")
    #expect(s2 == s1 + 1)
    o.acknowledge(upTo: s2)
    #expect(o.entries.map(\.message) == ["m3"])
  }
}
