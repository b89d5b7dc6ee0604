import Foundation
import RecurStore
import Testing

/// Metric records are JSON from the network: whatever they hold, storing them never throws
/// (a store error would end the coordinator), and what is not a record is skipped.
@Suite struct HostileMetricsTests {
  static let deep = String(repeating: "[", count: 990) + String(repeating: "]", count: 990)
  static let tooDeep = String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)

  static let records: [String] = [
    "", "null", "[]", "{}", "{\"step\":\"1\"}", "{\"step\":1.5}", "{\"step\":1e400}",
    "{\"step\":99999999999999999999999}", "{\"step\":-3,\"train_loss\":\"x\"}",
    "{\"step\":2,\"eval_loss\":1e999}", "{\"step\":2,\"eval_loss\":-1e999,\"train_loss\":[1]}",
    "{\"step\":3,\"step\":4}", "{\"step\":5,\"a\":\(deep)}", "{\"step\":6,\"a\":\(tooDeep)}",
    "{\"step\":7,\"\\u0000\":\"\\u0000\"}", "{\"step\":8} trailing", "{\"step\":9,}",
    "{step:10}", "{\"step\":11,\"x\":NaN}", String(repeating: "{\"step\":12}", count: 3),
    "{\"step\":13,\"s\":\"\(String(repeating: "é", count: 100_000))\"}",
  ]

  @Test func anyRecordIsStoredOrSkippedWithoutAnError() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let rows = Self.records.map { MetricRow(trialID: "t0", attempt: 1, recordJSON: $0) }
    // Twice: the second pass merges every stored record with itself.
    try store.appendMetrics(rows)
    try store.appendMetrics(rows.reversed())
    let stored = try store.metrics(trialID: "t0")
    let steps = Set(stored.map(\.step))
    #expect(steps.isSuperset(of: [-3, 2, 5, 7, 13]))
    #expect(!steps.contains(1) && !steps.contains(10) && !steps.contains(11))
    let merged = try #require(stored.first { $0.step == 2 })
    #expect(merged.recordJSON.contains("9e999"), "infinity kept as SQLite writes it")
  }
}
