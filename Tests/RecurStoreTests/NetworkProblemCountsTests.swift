import Foundation
import Testing

@testable import RecurStore

@Suite struct NetworkProblemCountsTests {
  /// Everything a reader can see of a store, to compare before and after a migration.
  struct Contents: Equatable {
    var counts: StatusCounts
    var sweep: SweepRecord?
    var trials: [TrialRecord]
    var metrics: [MetricRecord]
    var events: [EventRecord]
    var workers: [WorkerRecord]

    init(_ store: ResultsStore) throws {
      counts = try store.statusCounts()
      sweep = try store.sweep()
      trials = try store.trials(includingOutsidePlan: true)
      metrics = try store.metrics(trialID: "t0")
      events = try store.events()
      workers = try store.workers()
    }
  }

  /// A store as schema version 1 left it: a plan, attempts, metrics, every kind of outcome,
  /// a duplicate, an event and a worker.
  static func version1Store(_ fixture: StoreFixture) throws {
    let store = try ResultsStore.openForWriting(
      directory: fixture.directory, durability: .normal, schemaVersion: 1)
    try store.registerPlan(
      sweep: StoreFixture.sweep(attemptsAllowed: 1), trials: StoreFixture.plan(5))
    for id in ["t0", "t1", "t2", "t3"] {
      _ = try store.startAttempt(trialID: id, worker: "w1", host: "h1")
    }
    try store.appendMetrics([
      MetricRow(trialID: "t0", attempt: 1, recordJSON: #"{"step":10,"train_loss":0.5}"#),
      MetricRow(trialID: "t0", attempt: 1, recordJSON: #"{"step":20,"eval_loss":0.25}"#),
    ])
    _ = try store.recordResults([
      ResultRow(
        trialID: "t0", attempt: 1, outcome: .finished,
        summaryJSON: StoreFixture.summary(finalEvalLoss: 0.25)),
      ResultRow(trialID: "t1", attempt: 1, outcome: .failed, error: "out of memory"),
    ])
    _ = try store.abandonAttempt(trialID: "t2", attempt: 1, reason: .lostWorker, maxAttempts: 1)
    _ = try store.recordResults([ResultRow(trialID: "t2", attempt: 1, outcome: .diverged)])
    try store.logEvent(kind: "worker-joined", message: "w1 on h1", worker: "w1")
    try store.recordWorker(name: "w1", host: "h1", cores: 4)
    try store.close()
  }

  /// `PRAGMA user_version` of the closed store, from its header (SQLite file format, §1.3).
  static func headerVersion(_ fixture: StoreFixture) throws -> Int {
    let header = try Data(contentsOf: URL(fileURLWithPath: fixture.storePath)).prefix(64)
    return header[60..<64].reduce(0) { $0 << 8 | Int($1) }
  }

  @Test func migratingAVersion1StoreKeepsEverythingAndStartsTheCountsAtZero() throws {
    let fixture = StoreFixture()
    try Self.version1Store(fixture)
    #expect(try Self.headerVersion(fixture) == 1)
    let old = try fixture.reader()
    let before = try Contents(old)
    #expect(before.counts.finished == 1 && before.counts.failed == 1 && before.counts.lost == 1)
    #expect(before.counts.running == 1 && before.counts.duplicates == 1)
    #expect(before.metrics.count == 2 && before.events.count == 1 && before.workers.count == 1)
    #expect(try old.networkProblemCounts() == NetworkProblemCounts())
    try old.close()

    try fixture.writer().close()
    #expect(try Self.headerVersion(fixture) == ResultsStore.schemaVersion)
    let migrated = try fixture.reader()
    #expect(try Contents(migrated) == before)
    #expect(try migrated.networkProblemCounts() == NetworkProblemCounts())
    #expect(try migrated.networkProblemCounts().isZero)
  }

  @Test func aSessionsCountsReplaceItsEarlierOnes() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    let session = try store.startCoordinatorSession(coordinator: "h:1")
    try store.recordNetworkProblems(NetworkProblemCounts(malformedMessages: 3), session: session)
    let later = NetworkProblemCounts(
      malformedMessages: 5, oversizedMessages: 1, protocolMismatches: 2)
    _ = try store.write { tx in try tx.recordNetworkProblems(later, session: session) }
    #expect(try fixture.reader().networkProblemCounts() == later)
    #expect(try !store.recordNetworkProblems(later, session: session + 1), "no such session")
  }

  @Test func restartedCoordinatorsAddToTheStoredCounts() throws {
    let fixture = StoreFixture()
    let first = NetworkProblemCounts(
      malformedMessages: 5, oversizedMessages: 1, protocolMismatches: 2, foreignReports: 1)
    let second = NetworkProblemCounts(
      malformedMessages: 4, protocolMismatches: 1, closedConnections: 2, turnedAway: 3)
    for counts in [first, second] {
      let store = try fixture.writer()
      let session = try store.write { tx in try tx.startCoordinatorSession(coordinator: "h:2") }
      try store.recordNetworkProblems(counts, session: session)
      try store.close()
    }
    let expected = NetworkProblemCounts(
      malformedMessages: 9, oversizedMessages: 1, protocolMismatches: 3, foreignReports: 1,
      closedConnections: 2, turnedAway: 3)
    #expect(try fixture.reader().networkProblemCounts() == expected)
  }

  @Test func aNewSessionStartsAtZero() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer()
    _ = try store.startCoordinatorSession(coordinator: "h:3")
    #expect(try fixture.reader().networkProblemCounts().isZero)
  }
}
