/// The JSON form of `METRICS.md`: every field present, snake_case, `null` for what was not
/// measured or not finite.
///
/// Decoding here is strict, as a contract's reader should be; `recur report` reads stored
/// summaries with its own lenient view (RecurReport's `TrialSummary`, which says why).
extension TrialSummary: Codable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case finalLoss = "final_loss"
    case finalEvalLoss = "final_eval_loss"
    case bestEvalLoss = "best_eval_loss"
    case baselineLoss = "baseline_loss"
    case solvedThreshold = "solved_threshold"
    case solved
    case solvedAtStep = "solved_at_step"
    case diverged
    case divergedAtStep = "diverged_at_step"
    case stepsDone = "steps_done"
    case gradientRetentionInit = "gradient_retention_init"
    case gradientRetention = "gradient_retention"
    case gradientDecayPerStep = "gradient_decay_per_step"
    case saturation
    case meanGradNorm = "mean_grad_norm"
    case clippedFraction = "clipped_fraction"
    case accuracy
    case bitsPerChar = "bits_per_char"
    case parameterCount = "parameter_count"
    case wallSeconds = "wall_seconds"
    case stepsPerSecond = "steps_per_second"
  }

  /// Every field name of the JSON form, in declaration order.
  public static var fieldNames: [String] { CodingKeys.allCases.map(\.rawValue) }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encodeAlways(finalLoss, forKey: .finalLoss)
    try c.encodeAlways(finalEvalLoss, forKey: .finalEvalLoss)
    try c.encodeAlways(bestEvalLoss, forKey: .bestEvalLoss)
    try c.encodeAlways(baselineLoss, forKey: .baselineLoss)
    try c.encodeAlways(solvedThreshold, forKey: .solvedThreshold)
    try c.encode(solved, forKey: .solved)
    try c.encode(solvedAtStep, forKey: .solvedAtStep)
    try c.encode(diverged, forKey: .diverged)
    try c.encode(divergedAtStep, forKey: .divergedAtStep)
    try c.encode(stepsDone, forKey: .stepsDone)
    try c.encodeAlways(gradientRetentionInit, forKey: .gradientRetentionInit)
    try c.encodeAlways(gradientRetention, forKey: .gradientRetention)
    try c.encodeAlways(gradientDecayPerStep, forKey: .gradientDecayPerStep)
    try c.encode(saturation?.mapValues(JSONNumbers.nullable), forKey: .saturation)
    try c.encodeAlways(meanGradNorm, forKey: .meanGradNorm)
    try c.encodeAlways(clippedFraction, forKey: .clippedFraction)
    try c.encodeAlways(accuracy, forKey: .accuracy)
    try c.encodeAlways(bitsPerChar, forKey: .bitsPerChar)
    try c.encode(parameterCount, forKey: .parameterCount)
    try c.encodeAlways(wallSeconds, forKey: .wallSeconds)
    try c.encodeAlways(stepsPerSecond, forKey: .stepsPerSecond)
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      finalLoss: try c.decodeIfPresent(Float.self, forKey: .finalLoss),
      finalEvalLoss: try c.decodeIfPresent(Float.self, forKey: .finalEvalLoss),
      bestEvalLoss: try c.decodeIfPresent(Float.self, forKey: .bestEvalLoss),
      baselineLoss: try c.decodeIfPresent(Double.self, forKey: .baselineLoss),
      solvedThreshold: try c.decodeIfPresent(Double.self, forKey: .solvedThreshold),
      solved: try c.decode(Bool.self, forKey: .solved),
      solvedAtStep: try c.decodeIfPresent(Int.self, forKey: .solvedAtStep),
      diverged: try c.decode(Bool.self, forKey: .diverged),
      divergedAtStep: try c.decodeIfPresent(Int.self, forKey: .divergedAtStep),
      stepsDone: try c.decode(Int.self, forKey: .stepsDone),
      gradientRetentionInit: try c.decodeIfPresent(Double.self, forKey: .gradientRetentionInit),
      gradientRetention: try c.decodeIfPresent(Double.self, forKey: .gradientRetention),
      gradientDecayPerStep: try c.decodeIfPresent(Double.self, forKey: .gradientDecayPerStep),
      saturation: try c.decodeIfPresent([String: Float?].self, forKey: .saturation)?
        .mapValues { $0 ?? .nan },
      meanGradNorm: try c.decodeIfPresent(Double.self, forKey: .meanGradNorm),
      clippedFraction: try c.decodeIfPresent(Double.self, forKey: .clippedFraction),
      accuracy: try c.decodeIfPresent(Float.self, forKey: .accuracy),
      bitsPerChar: try c.decodeIfPresent(Double.self, forKey: .bitsPerChar),
      parameterCount: try c.decodeIfPresent(Int.self, forKey: .parameterCount) ?? 0,
      wallSeconds: try c.decodeIfPresent(Double.self, forKey: .wallSeconds) ?? 0,
      stepsPerSecond: try c.decodeIfPresent(Double.self, forKey: .stepsPerSecond) ?? 0)
  }
}
