/// The result of one trial: what `summary.json` holds and what a worker sends as its result.
///
/// Field names and meanings are the contract of `METRICS.md`. Values that were not measured
/// (no diagnosis with `diagnose_every=0`, no evaluation before a divergence, the `noop` task)
/// and values that were not finite are nil, written as JSON `null`. Everything but
/// `wallSeconds` and `stepsPerSecond` is the same, bit for bit, in every run of the same trial
/// on the same build: compare `withoutTiming`.
public struct TrialSummary: Sendable, Equatable {
  /// Training loss of the last record (mean over the batches since the record before it).
  public var finalLoss: Float?
  /// Evaluation loss at the end of training.
  public var finalEvalLoss: Float?
  /// Lowest evaluation loss of any evaluation.
  public var bestEvalLoss: Float?
  /// The task's trivial predictor's loss (`SequenceTask.baselineLoss`).
  public var baselineLoss: Double?
  /// The evaluation loss at or below which the task counts as solved.
  public var solvedThreshold: Double?
  /// True when some evaluation reached `solvedThreshold`.
  public var solved: Bool
  /// Optimiser steps done at the first evaluation at or below `solvedThreshold`.
  public var solvedAtStep: Int?
  /// True when a loss or gradient became NaN or infinite.
  public var diverged: Bool
  /// Optimiser steps done when the non-finite value was measured (0: the initial model).
  public var divergedAtStep: Int?
  /// Optimiser steps done (`steps`, or fewer after a divergence).
  public var stepsDone: Int
  /// Top layer ‖dL/dh_t‖ at the first step over that at the last step, at step 0.
  public var gradientRetentionInit: Double?
  /// The same at the last diagnosis (before any divergence).
  public var gradientRetention: Double?
  /// Least-squares slope of ln ‖dL/dh_t‖ against t, top layer, last diagnosis: positive when
  /// the gradient shrinks going back in time (by e^slope per step), negative when it grows.
  public var gradientDecayPerStep: Double?
  /// Gate saturation of the top layer at the last diagnosis, gate name to fraction.
  public var saturation: [String: Float]?
  /// Mean global gradient norm, before clipping, over the optimiser steps.
  public var meanGradNorm: Double?
  /// Share of the optimiser steps whose gradient clipping changed.
  public var clippedFraction: Double?
  /// Evaluation accuracy at the end, for classification tasks.
  public var accuracy: Float?
  /// `finalEvalLoss` in bits per character, for `charlm`.
  public var bitsPerChar: Double?
  /// Trainable values of the model.
  public var parameterCount: Int
  /// Wall-clock seconds of the whole trial (building the task included).
  public var wallSeconds: Double
  /// `stepsDone / wallSeconds`.
  public var stepsPerSecond: Double

  public init(
    finalLoss: Float? = nil, finalEvalLoss: Float? = nil, bestEvalLoss: Float? = nil,
    baselineLoss: Double? = nil, solvedThreshold: Double? = nil, solved: Bool = false,
    solvedAtStep: Int? = nil, diverged: Bool = false, divergedAtStep: Int? = nil,
    stepsDone: Int = 0, gradientRetentionInit: Double? = nil, gradientRetention: Double? = nil,
    gradientDecayPerStep: Double? = nil, saturation: [String: Float]? = nil,
    meanGradNorm: Double? = nil, clippedFraction: Double? = nil, accuracy: Float? = nil,
    bitsPerChar: Double? = nil, parameterCount: Int = 0, wallSeconds: Double = 0,
    stepsPerSecond: Double = 0
  ) {
    self.finalLoss = finalLoss
    self.finalEvalLoss = finalEvalLoss
    self.bestEvalLoss = bestEvalLoss
    self.baselineLoss = baselineLoss
    self.solvedThreshold = solvedThreshold
    self.solved = solved
    self.solvedAtStep = solvedAtStep
    self.diverged = diverged
    self.divergedAtStep = divergedAtStep
    self.stepsDone = stepsDone
    self.gradientRetentionInit = gradientRetentionInit
    self.gradientRetention = gradientRetention
    self.gradientDecayPerStep = gradientDecayPerStep
    self.saturation = saturation
    self.meanGradNorm = meanGradNorm
    self.clippedFraction = clippedFraction
    self.accuracy = accuracy
    self.bitsPerChar = bitsPerChar
    self.parameterCount = parameterCount
    self.wallSeconds = wallSeconds
    self.stepsPerSecond = stepsPerSecond
  }

  /// The summary with the timing fields zeroed: what two runs of the same trial share.
  public var withoutTiming: TrialSummary {
    var copy = self
    copy.wallSeconds = 0
    copy.stepsPerSecond = 0
    return copy
  }

  /// The names of the timing fields, which differ between runs of the same trial.
  public static let timingFields: Set<String> = ["wall_seconds", "steps_per_second"]
}
