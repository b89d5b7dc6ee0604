import RecurEngine

/// The part of a task's data a batch is drawn from.
///
/// Synthetic tasks draw both from the same distribution (the separate seeded stream is what
/// keeps them apart); tasks over one series or text draw from disjoint segments of it.
enum DataSplit: Sendable {
  case training
  case evaluation
}

/// What each task supplies to `SequenceTask`: its shapes, its baseline and how to draw a batch.
///
/// Contract for `makeBatch`: the sequences of a batch are drawn one after the other, each
/// consuming the generator as a unit, so a stream of sequences is the same whatever the batch
/// sizes it is cut into (the evaluation set does not depend on `batchSize`).
protocol TaskGenerator: Sendable {
  /// Time steps per sequence.
  var steps: Int { get }
  /// Input features I.
  var inputSize: Int { get }
  /// Output width O: regression outputs or classes.
  var outputSize: Int { get }
  var loss: LossKind { get }
  /// The trivial predictor's loss when known in closed form; nil when it is measured with
  /// `trivialLoss` on the evaluation set.
  var statedBaseline: Double? { get }
  /// The time steps whose predictions `accuracy` scores (ce-all tasks).
  var accuracySteps: Range<Int> { get }

  /// The loss at or below which the task counts as solved, given its baseline.
  func solvedThreshold(baseline: Double) -> Double
  /// `size` sequences drawn from `split` with `rng`.
  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch
  /// The loss of the task's trivial predictor on `batches`, pooled over every loss term.
  func trivialLoss(on batches: [Batch]) -> Double
}

extension TaskGenerator {
  var accuracySteps: Range<Int> { 0..<steps }
}
