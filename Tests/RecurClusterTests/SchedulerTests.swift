import Testing

@testable import RecurCluster

@Suite struct SchedulerTests {
  typealias S = Scheduler<String>

  /// Starts whatever `workerReady` proposes, confirming the attempt the scheduler proposed.
  static func ready(_ s: inout S, _ worker: String) -> S.Assignment? {
    switch s.workerReady(worker) {
    case .start(let proposed): return s.confirm(proposed, storedAttempt: proposed.attempt)
    case .resend(let current): return current
    case .wait: return nil
    }
  }

  @Test func readyWorkersGetTrialsInPlanOrder() {
    var s = S(waiting: ["a", "b", "c"])
    #expect(Self.ready(&s, "w1")?.trialID == "a")
    #expect(Self.ready(&s, "w2")?.trialID == "b")
    #expect(s.waitingCount == 1)
    #expect(s.runningCount == 2)
  }

  @Test func aWorkerAskingAgainGetsItsCurrentTrialResent() {
    var s = S(waiting: ["a", "b"])
    let first = Self.ready(&s, "w1")
    #expect(s.workerReady("w1") == .resend(first!))
    #expect(s.waitingCount == 1)
  }

  @Test func resultFreesTheWorkerAndFinishesTheSweep() {
    var s = S(waiting: ["a"])
    _ = Self.ready(&s, "w1")
    s.outcomeRecorded(trialID: "a", attempt: 1, from: "w1", isOutcome: true)
    #expect(s.isFinished)
    #expect(s.workerReady("w1") == .wait)
  }

  @Test func lostWorkersTrialIsRequeuedAtTheFrontWithTheNextAttempt() {
    var s = S(waiting: ["a", "b", "c"])
    _ = Self.ready(&s, "w1")
    #expect(s.workerLost("w1")?.trialID == "a")
    let again = Self.ready(&s, "w2")
    #expect(again?.trialID == "a")
    #expect(again?.attempt == 2)
  }

  @Test func aTrialGivenUpAsLostHasAnOutcome() {
    var s = S(waiting: ["a", "b"])
    _ = Self.ready(&s, "w1")
    s.workerLost("w1", giveUp: true)
    #expect(s.hasOutcome("a"))
    #expect(Self.ready(&s, "w2")?.trialID == "b")
    s.outcomeRecorded(trialID: "b", attempt: 1, from: "w2", isOutcome: true)
    #expect(s.isFinished)
  }

  @Test func lateResultOfOldAttemptDoesNotFreeTheWorkerOfTheNewOne() {
    var s = S(waiting: ["a"])
    _ = Self.ready(&s, "w1")
    _ = s.workerLost("w1")
    _ = Self.ready(&s, "w2")
    // The old attempt's result is the outcome; w2 still runs attempt 2 until it reports.
    s.outcomeRecorded(trialID: "a", attempt: 1, from: "w1", isOutcome: true)
    #expect(s.hasOutcome("a"))
    #expect(s.assignment(of: "w2")?.attempt == 2)
    s.outcomeRecorded(trialID: "a", attempt: 2, from: "w2", isOutcome: false)
    #expect(s.assignment(of: "w2") == nil)
    #expect(s.isFinished)
  }

  @Test func lateResultWinsWhenItArrivesBeforeTheTrialIsDispatchedAgain() {
    var s = S(waiting: ["a", "b"])
    _ = Self.ready(&s, "w1")
    _ = s.workerLost("w1")
    s.outcomeRecorded(trialID: "a", attempt: 1, from: "w9", isOutcome: true)
    #expect(Self.ready(&s, "w2")?.trialID == "b")
  }

  @Test func aWorkerLostAfterItsTrialEndedElsewhereRequeuesNothing() {
    var s = S(waiting: ["a"])
    _ = Self.ready(&s, "w1")
    s.outcomeRecorded(trialID: "a", attempt: 1, from: "w7", isOutcome: true)
    #expect(s.workerLost("w1")?.trialID == "a")
    #expect(s.waitingCount == 0)
    #expect(s.isFinished)
  }

  @Test func idleWorkersAreServedWhenATrialIsRequeued() {
    var s = S(waiting: ["a"])
    _ = Self.ready(&s, "w1")
    #expect(s.workerReady("w2") == .wait)
    #expect(s.idleCount == 1)
    _ = s.workerLost("w1")
    let served = s.dispatchIdle()
    #expect(served.map(\.worker) == ["w2"])
    #expect(served.first?.attempt == 2)
  }

  @Test func resumedSweepCountsEarlierAttemptsAndSkipsDoneTrials() {
    var s = S(waiting: ["b"], done: ["a"], attemptsStarted: ["b": 2])
    #expect(Self.ready(&s, "w1") == .init(trialID: "b", attempt: 3, worker: "w1"))
    #expect(s.hasOutcome("a"))
  }

  @Test func theStoresAttemptNumberWins() {
    var s = S(waiting: ["a"])
    guard case .start(let proposed) = s.workerReady("w1") else {
      Issue.record("expected a start")
      return
    }
    let confirmed = s.confirm(proposed, storedAttempt: 4)
    #expect(confirmed?.attempt == 4)
    #expect(s.assignment(of: "w1")?.attempt == 4)
  }

  @Test func aTrialTheStoreRefusesCountsAsDoneAndTheWorkerWaitsForAnother() {
    var s = S(waiting: ["a", "b"])
    guard case .start(let proposed) = s.workerReady("w1") else {
      Issue.record("expected a start")
      return
    }
    #expect(s.confirm(proposed, storedAttempt: nil) == nil)
    #expect(s.hasOutcome("a"))
    #expect(s.isIdle("w1"))
    #expect(s.dispatchIdle().map(\.trialID) == ["b"])
  }

  @Test func aRejoinedWorkerKeepsTheRequeuedTrialItStillRuns() {
    var s = S(waiting: ["b", "a"], attemptsStarted: ["a": 1])
    let adopted = s.adopt(trialID: "a", attempt: 1, by: "w1")
    #expect(adopted)
    #expect(s.assignment(of: "w1")?.attempt == 1)
    #expect(Self.ready(&s, "w2")?.trialID == "b", "a is not dispatched again")
    #expect(s.waitingCount == 0)
    // If it vanishes after all, the trial goes back to the queue.
    _ = s.workerLost("w1")
    #expect(Self.ready(&s, "w3") == .init(trialID: "a", attempt: 2, worker: "w3"))
  }

  @Test func onlyAWaitingTrialOfAKnownAttemptCanBeAdopted() {
    var s = S(waiting: ["a", "b"], attemptsStarted: ["a": 1])
    _ = Self.ready(&s, "w1")  // runs a#2
    let adopted = [
      s.adopt(trialID: "a", attempt: 1, by: "w2"),  // running elsewhere
      s.adopt(trialID: "b", attempt: 1, by: "w2"),  // never started
      s.adopt(trialID: "z", attempt: 1, by: "w2"),  // unknown
    ]
    #expect(adopted == [false, false, false])
  }

  @Test func stoppingDispatchKeepsTrialsQueued() {
    var s = S(waiting: ["a", "b"])
    _ = Self.ready(&s, "w1")
    s.stopDispatching()
    #expect(s.workerReady("w2") == .wait)
    #expect(s.idleCount == 0)
    #expect(s.waitingCount == 1)
    #expect(!s.isFinished)
  }

  @Test func everyTrialEndsOnceWhateverTheOrderOfLossesAndResults() {
    // A long random interleaving: workers ask, vanish, report (sometimes late); at the end
    // every trial has exactly one outcome and nothing is left running or waiting.
    var generator = SplitMix(seed: 7)
    let trials = (0..<50).map { "t\($0)" }
    var s = S(waiting: trials)
    var outcomes: [String: Int] = [:]
    var lateResults: [(String, Int)] = []
    let workers = ["w1", "w2", "w3", "w4"]
    for _ in 0..<2000 where !s.isFinished {
      let worker = workers[Int(generator.next() % 4)]
      switch generator.next() % 4 {
      case 0:
        _ = Self.ready(&s, worker)
      case 1:
        if let lost = s.workerLost(worker) { lateResults.append((lost.trialID, lost.attempt)) }
      default:
        if let a = s.assignment(of: worker) {
          let first = !s.hasOutcome(a.trialID)
          if first { outcomes[a.trialID, default: 0] += 1 }
          s.outcomeRecorded(trialID: a.trialID, attempt: a.attempt, from: worker, isOutcome: first)
        } else if let (trial, attempt) = lateResults.popLast() {
          let first = !s.hasOutcome(trial)
          if first { outcomes[trial, default: 0] += 1 }
          s.outcomeRecorded(trialID: trial, attempt: attempt, from: worker, isOutcome: first)
        } else {
          _ = Self.ready(&s, worker)
        }
      }
    }
    #expect(s.isFinished)
    #expect(outcomes.count == trials.count)
    #expect(outcomes.values.allSatisfy { $0 == 1 })
  }
}

/// A small deterministic generator for the interleaving test (SplitMix64, Steele et al. 2014).
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
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
    #expect(l.nextDeadline == 5.5)
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
