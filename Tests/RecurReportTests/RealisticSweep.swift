import Foundation
import RecurStore

/// A plausible `cells-adding` sweep written straight into a store, for the HTML tests and for
/// looking at a rendered report before the cluster can produce real ones: rnn, lstm and gru ×
/// T in {50, 100, 200} × seeds 1–3, 3000 steps, eval every 100, diagnosis every 250.
///
/// The curves follow what the literature reports for the adding problem (Hochreiter &
/// Schmidhuber 1997; Arjovsky, Shah & Bengio 2016): gated cells drop from the baseline 1/6
/// after a plateau that grows with T, the tanh RNN solves T = 50 at best; its gradient
/// vanishes fastest. One rnn trial at T = 200 diverges; with `running`, the last trials of
/// seed 3 are still running (a live sweep).
enum RealisticSweep {
  static let baseline = 1.0 / 6
  static let steps = 3000
  static let cells = ["rnn", "lstm", "gru"]
  static let lengths = [50, 100, 200]

  static let fileText = """
    name: cells-adding
    method: grid
    seeds: [1, 2, 3]
    fixed: {task: adding, hidden: 128, batch: 32, steps: 3000, optimizer: adam, lr: 0.001,
      clip: 1.0, eval_every: 100, diagnose_every: 250}
    parameters:
      cell: {values: [rnn, lstm, gru]}
      seq_len: {values: [50, 100, 200]}

    """

  /// Writes the sweep; with `running > 0`, that many of the last trials are left running
  /// (with half their records) and one more queued.
  static func make(running: Int = 0, keep: URL? = nil) throws -> SweepFixture {
    let keys = [1, 2, 3].flatMap { seed in
      lengths.flatMap { length in
        cells.map { ["cell": $0, "seq_len": "\(length)", "seed": "\(seed)", "task": "adding"] }
      }
    }
    let fixture = try SweepFixture(
      sweptKeys: ["cell", "seq_len", "seed"], trials: keys, name: "cells-adding",
      fileText: fileText, keep: keep)
    let queued = running > 0 ? 1 : 0
    for (index, trialKeys) in keys.enumerated() {
      let id = "t\(index)"
      if index >= keys.count - queued { continue }
      let isRunning = index >= keys.count - queued - running
      try write(id: id, keys: trialKeys, running: isRunning, into: fixture)
    }
    return fixture
  }

  private static func write(
    id: String, keys: [String: String], running: Bool, into fixture: SweepFixture
  ) throws {
    let cell = keys["cell"] ?? "rnn"
    let length = Int(keys["seq_len"] ?? "50") ?? 50
    let seed = Int(keys["seed"] ?? "1") ?? 1
    var random = SplitMix(seed: UInt64(seed * 1000 + length + cell.count * 7))
    let trial = TrialShape(cell: cell, length: length, seed: seed, random: &random)
    let lastStep = running ? steps / 2 : (trial.divergesAt ?? steps)
    var records: [[String: Any]] = []
    for step in stride(from: 0, through: lastStep, by: 100) {
      records.append(trial.record(step: step, random: &random))
    }
    if running {
      try fixture.run(id, records: records, outcome: nil)
      return
    }
    try fixture.run(
      id, records: records, outcome: trial.divergesAt == nil ? .finished : .diverged,
      summary: trial.summary(records: records))
  }
}

/// The hand-made dynamics of one trial.
private struct TrialShape {
  let cell: String
  let length: Int
  /// Step at which the loss leaves the plateau; nil: never.
  let solvesFrom: Int?
  let divergesAt: Int?
  /// Nepers lost per time step going back, at initialisation and after training.
  let decayInit: Double
  let decayEnd: Double
  let noise: Double

  init(cell: String, length: Int, seed: Int, random: inout SplitMix) {
    self.cell = cell
    self.length = length
    let jitter = 0.8 + 0.4 * random.next()
    let lengthFactor = Double(length) / 50
    switch cell {
    case "lstm":
      solvesFrom = Int(Double(500) * lengthFactor * jitter)
      decayInit = 0.035
      decayEnd = 0.006
    case "gru":
      solvesFrom = Int(Double(380) * lengthFactor * jitter)
      decayInit = 0.03
      decayEnd = 0.004
    default:
      solvesFrom = length == 50 && seed != 3 ? Int(2100 * jitter) : nil
      decayInit = 0.09
      decayEnd = 0.12 + 0.02 * lengthFactor
    }
    divergesAt = cell == "rnn" && length == 200 && seed == 2 ? 1700 : nil
    noise = 0.03 * random.next()
  }

  func loss(step: Int, random: inout SplitMix) -> Double {
    let wobble = 1 + noise * (random.next() - 0.5)
    guard let start = solvesFrom, step > start else {
      return RealisticSweep.baseline * (1.02 - 0.04 * Double(step) / 3000) * wobble
    }
    let progress = Double(step - start) / 400
    return max(4e-4, RealisticSweep.baseline * exp(-progress * 1.6)) * wobble
  }

  func record(step: Int, random: inout SplitMix) -> [String: Any] {
    let eval = loss(step: step, random: &random)
    var record: [String: Any] = [
      "step": step, "eval_loss": eval, "train_loss": eval * (1 + 0.05 * random.next()),
      "grad_norm": gradNorm(step: step), "clipped_fraction": clipped(step: step),
    ]
    if step % 250 == 0 || step == RealisticSweep.steps {
      let fraction = Double(step) / Double(RealisticSweep.steps)
      let decay = decayInit + (decayEnd - decayInit) * min(1, fraction * 2)
      let curve = (0..<length).map { t -> Any in
        0.05 * exp(-decay * Double(length - 1 - t)) * (1 + 0.1 * random.next())
      }
      record["hidden_grad_norm"] = [curve]
      record["saturation"] = saturation(fraction: fraction)
    }
    return record
  }

  func gradNorm(step: Int) -> Double {
    if let divergesAt, step > divergesAt - 400 {
      return 2 * exp(Double(step - divergesAt + 400) / 80)
    }
    return cell == "rnn" ? 0.4 : 0.9 + 0.5 * sin(Double(step) / 300)
  }

  func clipped(step: Int) -> Double {
    gradNorm(step: step) > 1 ? min(1, gradNorm(step: step) - 1) : 0
  }

  func saturation(fraction: Double) -> [String: Double] {
    let grow = fraction * Double(length) / 200
    switch cell {
    case "lstm":
      return [
        "l0.i": 0.03 + 0.15 * grow, "l0.f": 0.02 + 0.45 * grow, "l0.g": 0.05 + 0.2 * grow,
        "l0.o": 0.04 + 0.1 * grow, "l0.c": 0.01 + 0.08 * grow,
      ]
    case "gru":
      return ["l0.r": 0.03 + 0.1 * grow, "l0.z": 0.05 + 0.55 * grow, "l0.n": 0.04 + 0.2 * grow]
    default:
      return ["l0.h": 0.1 + 0.6 * grow]
    }
  }

  func summary(records: [[String: Any]]) -> [String: Any] {
    let evals = records.compactMap { $0["eval_loss"] as? Double }
    let final = divergesAt == nil ? evals.last.map { $0 as Any } ?? NSNull() : NSNull()
    let solvedStep = records.first { ($0["eval_loss"] as? Double ?? 1) < 0.01 }?["step"]
    return [
      "final_loss": records.last?["train_loss"] ?? NSNull(), "final_eval_loss": final,
      "best_eval_loss": evals.min() ?? NSNull(), "baseline_loss": RealisticSweep.baseline,
      "solved": divergesAt == nil && solvedStep != nil, "solved_at_step": solvedStep ?? NSNull(),
      "diverged": divergesAt != nil, "diverged_at_step": divergesAt ?? NSNull(),
      "steps_done": records.last?["step"] ?? 0,
      "mean_grad_norm": records.compactMap { $0["grad_norm"] as? Double }.reduce(0, +)
        / Double(max(1, records.count)),
      "clipped_fraction": records.compactMap { $0["clipped_fraction"] as? Double }.reduce(0, +)
        / Double(max(1, records.count)),
      "wall_seconds": Double(length) * (cell == "rnn" ? 0.9 : 2.4) + 5,
      "steps_per_second": 3000 / (Double(length) * (cell == "rnn" ? 0.9 : 2.4) + 5),
    ]
  }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny deterministic generator for test data.
struct SplitMix {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in [0, 1).
  mutating func next() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) / Double(1 << 53)
  }
}
