/// One stored metric record of a trial (`metrics(trialID:)`).
public struct MetricRecord: Sendable, Hashable {
  public var attempt: Int
  /// Optimiser steps done when measured.
  public var step: Int
  /// `train_loss` when the record has a finite one.
  public var trainLoss: Double?
  /// `eval_loss` when the record has a finite one.
  public var evalLoss: Double?
  /// The whole record as received (METRICS.md).
  public var recordJSON: String
}
