import Foundation
import RecurStore

/// A results folder in the temporary directory with a sweep written through RecurStore's
/// writer API, removed when the fixture goes away.
final class SweepFixture {
  let directory: URL
  let store: ResultsStore
  /// Whether the folder is removed at the end.
  private let isTemporary: Bool

  /// Registers `trials` (each a key map; ids `t0`, `t1`, … in order) under `sweptKeys`, in a
  /// temporary folder, or in `keep` (which stays) when given.
  init(
    sweptKeys: [String] = ["cell", "seed"], trials: [[String: String]], name: String = "fixture",
    fileText: String = "name: fixture\n", keep: URL? = nil
  ) throws {
    isTemporary = keep == nil
    directory =
      keep
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "recur-report-tests-\(UUID().uuidString)")
    if let keep { try? FileManager.default.removeItem(at: keep) }
    store = try ResultsStore.openForWriting(directory: directory, durability: .normal)
    let rows = trials.enumerated().map { index, keys in
      PlannedTrialRow(id: "t\(index)", ordinal: index, specJSON: "{}", keys: keys)
    }
    try store.registerPlan(
      sweep: SweepInfo(
        name: name, filePath: "\(name).yaml", fileText: fileText,
        sweptKeys: sweptKeys, metric: "eval_loss", attemptsAllowed: 2),
      trials: rows)
  }

  deinit {
    try? store.close()
    if isTemporary { try? FileManager.default.removeItem(at: directory) }
  }

  /// Starts trial `id`, streams `records` and, when `outcome` is given, records its result.
  func run(
    _ id: String, records: [[String: Any]] = [], outcome: TrialOutcome? = .finished,
    summary: [String: Any]? = nil, error: String? = nil
  ) throws {
    let attempt = try require2(try store.startAttempt(trialID: id, worker: "w1", host: "h1"))
    if !records.isEmpty {
      try store.appendMetrics(
        records.map { MetricRow(trialID: id, attempt: attempt, recordJSON: Self.json($0)) })
    }
    if let outcome {
      _ = try store.recordResults([
        ResultRow(
          trialID: id, attempt: attempt, outcome: outcome, summaryJSON: summary.map(Self.json),
          error: error)
      ])
    }
  }

  /// JSON text of a dictionary; `NSNull()` values are written as `null`.
  static func json(_ object: [String: Any]) -> String {
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  /// Keys of a cell × seed sweep: for each seed, every cell.
  static func cellTrials(cells: [String], seeds: [Int], extra: [String: String] = [:])
    -> [[String: String]]
  {
    seeds.flatMap { seed in
      cells.map { cell in
        ["cell": cell, "seed": "\(seed)", "task": "adding"].merging(extra) { $1 }
      }
    }
  }
}

struct MissingValue: Error {}

/// `#require` for a throwing context outside a test body.
func require2<T>(_ value: T?) throws -> T {
  guard let value else { throw MissingValue() }
  return value
}
