import Foundation
import RecurStore
import Testing

@Suite struct MetricsTests {
  static func record(step: Int, train: Double? = nil, eval: String? = nil) -> String {
    var fields = ["\"step\":\(step)"]
    if let train { fields.append("\"train_loss\":\(train)") }
    if let eval { fields.append("\"eval_loss\":\(eval)") }
    return "{" + fields.joined(separator: ",") + "}"
  }

  @Test func aBatchOfRecordsIsStoredByStep() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let rows = [20, 0, 10].map {
      MetricRow(
        trialID: "t0", attempt: 1,
        recordJSON: Self.record(step: $0, train: Double($0) / 10, eval: "\($0 + 1)"))
    }
    #expect(try store.appendMetrics(rows) == 3)
    let metrics = try store.metrics(trialID: "t0")
    #expect(metrics.map(\.step) == [0, 10, 20])
    #expect(metrics.map(\.trainLoss) == [0, 1, 2])
    #expect(metrics.map(\.evalLoss) == [1, 11, 21])
    #expect(metrics[1].recordJSON == rows[2].recordJSON)
  }

  @Test func aBatchSentAgainChangesNothing() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let rows = (0..<5).map {
      MetricRow(trialID: "t0", attempt: 1, recordJSON: Self.record(step: $0, train: 0.5))
    }
    try store.appendMetrics(rows)
    let before = try store.metrics(trialID: "t0")
    try store.appendMetrics(rows)
    #expect(try store.metrics(trialID: "t0") == before)
  }

  @Test func twoRecordsOfOneStepAreMergedKeepingNulls() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let evaluation = "{\"step\":5,\"eval_loss\":null,\"train_loss\":0.25}"
    let diagnosis =
      "{\"step\":5,\"hidden_grad_norm\":[[1.5,0.25]],\"saturation\":{\"l0.i\":0.125},"
      + "\"train_loss\":0.5,\"name\":\"x\",\"ok\":true,\"g\":0.30000000000000004}"
    try store.appendMetrics([
      MetricRow(trialID: "t0", attempt: 1, recordJSON: evaluation),
      MetricRow(trialID: "t0", attempt: 1, recordJSON: diagnosis),
    ])
    let metrics = try store.metrics(trialID: "t0")
    #expect(metrics.count == 1)
    let merged = try #require(metrics.first)
    #expect(merged.trainLoss == 0.5)
    #expect(merged.evalLoss == nil)
    let object = try JSONSerialization.jsonObject(with: Data(merged.recordJSON.utf8))
    let fields = try #require(object as? [String: Any])
    #expect(
      Set(fields.keys) == [
        "step", "eval_loss", "train_loss", "hidden_grad_norm", "saturation", "name", "ok", "g",
      ])
    #expect(fields["eval_loss"] is NSNull)
    #expect(fields["name"] as? String == "x")
    #expect(fields["ok"] as? Bool == true)
    // Every digit kept (Foundation's parser on Linux is not correctly rounded: compare text).
    #expect(merged.recordJSON.contains("\"g\":0.30000000000000004"))
    #expect(fields["step"] as? Int == 5)
    #expect((fields["hidden_grad_norm"] as? [[Double]]) == [[1.5, 0.25]])
    #expect((fields["saturation"] as? [String: Double]) == ["l0.i": 0.125])
  }

  @Test(arguments: [
    "{\"step\":1", "[1]", "{\"train_loss\":1}", "{\"step\":1.5}", "{\"step\":\"1\"}", "", "42",
  ])
  func aMalformedRecordIsSkippedWithoutSpoilingTheBatch(record: String) throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let stored = try store.appendMetrics([
      MetricRow(trialID: "t0", attempt: 1, recordJSON: record),
      MetricRow(trialID: "t0", attempt: 1, recordJSON: Self.record(step: 3, eval: "\"bad\"")),
    ])
    #expect(stored == 1)
    let metrics = try store.metrics(trialID: "t0")
    #expect(metrics.map(\.step) == [3])
    #expect(metrics.first?.evalLoss == nil)
  }

  @Test func recordsOfUnknownTrialsOrAttemptsAreSkipped() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let stored = try store.appendMetrics([
      MetricRow(trialID: "ghost", attempt: 1, recordJSON: Self.record(step: 0)),
      MetricRow(trialID: "t0", attempt: 2, recordJSON: Self.record(step: 0)),
    ])
    #expect(stored == 0)
    #expect(try store.metrics(trialID: "ghost").isEmpty)
  }

  @Test func metricsAreThoseOfTheAcceptedAttempt() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    for attempt in 1...2 {
      _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
      try store.appendMetrics([
        MetricRow(
          trialID: "t0", attempt: attempt, recordJSON: Self.record(step: attempt * 100))
      ])
      if attempt == 1 {
        _ = try store.abandonAttempt(
          trialID: "t0", attempt: 1, reason: .lostWorker, maxAttempts: 3)
      }
    }
    #expect(try store.metrics(trialID: "t0").map(\.step) == [200])
    _ = try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
    #expect(try store.metrics(trialID: "t0").map(\.step) == [100])
  }

  /// Every trial's records, gathered from `forEachMetric` by trial id.
  static func allMetrics(_ store: ResultsStore, includingOutsidePlan: Bool = false) throws
    -> [String: [MetricRecord]]
  {
    var metrics: [String: [MetricRecord]] = [:]
    try store.forEachMetric(includingOutsidePlan: includingOutsidePlan) { id, record in
      metrics[id, default: []].append(record)
    }
    return metrics
  }

  @Test func oneQueryReadsWhatTheQueriesPerTrialRead() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(4), attemptsAllowed: 3)
    for (trial, attempts) in [("t0", 1), ("t1", 2), ("t2", 2)] {
      for attempt in 1...attempts {
        _ = try store.startAttempt(trialID: trial, worker: "w", host: "h")
        try store.appendMetrics(
          [30, 0, 10].map {
            MetricRow(
              trialID: trial, attempt: attempt,
              recordJSON: Self.record(step: $0 + attempt, train: Double(attempt)))
          })
        if attempt < attempts {
          _ = try store.abandonAttempt(
            trialID: trial, attempt: attempt, reason: .lostWorker, maxAttempts: 3)
        }
      }
    }
    _ = try store.recordResults([ResultRow(trialID: "t1", attempt: 1, outcome: .finished)])
    let perTrial = Dictionary(
      uniqueKeysWithValues: try ["t0", "t1", "t2", "t3"].map {
        ($0, try store.metrics(trialID: $0))
      }
      .filter { !$0.1.isEmpty })
    let reader = try fixture.reader()
    #expect(try Self.allMetrics(reader) == perTrial)
    #expect(perTrial["t1"]?.map(\.step) == [1, 11, 31])
    #expect(perTrial["t2"]?.map(\.step) == [2, 12, 32])
  }

  @Test func oneQueryLeavesOutTrialsOutsideThePlanUnlessAsked() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    for trial in ["t0", "t1"] {
      _ = try store.startAttempt(trialID: trial, worker: "w", host: "h")
      try store.appendMetrics([
        MetricRow(trialID: trial, attempt: 1, recordJSON: Self.record(step: 5))
      ])
    }
    try store.registerPlan(sweep: StoreFixture.sweep(), trials: StoreFixture.plan(1))
    #expect(try Self.allMetrics(store).keys.sorted() == ["t0"])
    #expect(
      try Self.allMetrics(store, includingOutsidePlan: true).keys.sorted() == ["t0", "t1"])
  }
}
