import Foundation
import RecurStore
import Testing

@Suite struct AttemptLifecycleTests {
  @Test func startingAnAttemptRunsTheTrialAndNumbersAttemptsFromOne() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    #expect(try store.startAttempt(trialID: "t0", worker: "w1", host: "h1") == 1)
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .running)
    #expect(trial.attempts == 1)
    #expect(trial.worker == "w1" && trial.host == "h1")
    #expect(trial.startedAt != nil)
    #expect(try store.queuedTrialIDs() == ["t1"])
  }

  @Test(arguments: ["t0", "missing"])
  func aTrialThatIsNotQueuedCannotStart(id: String) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
    #expect(try store.startAttempt(trialID: id, worker: "w2", host: "h2") == nil)
    #expect(try store.statusCounts().attempts == 1)
  }

  @Test func resumingRequeuesRunningTrialsAndEndsTheirAttemptsAsInterrupted() throws {
    let fixture = StoreFixture()
    do {
      let store = try fixture.writer(with: StoreFixture.plan(3))
      _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h1")
      _ = try store.startAttempt(trialID: "t1", worker: "w2", host: "h2")
      _ = try store.recordResults([ResultRow(trialID: "t1", attempt: 1, outcome: .finished)])
    }
    let store = try fixture.writer()
    #expect(try store.resumeInterruptedAttempts() == 1)
    #expect(try store.queuedTrialIDs() == ["t0", "t2"])
    #expect(try store.trial(id: "t1")?.state == .finished)
    #expect(try store.startAttempt(trialID: "t0", worker: "w3", host: "h3") == 2)
    let counts = try store.statusCounts()
    #expect(counts.attempts == 3)
    #expect(counts.running == 1 && counts.queued == 1 && counts.finished == 1)
  }

  @Test func interruptedAttemptsNeverMakeATrialLost() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1), attemptsAllowed: 1)
    for attempt in 1...3 {
      #expect(try store.startAttempt(trialID: "t0", worker: "w", host: "h") == attempt)
      if attempt == 2 {
        #expect(try store.resumeInterruptedAttempts() == 1)
      } else {
        #expect(
          try store.abandonAttempt(
            trialID: "t0", attempt: attempt, reason: .interrupted, maxAttempts: 1) == .requeued)
      }
    }
    #expect(try store.trial(id: "t0")?.state == .queued)
  }

  @Test func abandonedAttemptsRequeueUntilTheAttemptsAreExhausted() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1), attemptsAllowed: 3)
    for attempt in 1...3 {
      #expect(try store.startAttempt(trialID: "t0", worker: "w\(attempt)", host: "h") == attempt)
      let outcome = try store.abandonAttempt(
        trialID: "t0", attempt: attempt, reason: .lostWorker, maxAttempts: 3)
      #expect(outcome == (attempt < 3 ? .requeued : .lost))
    }
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .lost)
    #expect(trial.finishedAt != nil)
    #expect(try store.startAttempt(trialID: "t0", worker: "w", host: "h") == nil)
    let counts = try store.statusCounts()
    #expect(counts.lost == 1 && counts.attempts == 3 && counts.isDone)
  }

  @Test func abandoningAnEndedOrUnknownAttemptChangesNothing() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    #expect(
      try store.abandonAttempt(trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 2)
        == .requeued)
    for (id, attempt) in [("t0", 1), ("t0", 7), ("nope", 1)] {
      #expect(
        try store.abandonAttempt(
          trialID: id, attempt: attempt, reason: .lostWorker, maxAttempts: 1) == .unchanged)
    }
    #expect(try store.trial(id: "t0")?.state == .queued)
  }

  @Test func abandoningAnAttemptOfATrialWithAnOutcomeKeepsTheOutcome() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w1", host: "h")
    _ = try store.abandonAttempt(trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 5)
    _ = try store.startAttempt(trialID: "t0", worker: "w2", host: "h")
    // The first worker was only slow: its result arrives and becomes the outcome.
    #expect(
      try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
        == [.accepted])
    #expect(
      try store.abandonAttempt(trialID: "t0", attempt: 2, reason: .lostWorker, maxAttempts: 1)
        == .unchanged)
    let trial = try #require(try store.trial(id: "t0"))
    #expect(trial.state == .finished && trial.outcomeAttempt == 1 && trial.worker == "w1")
  }

  @Test func eventsAndWorkersAreKept() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    try store.recordWorker(name: "w1", host: "h1", cores: 4)
    try store.recordWorker(name: "w1", host: "h2", cores: 8)
    for index in 0..<5 {
      try store.logEvent(kind: "k\(index)", message: "m\(index)", worker: "w1", trialID: "t0")
    }
    let workers = try store.workers()
    #expect(workers.map(\.host) == ["h2"])
    #expect(workers.first?.cores == 8)
    let events = try store.events(limit: 2)
    #expect(events.map(\.kind) == ["k3", "k4"])
    #expect(events.first?.worker == "w1" && events.first?.trialID == "t0")
  }

  @Test func aFailingTransactionCommitsNothing() throws {
    struct Stop: Error {}
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    #expect(throws: Stop.self) {
      try store.write { transaction in
        _ = try transaction.startAttempt(trialID: "t0", worker: "w", host: "h")
        throw Stop()
      }
    }
    #expect(try store.queuedTrialIDs() == ["t0", "t1"])
    #expect(try store.statusCounts().attempts == 0)
  }
}
