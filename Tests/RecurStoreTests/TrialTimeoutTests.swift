import Foundation
import RecurStore
import Testing

/// `timeOutAttempt`: an attempt that ran longer than the trial timeout ends the trial as
/// `failed`, for good, and whatever its worker still reports is a duplicate.
@Suite struct TrialTimeoutTests {
  static let message = "ran longer than the trial timeout of 10m 0s on worker w1; cancelled"

  @Test func aTimedOutAttemptMakesTheTrialFailedWithTheMessage() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    #expect(try store.timeOutAttempt(trialID: "t0", attempt: 1, error: Self.message))
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .failed)
    #expect(trial.error == Self.message)
    #expect(trial.outcomeAttempt == 1)
    #expect(trial.worker == "w1" && trial.host == "h1")
    #expect(trial.finishedAt != nil)
    // Never retried: the trial cannot start again.
    #expect(try store.startAttempt(trialID: "t0", worker: "w2", host: "h2") == nil)
    let counts = try store.statusCounts()
    #expect(counts.failed == 1 && counts.queued == 1 && counts.running == 0)
    #expect(counts.attempts == 1 && counts.duplicates == 0)
  }

  @Test(arguments: TrialOutcome.allCases)
  func aResultOfTheTimedOutAttemptIsKeptAsADuplicate(outcome: TrialOutcome) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    _ = try store.timeOutAttempt(trialID: "t0", attempt: 1, error: Self.message)
    let late = ResultRow(
      trialID: "t0", attempt: 1, outcome: outcome,
      summaryJSON: StoreFixture.summary(finalEvalLoss: 0.5),
      error: outcome == .failed ? "shape mismatch" : nil)
    #expect(try store.recordResults([late, late]) == [.duplicate, .duplicate])
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .failed && trial.error == Self.message && trial.summaryJSON == nil)
    #expect(try store.statusCounts().duplicates == 1)
  }

  @Test func anAttemptThatReportedFirstCannotTimeOut() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    _ = try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
    #expect(try !store.timeOutAttempt(trialID: "t0", attempt: 1, error: Self.message))
    #expect(try store.trial(id: "t0")?.state == .finished)
  }

  @Test func unknownAttemptsChangeNothing() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    for (id, attempt) in [("t0", 2), ("t0", 0), ("nope", 1)] {
      #expect(try !store.timeOutAttempt(trialID: id, attempt: attempt, error: Self.message))
    }
    #expect(try store.trial(id: "t0")?.state == .running)
  }

  @Test func anAttemptAdoptedAfterARestartCanTimeOut() throws {
    let fixture = StoreFixture()
    do {
      let store = try fixture.writer(with: StoreFixture.plan(1))
      _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    }
    // The coordinator restarts: attempt 1 ends `interrupted` and the trial is queued; its
    // worker, still training, is left the trial, and runs past the timeout.
    let store = try fixture.writer()
    _ = try store.resumeInterruptedAttempts()
    #expect(try store.timeOutAttempt(trialID: "t0", attempt: 1, error: Self.message))
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .failed && trial.error == Self.message && trial.outcomeAttempt == 1)
    #expect(try store.startAttempt(trialID: "t0", worker: "w2", host: "h2") == nil)
  }

  @Test func anOlderAttemptTimingOutLeavesTheOutcomeOfAnother() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h")
    _ = try store.abandonAttempt(trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 3)
    _ = try store.startAttempt(trialID: "t0", worker: "w2", host: "h")
    // Attempt 1's slow worker reports first; attempt 2 is still open when it times out.
    _ = try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
    #expect(try !store.timeOutAttempt(trialID: "t0", attempt: 2, error: Self.message))
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .finished && trial.outcomeAttempt == 1 && trial.error == nil)
  }
}
