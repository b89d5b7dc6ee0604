/// A trial summary as the training engine writes it (`Sources/RecurTraining/METRICS.md`, "Trial
/// summary"), read leniently.
///
/// Every field is optional: an absent field, a `null` (METRICS.md writes non-finite numbers as
/// `null`) or a value of the wrong type all read as nil, so that one odd field never hides the
/// rest of a summary. Decoded here rather than through RecurTraining's types because reports
/// import the store only (DESIGN.md).
///
/// Why a second decoder rather than one shared records target: the two are different views of
/// the same text. RecurTraining's `TrialSummary` is the writer's contract, strict (a summary
/// without `solved`, `diverged` or `steps_done` is an error) and typed as the engine computes
/// (`Float` losses that must round-trip bit for bit between runs). This one is the reader of
/// whatever a store holds, rows of older releases included: every field optional, wrong types
/// read as nil, everything as `Double` for aggregation, and only the fields reports use. A
/// shared target would have to carry both behaviours; the field names are the one thing they
/// share, and `METRICS.md` is where they are fixed.
struct TrialSummary: Decodable, Sendable, Hashable {
  var finalLoss: Double?
  var finalEvalLoss: Double?
  var bestEvalLoss: Double?
  var baselineLoss: Double?
  var solved: Bool?
  var solvedAtStep: Int?
  var diverged: Bool?
  var divergedAtStep: Int?
  var stepsDone: Int?
  var gradientRetentionInit: Double?
  var gradientRetention: Double?
  var gradientDecayPerStep: Double?
  /// Gate saturation fractions of the top layer at the last diagnosis, by gate (`f`, `z`, `h`).
  var saturation: [String: Double]
  var meanGradNorm: Double?
  var clippedFraction: Double?
  var wallSeconds: Double?
  var stepsPerSecond: Double?
  var bitsPerChar: Double?
  /// Evaluation accuracy at the last step (classification tasks).
  var accuracy: Double?
  /// Trainable values of the model.
  var parameterCount: Int?

  enum CodingKeys: String, CodingKey {
    case finalLoss = "final_loss"
    case finalEvalLoss = "final_eval_loss"
    case bestEvalLoss = "best_eval_loss"
    case baselineLoss = "baseline_loss"
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
    case wallSeconds = "wall_seconds"
    case stepsPerSecond = "steps_per_second"
    case bitsPerChar = "bits_per_char"
    case accuracy
    case parameterCount = "parameter_count"
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    finalLoss = c.lenientNumber(.finalLoss)
    finalEvalLoss = c.lenientNumber(.finalEvalLoss)
    bestEvalLoss = c.lenientNumber(.bestEvalLoss)
    baselineLoss = c.lenientNumber(.baselineLoss)
    solved = c.lenient(Bool.self, .solved)
    solvedAtStep = c.lenientInteger(.solvedAtStep)
    diverged = c.lenient(Bool.self, .diverged)
    divergedAtStep = c.lenientInteger(.divergedAtStep)
    stepsDone = c.lenientInteger(.stepsDone)
    gradientRetentionInit = c.lenientNumber(.gradientRetentionInit)
    gradientRetention = c.lenientNumber(.gradientRetention)
    gradientDecayPerStep = c.lenientNumber(.gradientDecayPerStep)
    saturation = c.lenientNumberMap(.saturation)
    meanGradNorm = c.lenientNumber(.meanGradNorm)
    clippedFraction = c.lenientNumber(.clippedFraction)
    wallSeconds = c.lenientNumber(.wallSeconds)
    stepsPerSecond = c.lenientNumber(.stepsPerSecond)
    bitsPerChar = c.lenientNumber(.bitsPerChar)
    accuracy = c.lenientNumber(.accuracy)
    parameterCount = c.lenientInteger(.parameterCount)
  }

  init() {
    saturation = [:]
  }
}
