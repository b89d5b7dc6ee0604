import RecurEngine

/// One measurement of a running trial: the losses at an evaluation, the gradient statistics of
/// a diagnosis, or both when they fall on the same step. One line of `metrics.jsonl`.
///
/// Field names, units and the JSON form are the contract of `METRICS.md`. A nil field was not
/// measured at this step (JSON: absent); a non-finite value (a diverging step) is kept as is
/// here and written as JSON `null`.
public struct MetricRecord: Sendable, Equatable {
  /// Optimiser steps done when measured (0: before any update).
  public var step: Int
  /// Mean training loss of the batches measured since the previous record, this step's
  /// included (at step 0: the first batch's loss before any update).
  public var trainLoss: Float?
  /// Loss on the held-out evaluation set.
  public var evalLoss: Float?
  /// Share of right answers on the evaluation set (classification tasks; `copy` counts only
  /// its recall steps).
  public var accuracy: Float?
  /// Global gradient norm, before clipping, of this step's batch.
  public var gradNorm: Float?
  /// Share of the batches since the previous record whose gradient clipping changed
  /// (0 when clipping is off).
  public var clippedFraction: Float?
  /// `[layers][T]`: Frobenius norm over the batch of dL/dh_t of each layer.
  public var hiddenGradNorm: [[Float]]?
  /// Gradient norm of each parameter before clipping, by PyTorch name.
  public var paramGradNorms: [String: Float]?
  /// Gate saturation fractions keyed `l{k}.{gate}`.
  public var saturation: [String: Float]?
  /// Per layer: mean over steps and sequences of ‖h_t‖.
  public var hiddenNorm: [Float]?
  /// Per layer: largest singular value of `weight_hh_l{k}`.
  public var spectralNorm: [Float]?

  public init(
    step: Int, trainLoss: Float? = nil, evalLoss: Float? = nil, accuracy: Float? = nil,
    gradNorm: Float? = nil, clippedFraction: Float? = nil
  ) {
    self.step = step
    self.trainLoss = trainLoss
    self.evalLoss = evalLoss
    self.accuracy = accuracy
    self.gradNorm = gradNorm
    self.clippedFraction = clippedFraction
  }

  /// True when the record holds the fields of a diagnosis.
  public var isDiagnosis: Bool { hiddenGradNorm != nil }

  /// Fills in the diagnosis fields from the engine's diagnostics of this step.
  public mutating func add(_ diagnostics: Diagnostics) {
    hiddenGradNorm = diagnostics.hiddenGradNorm
    paramGradNorms = diagnostics.parameterGradNormsByName
    saturation = diagnostics.saturationByKey
    hiddenNorm = diagnostics.hiddenNorm
    spectralNorm = diagnostics.spectralNorm
  }
}
