import Foundation
import RecurEngine
import RecurSweep
import RecurTraining

/// The lines `recur run` prints for a person.
enum RunText {
  /// `trial 3f2a9c1e0b7d: adding seq_len=100 lstm hidden=128 layers=1, 2000 steps, …`.
  static func header(spec: TrialSpec, start: TrialStart) -> String {
    "trial \(spec.id): \(spec.task.rawValue) seq_len=\(spec.seqLen) \(spec.cell.rawValue) "
      + "hidden=\(spec.hidden) layers=\(spec.layers), \(start.steps) steps of batch "
      + "\(spec.batch), \(start.parameterCount) parameters; baseline loss "
      + "\(number(start.baselineLoss)), solved at <= \(number(start.solvedThreshold))"
  }

  /// `step 200/2000  train_loss 0.04561  eval_loss 0.04321  accuracy 0.5  812 steps/s`.
  static func evaluationLine(_ record: MetricRecord, steps: Int, rate: Double?) -> String {
    var line = "step \(record.step)/\(steps)  train_loss \(number(record.trainLoss))"
    if record.evalLoss != nil { line += "  eval_loss \(number(record.evalLoss))" }
    if let accuracy = record.accuracy { line += "  accuracy \(number(accuracy))" }
    if let rate { line += "  \(self.rate(rate)) steps/s" }
    return line
  }

  /// The closing lines: outcome, losses, gradient flow, saturation, files.
  static func summary(_ summary: TrialSummary, spec: TrialSpec, folder: String) -> [String] {
    var lines: [String] = []
    if summary.diverged {
      lines.append(
        "diverged at step \(summary.divergedAtStep ?? summary.stepsDone): a loss or gradient "
          + "became NaN or infinite (a result: try a lower lr, clip=1 or a smaller init_scale)")
    }
    lines.append(
      "done: \(summary.stepsDone) steps in \(number(summary.wallSeconds)) s "
        + "(\(rate(summary.stepsPerSecond)) steps/s)")
    var loss = "eval loss \(number(summary.finalEvalLoss)) (best \(number(summary.bestEvalLoss)),"
    loss += " baseline \(number(summary.baselineLoss))): "
    loss += summary.solvedAtStep.map { "solved at step \($0)" } ?? "not solved"
    if let accuracy = summary.accuracy { loss += ", accuracy \(number(accuracy))" }
    if let bits = summary.bitsPerChar { loss += ", \(number(bits)) bits/char" }
    lines.append(loss)
    if summary.gradientRetention != nil || summary.gradientRetentionInit != nil {
      lines.append(
        "gradient retention \(number(summary.gradientRetention)) "
          + "(at init \(number(summary.gradientRetentionInit)); ‖dL/dh_0‖ / ‖dL/dh_T‖, top layer)")
    }
    if let saturation = summary.saturation {
      let order = CellKind(rawValue: spec.cell.rawValue)?.saturationGates ?? []
      let gates = order.compactMap { gate in saturation[gate].map { "\(gate) \(number($0))" } }
      lines.append("saturation, top layer: " + gates.joined(separator: "  "))
    }
    lines.append(
      "wrote \(folder)/{\(RunFolder.metricsFile), \(RunFolder.modelFile), "
        + "\(RunFolder.summaryFile), \(RunFolder.trialFile)}")
    return lines
  }

  /// Four significant digits, or `-` when not measured, `nan`/`inf` when not finite.
  static func number<F: BinaryFloatingPoint>(_ value: F?) -> String {
    guard let value else { return "-" }
    let double = Double(value)
    guard double.isFinite else { return double.isNaN ? "nan" : "inf" }
    return String(format: "%.4g", double)
  }

  static func rate(_ stepsPerSecond: Double) -> String {
    stepsPerSecond >= 100 ? String(Int(stepsPerSecond.rounded())) : number(stepsPerSecond)
  }

  /// `12s`, `3m05s`, `1h02m`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
    return String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
  }
}
