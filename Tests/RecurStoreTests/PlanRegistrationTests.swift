import Foundation
import RecurStore
import Testing

@Suite struct PlanRegistrationTests {
  @Test func registeringAPlanQueuesEveryTrialInOrdinalOrder() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    let plan = [
      StoreFixture.trial("b", ordinal: 1), StoreFixture.trial("c", ordinal: 2),
      StoreFixture.trial("a", ordinal: 0),
    ]
    let registration = try store.registerPlan(sweep: StoreFixture.sweep(), trials: plan)
    #expect(registration.added == 3)
    #expect(registration.kept == 0)
    #expect(registration.revision == 1)
    #expect(try store.queuedTrialIDs() == ["a", "b", "c"])
    let trials = try store.trials()
    #expect(trials.map(\.id) == ["a", "b", "c"])
    #expect(trials[0].keys == ["cell": "rnn", "seed": "0"])
    #expect(trials[0].specJSON == "{\"cell\":\"rnn\",\"seed\":0}")
    #expect(trials.allSatisfy { $0.state == .queued && $0.attempts == 0 && $0.inPlan })
  }

  @Test func registeringTheSamePlanAgainAddsNothing() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(5))
    let again = try store.registerPlan(sweep: StoreFixture.sweep(), trials: StoreFixture.plan(5))
    #expect(again.added == 0)
    #expect(again.kept == 5)
    #expect(again.withdrawn == 0)
    #expect(again.revision == 1)
    #expect(try store.statusCounts().trials == 5)
  }

  @Test func anEditedPlanKeepsOutcomesAndAddsOnlyNewTrials() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(3))
    for id in ["t0", "t1"] {
      let attempt = try #require(try store.startAttempt(trialID: id, worker: "w", host: "h"))
      _ = try store.recordResults([
        ResultRow(
          trialID: id, attempt: attempt, outcome: id == "t0" ? .finished : .failed,
          summaryJSON: StoreFixture.summary(finalEvalLoss: 0.25), error: "boom")
      ])
    }
    let before = try #require(try store.trial(id: "t0"))
    let edited = StoreFixture.plan(2) + [StoreFixture.trial("new", ordinal: 5)]
    let registration = try store.registerPlan(
      sweep: StoreFixture.sweep(text: "name: cells\n# edited\n"), trials: edited)
    #expect(registration.added == 1)
    #expect(registration.kept == 2)
    #expect(registration.withdrawn == 1)
    #expect(registration.revision == 2)
    #expect(try store.trial(id: "t0") == before)
    #expect(try store.trial(id: "t1")?.state == .failed)
    #expect(try store.queuedTrialIDs() == ["new"])
    let counts = try store.statusCounts()
    #expect(counts.trials == 3)
    #expect(counts.finished == 1 && counts.failed == 1 && counts.queued == 1)
    #expect(counts.outsidePlan == 1)
    #expect(try store.trials().map(\.id) == ["t0", "t1", "new"])
    #expect(try store.trials(includingOutsidePlan: true).count == 4)
    #expect(try store.sweep()?.info.fileText == "name: cells\n# edited\n")
  }

  @Test func aTrialDroppedAndThenPlannedAgainIsQueuedAgain() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(3))
    try store.registerPlan(sweep: StoreFixture.sweep(), trials: StoreFixture.plan(2))
    #expect(try store.queuedTrialIDs() == ["t0", "t1"])
    let back = try store.registerPlan(sweep: StoreFixture.sweep(), trials: StoreFixture.plan(3))
    #expect(back.added == 0 && back.kept == 3 && back.withdrawn == 0)
    #expect(try store.queuedTrialIDs() == ["t0", "t1", "t2"])
  }

  @Test func aNewPlanReordersQueuedTrials() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(3))
    let reversed = StoreFixture.plan(3).map { StoreFixture.trial($0.id, ordinal: 10 - $0.ordinal) }
    try store.registerPlan(sweep: StoreFixture.sweep(), trials: reversed)
    #expect(try store.queuedTrialIDs() == ["t2", "t1", "t0"])
  }

  @Test(arguments: [
    [StoreFixture.trial("x", ordinal: 0), StoreFixture.trial("x", ordinal: 1)],
    [StoreFixture.trial("", ordinal: 0)],
  ])
  func aPlanWithBadIdsIsRefusedAndStoresNothing(plan: [PlannedTrialRow]) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    #expect(throws: StoreError.self) {
      try store.registerPlan(sweep: StoreFixture.sweep(), trials: plan)
    }
    #expect(try store.statusCounts().trials == 0)
    #expect(try store.sweep() == nil)
  }

  @Test func aBadPlanInsideALargerTransactionUndoesOnlyItsOwnWrites() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    let bad = StoreFixture.plan(3, prefix: "n") + [StoreFixture.trial("n0", ordinal: 3)]
    let refused = try store.write { tx -> Bool in
      do {
        try tx.registerPlan(sweep: StoreFixture.sweep(text: "name: edited\n"), trials: bad)
        return false
      } catch {
        return true
      }
    }
    #expect(refused)
    #expect(try store.trials().map(\.id) == ["t0", "t1"])
    #expect(try store.trials().allSatisfy(\.inPlan))
    #expect(try store.sweep()?.revision == 1)
  }

  @Test func aPlanIsReadOnceAsItIsStored() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    var remaining = StoreFixture.plan(4)[...]
    var reads = 0
    let once = AnySequence {
      AnyIterator { () -> PlannedTrialRow? in
        reads += 1
        return remaining.popFirst()
      }
    }
    let registration = try store.registerPlan(sweep: StoreFixture.sweep(), trials: once)
    #expect(registration.added == 4 && registration.kept == 0)
    #expect(reads == 5)
    #expect(try store.queuedTrialIDs() == ["t0", "t1", "t2", "t3"])
  }

  @Test func aSweepWithoutAttemptsIsRefused() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    #expect(throws: StoreError.invalidPlan("attempts allowed is 0, must be ≥ 1")) {
      try store.registerPlan(
        sweep: StoreFixture.sweep(attemptsAllowed: 0), trials: StoreFixture.plan(1))
    }
  }

  @Test func keysWithQuotesAndControlCharactersRoundTrip() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    let keys = ["na\"me": "a\\b\n\t\u{01}é😀", "empty": ""]
    try store.registerPlan(
      sweep: StoreFixture.sweep(),
      trials: [PlannedTrialRow(id: "q", ordinal: 0, specJSON: "{}", keys: keys)])
    #expect(try store.trials().first?.keys == keys)
  }

  @Test func theSweepIsStoredWithItsRevision() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1), attemptsAllowed: 3)
    let sweep = try #require(try store.sweep())
    #expect(sweep.info == StoreFixture.sweep(attemptsAllowed: 3))
    #expect(sweep.revision == 1)
    #expect(sweep.createdAt == sweep.registeredAt)
  }

  @Test func aLargePlanIsStoredInOneCall() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    let plan = (0..<20_000).map { StoreFixture.trial(String($0 &* 7919, radix: 36), ordinal: $0) }
    let registration = try store.registerPlan(sweep: StoreFixture.sweep(), trials: plan)
    #expect(registration.added == 20_000)
    #expect(try store.queuedTrialIDs().count == 20_000)
  }
}
