extension TrialSummary {
  /// The value of the metric a sweep compares trials by (`SweepMetric.name`), or nil when the
  /// trial did not measure it or the name is unknown.
  ///
  /// Every summary field that is a number can be named; `eval_loss` and `train_loss`, the
  /// names of record fields, mean their values at the end (`final_eval_loss`, `final_loss`).
  /// `solved_at_step` is nil for a trial that never solved its task.
  public func metric(named name: String) -> Double? {
    switch name {
    case "eval_loss", "final_eval_loss": finalEvalLoss.map(Double.init)
    case "train_loss", "final_loss": finalLoss.map(Double.init)
    case "best_eval_loss": bestEvalLoss.map(Double.init)
    case "baseline_loss": baselineLoss
    case "solved_threshold": solvedThreshold
    case "solved_at_step": solvedAtStep.map(Double.init)
    case "diverged_at_step": divergedAtStep.map(Double.init)
    case "steps_done": Double(stepsDone)
    case "gradient_retention": gradientRetention
    case "gradient_retention_init": gradientRetentionInit
    case "gradient_decay_per_step": gradientDecayPerStep
    case "mean_grad_norm": meanGradNorm
    case "clipped_fraction": clippedFraction
    case "accuracy": accuracy.map(Double.init)
    case "bits_per_char": bitsPerChar
    case "parameter_count": Double(parameterCount)
    case "wall_seconds": wallSeconds
    case "steps_per_second": stepsPerSecond
    default: nil
    }
  }
}
