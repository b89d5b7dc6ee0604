import Foundation
import RecurStore

/// A small finished-and-failed sweep with hand-made numbers whose aggregates are known:
/// lstm and rnn × seeds 1, 2, 3 (trials t0…t5: seed 1 lstm, seed 1 rnn, seed 2 lstm, …).
///
/// lstm: all finished; final eval loss 0.1, 0.2, 0.3 (baseline 0.5); solved at steps 100 and
/// 300, the third not; the top layer's ‖dL/dh_t‖ (T = 5) is e^{0.5t} at step 0 and e^{ct} at
/// the end with c = 0.1, 0.2, 0.3 (layer 0 holds noise that must be ignored).
/// rnn: seed 1 finished (0.5; ‖dL/dh_t‖ = 2^t), seed 2 diverged (its last diagnosis holds
/// nulls and must be skipped), seed 3 failed without a summary.
enum CellSweepFixture {
  static let decays = [0.1, 0.2, 0.3]
  static let length = 5

  static func make() throws -> SweepFixture {
    let fixture = try SweepFixture(
      trials: SweepFixture.cellTrials(cells: ["lstm", "rnn"], seeds: [1, 2, 3]))
    for (seed, c) in decays.enumerated() {
      try fixture.run(
        "t\(2 * seed)", records: lstmRecords(c: c, seed: seed), summary: lstmSummary(seed: seed))
    }
    try fixture.run(
      "t1", records: [record(step: 0, eval: 0.6, curve: [1, 2, 4, 8, 16])],
      summary: rnnSummary(final: 0.5, best: 0.48, gradNorm: 2, wall: 5))
    let exploding = (0..<length).map { pow(10, 0.75 * Double($0) - 3) as Any }
    var diverged = rnnSummary(final: NSNull(), best: 0.45, gradNorm: 100, wall: 7)
    diverged["diverged"] = true
    diverged["diverged_at_step"] = 40
    try fixture.run(
      "t3",
      records: [
        record(step: 0, eval: 0.6, curve: exploding),
        // The diverging pass's diagnosis: not finite, so not "the end" of its gradient flow.
        record(step: 40, eval: 0.6, curve: [NSNull(), 1e30, NSNull(), 5, 1]),
      ], outcome: .diverged,
      summary: diverged)
    try fixture.run("t5", outcome: .failed, error: "boom")
    return fixture
  }

  static func curve(_ rate: Double) -> [Any] {
    (0..<length).map { exp(rate * Double($0)) }
  }

  static func record(step: Int, eval: Double, curve: [Any], saturation: [String: Any] = [:])
    -> [String: Any]
  {
    [
      "step": step, "eval_loss": eval, "train_loss": eval + 0.01,
      "hidden_grad_norm": [[99, 1, 99, 1, 99], curve], "saturation": saturation,
    ]
  }

  static func lstmRecords(c: Double, seed: Int) -> [[String: Any]] {
    [
      record(step: 0, eval: 0.5, curve: curve(0.5), saturation: ["l0.f": 0.9, "l1.f": 0.0]),
      ["step": 50, "eval_loss": 0.3, "train_loss": 0.3, "grad_norm": 1.0],
      record(
        step: 100, eval: [0.1, 0.2, 0.3][seed], curve: curve(c),
        saturation: ["l0.f": 0.9, "l1.f": [0.2, 0.4, 0.6][seed], "l1.i": 0.1]),
    ]
  }

  static func lstmSummary(seed: Int) -> [String: Any] {
    [
      "final_loss": [0.11, 0.21, 0.31][seed], "final_eval_loss": [0.1, 0.2, 0.3][seed],
      "best_eval_loss": [0.09, 0.15, 0.3][seed], "baseline_loss": 0.5,
      "solved": seed < 2, "solved_at_step": [100, 300, NSNull()][seed], "diverged": false,
      "steps_done": 100, "mean_grad_norm": [1.0, 2.0, 3.0][seed],
      "clipped_fraction": [0.0, 0.5, 1.0][seed], "wall_seconds": [10.0, 20.0, 30.0][seed],
      "steps_per_second": [10.0, 5.0, 1.0][seed],
    ]
  }

  static func rnnSummary(final: Any, best: Double, gradNorm: Double, wall: Double)
    -> [String: Any]
  {
    [
      "final_loss": 0.5, "final_eval_loss": final, "best_eval_loss": best, "baseline_loss": 0.5,
      "solved": false, "solved_at_step": NSNull(), "diverged": false, "steps_done": 100,
      "mean_grad_norm": gradNorm, "wall_seconds": wall,
    ]
  }
}
