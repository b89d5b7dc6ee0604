import Foundation
import RecurStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures how long a report takes to read a sweep's metric records, against the former way
/// of reading them (one `metrics(trialID:)` query per trial), kept here as the baseline and
/// run on the same store in the same process.
///
/// The store is synthetic: `trials` finished trials of `recordsPerTrial` records each, every
/// tenth record a diagnosis with a gradient-flow curve of 100 steps, as `METRICS.md` writes
/// them. Both readings make the same `MetricPoint`s, so the figures differ by the queries only.
/// `recur bench report` prints them.
public enum ReportBenchmark {
  /// The figures of one run.
  public struct Figures: Sendable, Hashable {
    public var trials: Int
    public var recordsPerTrial: Int
    /// Wall time of writing the synthetic store.
    public var writeSeconds: Double
    /// Wall time of reading every trial's records with one query per trial (best of the runs).
    public var perTrialSeconds: Double
    /// Wall time of reading them with `SweepSnapshot`'s one query (best of the runs).
    public var oneQuerySeconds: Double

    /// How many times faster the one query is.
    public var speedup: Double { perTrialSeconds / max(oneQuerySeconds, 1e-9) }
  }

  /// Writes the store in a temporary folder (removed afterwards) or in `directory`, then times
  /// both readings `rounds` times, alternating, and keeps the best of each.
  public static func run(
    trials: Int = 20_000, recordsPerTrial: Int = 50, rounds: Int = 2, directory: URL? = nil
  ) throws -> Figures {
    let folder =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "recur-report-bench-\(UUID().uuidString)")
    defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
    let writeStart = wallSeconds()
    try writeStore(in: folder, trials: trials, recordsPerTrial: recordsPerTrial)
    let writeSeconds = wallSeconds() - writeStart
    let store = try ResultsStore.openForReading(directory: folder)
    defer { try? store.close() }
    let records = try store.trials()
    var perTrial = Double.infinity
    var oneQuery = Double.infinity
    for _ in 0..<max(1, rounds) {
      perTrial = min(perTrial, try timed { _ = try readPerTrial(records, from: store) })
      oneQuery = min(oneQuery, try timed { _ = try readInOneQuery(records, from: store) })
    }
    return Figures(
      trials: trials, recordsPerTrial: recordsPerTrial, writeSeconds: writeSeconds,
      perTrialSeconds: perTrial, oneQuerySeconds: oneQuery)
  }

  /// The baseline: one query per trial, as reports read before.
  static func readPerTrial(_ records: [TrialRecord], from store: ResultsStore) throws
    -> [TrialData]
  {
    try records.map { record in
      let points = try store.metrics(trialID: record.id).map {
        MetricPoint(
          step: $0.step, trainLoss: $0.trainLoss, evalLoss: $0.evalLoss, json: $0.recordJSON)
      }
      return TrialData(id: record.id, keys: record.keys, state: record.state, points: points)
    }
  }

  /// What `SweepSnapshot.read` does.
  static func readInOneQuery(_ records: [TrialRecord], from store: ResultsStore) throws
    -> [TrialData]
  {
    var trials = records.map { TrialData(id: $0.id, keys: $0.keys, state: $0.state) }
    try SweepSnapshot.readPoints(from: store, into: &trials)
    return trials
  }

  /// A plan of `trials` trials, each started and finished with `recordsPerTrial` records; a
  /// transaction per 100 trials.
  static func writeStore(in folder: URL, trials: Int, recordsPerTrial: Int) throws {
    let store = try ResultsStore.openForWriting(directory: folder, durability: .normal)
    defer { try? store.close() }
    let cells = ["rnn", "lstm", "gru"]
    let rows = (0..<trials).lazy.map { index in
      PlannedTrialRow(
        id: String(format: "%012x", UInt64(index) &* 0x9E37_79B9_7F4A_7C15 & 0xFFFF_FFFF_FFFF),
        ordinal: index, specJSON: "{\"cell\":\"\(cells[index % 3])\",\"seed\":\(index / 3)}",
        keys: ["cell": cells[index % 3], "seed": "\(index / 3)"])
    }
    try store.registerPlan(
      sweep: SweepInfo(
        name: "bench", filePath: "bench.yaml", fileText: "name: bench\n",
        sweptKeys: ["cell", "seed"], metric: "final_eval_loss", attemptsAllowed: 1),
      trials: rows)
    let ids = try store.queuedTrialIDs()
    for start in stride(from: 0, to: ids.count, by: 100) {
      let batch = ids[start..<min(ids.count, start + 100)]
      try store.write(durable: false) { transaction in
        for id in batch {
          _ = try transaction.startAttempt(trialID: id, worker: "bench", host: "localhost")
          _ = try transaction.appendMetrics(
            (0..<recordsPerTrial).map {
              MetricRow(trialID: id, attempt: 1, recordJSON: recordJSON(step: $0 * 10))
            })
        }
      }
      _ = try store.recordResults(
        batch.map {
          ResultRow(trialID: $0, attempt: 1, outcome: .finished, summaryJSON: summaryJSON)
        })
    }
  }

  /// A metric record of `METRICS.md`'s form; every tenth a diagnosis.
  static func recordJSON(step: Int) -> String {
    let loss = 1.0 / Double(step + 1)
    var json =
      "{\"clipped_fraction\":0,\"eval_loss\":\(loss * 1.1),\"grad_norm\":\(0.5 + loss),"
      + "\"step\":\(step),\"train_loss\":\(loss)"
    if step % 100 == 0 {
      let curve = (0..<100).map { "\(Double($0 + 1) * 0.0123)" }.joined(separator: ",")
      json +=
        ",\"hidden_grad_norm\":[[\(curve)]],\"hidden_norm\":[1.5],"
        + "\"saturation\":{\"l0.h\":0.125},\"spectral_norm\":[0.97]"
    }
    return json + "}"
  }

  static let summaryJSON =
    "{\"best_eval_loss\":0.0129,\"diverged\":false,\"final_eval_loss\":0.0131,"
    + "\"final_loss\":0.0123,\"solved\":true,\"steps_done\":490}"

  private static func timed(_ body: () throws -> Void) throws -> Double {
    let start = wallSeconds()
    try body()
    return wallSeconds() - start
  }

  private static func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
