import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures what the coordinator pays the store per trial: registering a plan, then for each
/// trial `startAttempt` and `recordResults`, in batches as the coordinator's group commit does:
/// one transaction of starts (not synced), then one of results (synced with `durability`).
///
/// The dispatch target (issue 5) is 5,000 trials/s with every outcome committed before it is
/// acknowledged, which leaves about 150 µs per trial for protocol and storage together; these
/// figures say how much of that the store takes. `recur bench` prints them.
public enum StoreBenchmark {
  /// The figures of one run.
  public struct Figures: Sendable, Hashable {
    public var trials: Int
    public var batchSize: Int
    public var durability: Durability
    /// Wall time of `registerPlan` for all trials (one transaction).
    public var planSeconds: Double
    /// Wall time per trial of `startAttempt`, batched.
    public var startMicroseconds: Double
    /// Wall time per trial of `recordResults`, batched.
    public var recordMicroseconds: Double
    /// Process CPU time per trial of both (SQLite runs on GRDB's writer thread).
    public var cpuMicroseconds: Double

    /// Wall time per trial of `startAttempt` and `recordResults` together.
    public var perTrialMicroseconds: Double { startMicroseconds + recordMicroseconds }
    /// The rate at which the store alone could take trials.
    public var trialsPerSecond: Double { 1e6 / perTrialMicroseconds }
  }

  /// Runs the benchmark on a fresh store in a temporary folder (removed afterwards), or in
  /// `directory` when given (a folder on the disk the results will go to).
  public static func run(
    trials: Int = 20_000, batchSize: Int = 64, durability: Durability = .full,
    directory: URL? = nil
  ) throws -> Figures {
    let folder =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "recur-store-bench-\(UUID().uuidString)")
    defer { if directory == nil { try? FileManager.default.removeItem(at: folder) } }
    let store = try ResultsStore.openForWriting(directory: folder, durability: durability)
    let plan = syntheticPlan(trials: trials)
    let planStart = wallSeconds()
    try store.registerPlan(sweep: plan.sweep, trials: plan.trials)
    let planSeconds = wallSeconds() - planStart
    let ids = try store.queuedTrialIDs()
    var startTime = 0.0
    var recordTime = 0.0
    let cpuStart = cpuSeconds()
    for batchStart in stride(from: 0, to: ids.count, by: max(1, batchSize)) {
      let batch = ids[batchStart..<min(ids.count, batchStart + max(1, batchSize))]
      startTime += try timed { try startAll(batch, in: store) }
      recordTime += try timed { try recordAll(batch, in: store) }
    }
    let cpu = cpuSeconds() - cpuStart
    try store.close()
    let n = Double(max(1, ids.count))
    return Figures(
      trials: ids.count, batchSize: batchSize, durability: durability, planSeconds: planSeconds,
      startMicroseconds: startTime / n * 1e6, recordMicroseconds: recordTime / n * 1e6,
      cpuMicroseconds: cpu / n * 1e6)
  }

  private static func startAll(_ batch: ArraySlice<String>, in store: ResultsStore) throws {
    try store.write(durable: false) { transaction in
      for id in batch {
        _ = try transaction.startAttempt(trialID: id, worker: "bench-worker", host: "localhost")
      }
    }
  }

  private static func recordAll(_ batch: ArraySlice<String>, in store: ResultsStore) throws {
    let results = batch.map {
      ResultRow(trialID: $0, attempt: 1, outcome: .finished, summaryJSON: summaryJSON)
    }
    _ = try store.recordResults(results)
  }

  /// A plan shaped like a real sweep's: cell × hidden × learning rate × seed. Ids are distinct
  /// 48-bit numbers in scattered order, as hashes are (an odd multiplier is a bijection modulo
  /// 2^48).
  private static func syntheticPlan(trials: Int) -> (sweep: SweepInfo, trials: [PlannedTrialRow]) {
    let cells = ["rnn", "lstm", "gru"]
    let rows = (0..<trials).map { index in
      let keys = [
        "cell": cells[index % 3], "hidden_size": "\(32 << (index / 3 % 3))",
        "lr": "\(0.001 * Double(1 + index / 9 % 10))", "seed": "\(index / 90)",
      ]
      let spec =
        "{\"task\":{\"name\":\"adding\",\"length\":100},\"model\":{\"cell\":\"\(keys["cell"] ?? "")\","
        + "\"hidden_size\":\(keys["hidden_size"] ?? ""),\"layers\":1},\"optimizer\":{\"name\":\"adam\","
        + "\"lr\":\(keys["lr"] ?? "")},\"steps\":2000,\"batch_size\":32,\"seed\":\(index / 90)}"
      return PlannedTrialRow(
        id: String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15 & 0xFFFF_FFFF_FFFF, radix: 16),
        ordinal: index,
        specJSON: spec, keys: keys)
    }
    let sweep = SweepInfo(
      name: "bench", filePath: "bench.yaml", fileText: "name: bench\n",
      sweptKeys: ["cell", "hidden_size", "lr", "seed"], metric: "final_eval_loss",
      attemptsAllowed: 3)
    return (sweep, rows)
  }

  private static let summaryJSON =
    "{\"final_loss\":0.0123,\"final_eval_loss\":0.0131,\"best_eval_loss\":0.0129,"
    + "\"baseline_loss\":0.1667,\"solved\":true,\"solved_at_step\":1200,\"diverged\":false,"
    + "\"diverged_at_step\":null,\"steps_done\":2000,\"gradient_retention_init\":0.0012,"
    + "\"gradient_retention\":0.21,\"mean_grad_norm\":0.8,\"clipped_fraction\":0.01,"
    + "\"wall_seconds\":12.5,\"steps_per_second\":160.0}"

  private static func timed(_ body: () throws -> Void) throws -> Double {
    let start = wallSeconds()
    try body()
    return wallSeconds() - start
  }

  private static func wallSeconds() -> Double { clockSeconds(CLOCK_MONOTONIC) }
  private static func cpuSeconds() -> Double { clockSeconds(CLOCK_PROCESS_CPUTIME_ID) }

  private static func clockSeconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
