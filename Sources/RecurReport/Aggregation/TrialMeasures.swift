/// The numbers a report takes from one trial, each from its summary when the summary has it,
/// otherwise derived from its metric records (a running trial has no summary yet, and a
/// summary may lack a field).
///
/// The gradient measures are the exception: they come from the records' `hidden_grad_norm`
/// when a diagnosis carries it, so that every trial is measured the same way as the gradient
/// flow plot, and from the summary only otherwise. As in the summary (METRICS.md), "the end"
/// is the last diagnosis whose top-layer curve is entirely finite: a diverging pass's
/// diagnosis holds nulls and is skipped. Every value here is finite or nil.
struct TrialMeasures: Sendable, Hashable {
  var finalEvalLoss: Double?
  var bestEvalLoss: Double?
  var finalTrainLoss: Double?
  var baselineLoss: Double?
  var solved: Bool?
  var solvedAtStep: Int?
  /// ‖dL/dh_0‖ / ‖dL/dh_{T−1}‖ of the top layer at step 0 (before any update).
  var retentionInit: Double?
  /// The same ratio at the last finite diagnosis.
  var retentionEnd: Double?
  /// Slope of ln ‖dL/dh_t‖ over t at the last diagnosis (`Statistics.logSlope`).
  var decayPerStep: Double?
  /// Top-layer saturation per gate at the last diagnosis.
  var saturation: [String: Double]
  var meanGradNorm: Double?
  var clippedShare: Double?
  var wallSeconds: Double?
  var stepsPerSecond: Double?
  var bitsPerChar: Double?
  var accuracy: Double?
  var parameterCount: Int?

  /// `finalEvalLoss / baselineLoss`: below 1 the model beats the task's trivial predictor.
  var lossOverBaseline: Double? {
    guard let loss = finalEvalLoss, let baseline = baselineLoss, baseline > 0 else { return nil }
    return (loss / baseline).finite
  }
}

extension TrialMeasures {
  init(_ trial: TrialData) {
    let summary = trial.summary ?? TrialSummary()
    let points = trial.points
    finalEvalLoss =
      summary.finalEvalLoss ?? points.last(where: { $0.evalLoss != nil })?.evalLoss
    bestEvalLoss = summary.bestEvalLoss ?? points.compactMap(\.evalLoss).min()
    finalTrainLoss =
      summary.finalLoss ?? points.last(where: { $0.trainLoss != nil })?.trainLoss
    baselineLoss = summary.baselineLoss
    solved = summary.solved
    solvedAtStep = summary.solvedAtStep
    let initial = trial.initialDiagnosis?.curve
    let last = trial.lastFiniteDiagnosis
    retentionInit = initial.flatMap(Self.retention) ?? summary.gradientRetentionInit
    retentionEnd = last.flatMap { Self.retention($0.curve) } ?? summary.gradientRetention
    decayPerStep = last.flatMap { Statistics.logSlope($0.curve) } ?? summary.gradientDecayPerStep
    let diagnosedSaturation = last.map(\.point.topSaturation).flatMap { $0.isEmpty ? nil : $0 }
    let lastSaturation = points.last(where: { !$0.topSaturation.isEmpty })?.topSaturation
    saturation = diagnosedSaturation ?? lastSaturation ?? summary.saturation
    meanGradNorm = summary.meanGradNorm ?? Statistics.mean(points.compactMap(\.gradNorm))
    clippedShare =
      summary.clippedFraction ?? Statistics.mean(points.compactMap(\.clippedFraction))
    wallSeconds = summary.wallSeconds ?? Self.elapsed(trial)
    stepsPerSecond =
      summary.stepsPerSecond
      ?? Self.rate(steps: summary.stepsDone ?? points.last?.step, seconds: wallSeconds)
    bitsPerChar = summary.bitsPerChar
    accuracy = summary.accuracy ?? points.last(where: { $0.accuracy != nil })?.accuracy
    parameterCount = summary.parameterCount
  }

  /// ‖dL/dh_0‖ / ‖dL/dh_{T−1}‖: the share of the gradient at the last step that survives the
  /// trip back to the first. nil when either end is missing or the last is zero.
  static func retention(_ curve: [Double?]) -> Double? {
    guard curve.count >= 2, let first = curve.first ?? nil, let last = curve.last ?? nil,
      last > 0
    else { return nil }
    return (first / last).finite
  }

  private static func elapsed(_ trial: TrialData) -> Double? {
    guard trial.state.isTerminal, let start = trial.startedAt, let end = trial.finishedAt else {
      return nil
    }
    let seconds = end.timeIntervalSince(start)
    return seconds > 0 ? seconds : nil
  }

  private static func rate(steps: Int?, seconds: Double?) -> Double? {
    guard let steps, let seconds, seconds > 0 else { return nil }
    return (Double(steps) / seconds).finite
  }
}
