import Foundation
import RecurStore
import Testing

@Suite struct ResultRecordingTests {
  @Test(arguments: TrialOutcome.allCases)
  func theFirstResultBecomesTheOutcome(outcome: TrialOutcome) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    let summary = StoreFixture.summary(finalEvalLoss: 0.125)
    let result = ResultRow(
      trialID: "t0", attempt: 1, outcome: outcome, summaryJSON: summary,
      error: outcome == .failed ? "shape mismatch" : nil)
    #expect(try store.recordResults([result]) == [.accepted])
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == outcome.state)
    #expect(trial.outcomeAttempt == 1)
    #expect(trial.summaryJSON == summary)
    #expect(trial.finalEvalLoss == 0.125)
    #expect(trial.error == result.error)
    #expect(trial.finishedAt != nil)
  }

  @Test func aLateResultIsKeptAsADuplicateAndNeverReplacesTheFirst() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "slow", host: "h")
    _ = try store.abandonAttempt(trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 3)
    _ = try store.startAttempt(trialID: "t0", worker: "fast", host: "h")
    let first = ResultRow(
      trialID: "t0", attempt: 2, outcome: .finished,
      summaryJSON: StoreFixture.summary(finalEvalLoss: 0.5))
    let late = ResultRow(
      trialID: "t0", attempt: 1, outcome: .diverged,
      summaryJSON: StoreFixture.summary(finalEvalLoss: 9))
    #expect(try store.recordResults([first]) == [.accepted])
    #expect(try store.recordResults([late, late]) == [.duplicate, .duplicate])
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .finished && trial.outcomeAttempt == 2 && trial.finalEvalLoss == 0.5)
    #expect(trial.worker == "fast")
    let counts = try store.statusCounts()
    #expect(counts.duplicates == 1 && counts.finished == 1 && counts.attempts == 2)
  }

  @Test func aResultResentForTheAcceptedAttemptIsNotADuplicate() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let result = ResultRow(trialID: "t0", attempt: 1, outcome: .finished)
    #expect(try store.recordResults([result, result]) == [.accepted, .alreadyRecorded])
    #expect(try store.statusCounts().duplicates == 0)
  }

  @Test func aResultForALostTrialIsADuplicate() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1), attemptsAllowed: 1)
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    _ = try store.abandonAttempt(trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 1)
    #expect(
      try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
        == [.duplicate])
    #expect(try store.trial(id: "t0")?.state == .lost)
  }

  @Test func resultsForUnknownTrialsOrAttemptsAreRefusedWithoutSpoilingTheBatch() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let dispositions = try store.recordResults([
      ResultRow(trialID: "ghost", attempt: 1, outcome: .finished),
      ResultRow(trialID: "t1", attempt: 1, outcome: .finished),
      ResultRow(trialID: "t0", attempt: 2, outcome: .finished),
      ResultRow(trialID: "t0", attempt: 1, outcome: .failed, error: "x"),
    ])
    #expect(dispositions == [.unknownTrial, .unknownAttempt, .unknownAttempt, .accepted])
    let counts = try store.statusCounts()
    #expect(counts.failed == 1 && counts.queued == 1 && counts.duplicates == 0)
  }

  @Test(arguments: ["{not json", "[1,2]", "{\"final_eval_loss\":\"low\"}", "", "null"])
  func aMalformedSummaryIsStoredAsReceivedWithoutNumbers(summary: String) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let result = ResultRow(trialID: "t0", attempt: 1, outcome: .finished, summaryJSON: summary)
    #expect(try store.recordResults([result]) == [.accepted])
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.summaryJSON == summary)
    #expect(trial.finalEvalLoss == nil)
  }

  @Test func aNullFinalLossIsStoredAsMissing() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let summary = "{\"final_eval_loss\":null,\"diverged\":true,\"diverged_at_step\":12}"
    _ = try store.recordResults([
      ResultRow(trialID: "t0", attempt: 1, outcome: .diverged, summaryJSON: summary)
    ])
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .diverged && trial.finalEvalLoss == nil)
  }

  @Test func oneBatchCommitsStartsAndResultsTogether() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(50))
    let ids = try store.queuedTrialIDs()
    let dispositions = try store.write { transaction in
      for id in ids { _ = try transaction.startAttempt(trialID: id, worker: "w", host: "h") }
      return try transaction.recordResults(
        ids.map { ResultRow(trialID: $0, attempt: 1, outcome: .finished) })
    }
    #expect(dispositions == Array(repeating: .accepted, count: 50))
    let counts = try store.statusCounts()
    #expect(counts.finished == 50 && counts.attempts == 50 && counts.isDone)
  }
}
