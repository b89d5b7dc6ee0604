import Testing

@testable import RecurCluster

/// The trial timeout's clock, driven by hand (no sockets, no sleeping).
@Suite struct AttemptDeadlinesTests {
  typealias D = AttemptDeadlines<String>
  typealias S = Scheduler<String>

  static func attempt(_ trial: String, _ number: Int = 1, on worker: String) -> S.Assignment {
    S.Assignment(trialID: trial, attempt: number, worker: worker)
  }

  @Test func anAttemptStartedAtTExpiresAtTPlusTheLimit() {
    var d = D(limit: 600)
    let a = Self.attempt("a", on: "w1")
    d.started(a, at: 100)
    #expect(d.deadline(of: a) == 700)
    #expect(d.nextDeadline == 700)
    #expect(d.expired(at: 699.9).isEmpty)
    #expect(d.expired(at: 700) == [a])
    #expect(d.count == 0, "an expired attempt is reported once")
    #expect(d.expired(at: 10_000).isEmpty)
  }

  @Test func anAttemptThatReportedBeforeItsDeadlineNeverExpires() {
    var d = D(limit: 10)
    let a = Self.attempt("a", on: "w1")
    d.started(a, at: 0)
    d.ended(a)
    #expect(d.nextDeadline == nil)
    #expect(d.expired(at: 1e9).isEmpty)
  }

  @Test func expiredAttemptsComeEarliestFirstAndOthersKeepRunning() {
    var d = D(limit: 10)
    let (a, b, c) = (
      Self.attempt("a", on: "w1"), Self.attempt("b", on: "w2"), Self.attempt("c", on: "w3")
    )
    d.started(b, at: 2)
    d.started(a, at: 1)
    d.started(c, at: 5)
    #expect(d.expired(at: 12) == [a, b])
    #expect(d.nextDeadline == 15)
  }

  @Test func endingAnOlderAttemptLeavesTheWorkersNewOneRunning() {
    var d = D(limit: 10)
    let old = Self.attempt("a", 1, on: "w1")
    let new = Self.attempt("b", 1, on: "w1")
    d.started(old, at: 0)
    d.started(new, at: 4)
    d.ended(old)
    #expect(d.deadline(of: new) == 14)
    #expect(d.deadline(of: old) == nil)
  }

  @Test func followingTheSchedulerStartsNewAttemptsAndForgetsEndedOnes() {
    var s = S(waiting: ["a", "b"])
    var d = D(limit: 10)
    guard case .start(let a) = s.workerReady("w1"), case .start(let b) = s.workerReady("w2")
    else {
      Issue.record("expected two starts")
      return
    }
    d.follow(s.assignments, at: 1)
    #expect(d.deadline(of: a) == 11 && d.deadline(of: b) == 11)
    s.outcomeRecorded(trialID: "a", attempt: 1, from: "w1", isOutcome: true)
    d.follow(s.assignments, at: 5)
    #expect(d.deadline(of: a) == nil, "a reported: its clock stopped")
    #expect(d.deadline(of: b) == 11, "b keeps its deadline")
    #expect(d.expired(at: 11) == [b])
  }

  @Test func anAttemptAdoptedAfterARestartGetsAFreshDeadlineFromAdoption() {
    // A restarted coordinator: trial a waits (attempt 1 was running before the restart).
    var s = S(waiting: ["a"], attemptsStarted: ["a": 1])
    var d = D(limit: 10)
    d.follow(s.assignments, at: 0)
    #expect(d.count == 0)
    let adoptedHere = s.adopt(trialID: "a", attempt: 1, by: "w1")
    #expect(adoptedHere)
    d.follow(s.assignments, at: 7)
    let adopted = Self.attempt("a", 1, on: "w1")
    #expect(d.deadline(of: adopted) == 17)
    #expect(d.expired(at: 16).isEmpty)
    #expect(d.expired(at: 17) == [adopted])
  }

  @Test func aRequeuedTrialsNextAttemptGetsItsOwnDeadline() {
    var s = S(waiting: ["a"])
    var d = D(limit: 10)
    _ = s.workerReady("w1")
    d.follow(s.assignments, at: 0)
    s.workerLost("w1")
    d.follow(s.assignments, at: 3)
    guard case .start(let second) = s.workerReady("w2") else {
      Issue.record("expected the trial again")
      return
    }
    d.follow(s.assignments, at: 6)
    #expect(second.attempt == 2)
    #expect(d.expired(at: 10).isEmpty, "the first attempt's deadline went with it")
    #expect(d.expired(at: 16) == [second])
  }
}
