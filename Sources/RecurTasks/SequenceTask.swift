import RecurEngine

/// One task of a trial: its shapes and loss, its baseline and "solved" threshold, a seeded
/// stream of training batches and a fixed held-out evaluation set. Build one with `makeTask`.
///
/// Training batches and the evaluation set come from two independent streams of the same seed
/// (`SeededGenerator(seed:stream:)`): for the synthetic tasks a held-out sequence can occur in
/// training only by chance, as any two independent draws can coincide; tasks over one series
/// or text (`mackey_glass`, `charlm`) also draw them from disjoint segments, so held-out data
/// is never trained on. The same seed gives the same batches, in the same order, on every
/// machine.
public struct SequenceTask: Sendable {
  /// Which task this is.
  public let name: TaskName
  /// The `seq_len` the task was made with (see each task for its meaning; `steps` is the
  /// resulting sequence length).
  public let seqLen: Int
  /// The seed of both data streams.
  public let seed: UInt64
  /// How many sequences the held-out evaluation set holds.
  public let evaluationSequences: Int
  /// The loss of the task's trivial predictor (stated per task; for `sine` and
  /// `mackey_glass` measured on the evaluation set).
  public let baselineLoss: Double
  /// The loss at or below which the task counts as solved (the rule is stated per task).
  public let solvedThreshold: Double

  let generator: any TaskGenerator
  private var trainingStream: SeededGenerator

  /// The stream of training batches: ASCII "TRAIN", far from the small stream numbers the
  /// engine uses for initialisation.
  static let trainingStreamID: UInt64 = 0x54_5241_494E
  /// The stream of the evaluation set: ASCII "EVAL".
  static let evaluationStreamID: UInt64 = 0x4556_414C
  /// Sequences per batch when the baseline is measured on the evaluation set.
  private static let measuringBatch = 64

  init(
    name: TaskName, seqLen: Int, seed: UInt64, evaluationSequences: Int,
    generator: any TaskGenerator
  ) {
    precondition(evaluationSequences > 0, "the evaluation set needs at least one sequence")
    self.name = name
    self.seqLen = seqLen
    self.seed = seed
    self.evaluationSequences = evaluationSequences
    self.generator = generator
    self.trainingStream = SeededGenerator(seed: seed, stream: Self.trainingStreamID)
    let baseline =
      generator.statedBaseline
      ?? Self.measureBaseline(generator, seed: seed, sequences: evaluationSequences)
    self.baselineLoss = baseline
    self.solvedThreshold = generator.solvedThreshold(baseline: baseline)
  }

  /// Time steps per sequence T (`seq_len`, except `copy`: `seq_len + 20`).
  public var steps: Int { generator.steps }
  /// Input features I of every step.
  public var inputSize: Int { generator.inputSize }
  /// The head's output width O: regression outputs or classes.
  public var outputSize: Int { generator.outputSize }
  /// The loss the model is trained and evaluated with.
  public var loss: LossKind { generator.loss }

  /// The next training batch of `size` sequences; advances the training stream.
  public mutating func trainingBatch(size: Int) -> Batch {
    precondition(size > 0, "a batch needs at least one sequence")
    return generator.makeBatch(size: size, split: .training, using: &trainingStream)
  }

  /// The held-out evaluation set, `evaluationSequences` sequences cut into batches of
  /// `batchSize` (the last one smaller when it does not divide). Every call returns the same
  /// sequences, whatever `batchSize`.
  public func evaluationSet(batchSize: Int) -> [Batch] {
    precondition(batchSize > 0, "a batch needs at least one sequence")
    var stream = SeededGenerator(seed: seed, stream: Self.evaluationStreamID)
    return stride(from: 0, to: evaluationSequences, by: batchSize).map { start in
      let size = min(batchSize, evaluationSequences - start)
      return generator.makeBatch(size: size, split: .evaluation, using: &stream)
    }
  }

  /// The loss of the task's trivial predictor on `batches`, pooled over every loss term (as
  /// one large batch): the constant 1 for `adding`, the memoryless recaller for `copy`, the
  /// uniform guess for `temporal_order`, repeating the last value for `sine` and
  /// `mackey_glass`, the file's character frequencies for `charlm`.
  public func trivialLoss(on batches: [Batch]) -> Double {
    generator.trivialLoss(on: batches)
  }

  /// True when `loss` is at or below `solvedThreshold`.
  public func isSolved(loss: Double) -> Bool { loss <= solvedThreshold }

  /// The trivial predictor's loss on the evaluation set, generated a few batches at a time so
  /// that long sequences do not hold the whole set in memory. Every sequence has the same
  /// number of loss terms, so batch means weighted by batch sizes give the pooled mean.
  private static func measureBaseline(
    _ generator: any TaskGenerator, seed: UInt64, sequences: Int
  ) -> Double {
    var stream = SeededGenerator(seed: seed, stream: evaluationStreamID)
    var weighted = 0.0
    for start in stride(from: 0, to: sequences, by: measuringBatch) {
      let size = min(measuringBatch, sequences - start)
      let batch = generator.makeBatch(size: size, split: .evaluation, using: &stream)
      weighted += generator.trivialLoss(on: [batch]) * Double(size)
    }
    return weighted / Double(sequences)
  }
}
