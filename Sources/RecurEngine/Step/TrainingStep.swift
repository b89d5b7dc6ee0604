/// Forward and backward through time for one model shape and loss: the engine's fast path.
///
/// Follows the standard layout of cuDNN and PyTorch's `aten/src/ATen/native/RNN.cpp`: per
/// layer one GEMM for the input projections of all steps, one GEMM per step for the
/// recurrence, the gate math fused in one vectorised pass per step, the activations kept for
/// backprop through time, and the weight gradients of a layer as single GEMMs over all steps.
/// Buffers live in a `Workspace` per batch shape, made before the time loop and reused, so the
/// time loop never allocates.
///
/// Runs with subnormals flushed to zero (see `DenormalMode`). Not thread-safe: one step object
/// per thread (each worker trains one model at a time).
public final class TrainingStep {
  public let config: ModelConfig
  public let loss: LossKind
  let stage: ParameterStage
  private var trainingSpace: Workspace?
  private var evaluationSpace: Workspace?
  /// Per layer, the top right singular vector of `weight_hh` found at the last diagnosis, where
  /// the next power iteration starts (see `SpectralNorm`).
  var spectralVectors: [[Float]] = []
  /// The outputs of the last forward pass (training or evaluation), `[B, O]` or `[T, B, O]`.
  public private(set) var lastOutputs: Tensor?

  /// The largest number of sequences evaluated in one pass; larger evaluation batches are cut
  /// into chunks so that an eval set does not need the memory of all its activations at once.
  public static let evaluationChunk = 256

  /// A step for models of `config` trained with `loss`; `steps` and `batchSize`, when given,
  /// prepare the workspace for that batch shape ahead of the first call.
  public init(config: ModelConfig, loss: LossKind, steps: Int = 0, batchSize: Int = 0)
    throws(EngineError)
  {
    try config.check()
    self.config = config
    self.loss = loss
    stage = ParameterStage(config: config)
    if steps > 0, batchSize > 0 {
      trainingSpace = Workspace(
        config: config, loss: loss, steps: steps, batch: batchSize, training: true)
    }
  }

  /// One training step: the loss on `batch`, the gradient of every parameter (in
  /// `parameterShapes` order) and, when `diagnose` is set, the diagnostics of this pass.
  public func run(_ model: Model, on batch: Batch, diagnose: Bool = false) throws(EngineError)
    -> StepResult
  {
    try DenormalMode.flushingToZero { () throws(EngineError) in
      try runSteps(model, batch, diagnose: diagnose)
    }
  }

  private func runSteps(_ model: Model, _ batch: Batch, diagnose: Bool) throws(EngineError)
    -> StepResult
  {
    try check(model, batch)
    stage.load(model)
    let space = workspace(steps: batch.steps, batch: batch.size, training: true)
    space.inputs.copy(from: batch.inputs)
    forward(space)
    let result = headLoss(space, targets: batch.targets, withGradient: true)
    lastOutputs = Tensor(shape: outputShape(space), data: space.outputs.array)
    backward(space)
    let diagnostics = diagnose ? diagnostics(space) : nil
    return StepResult(
      loss: Float(result.sum / Double(result.count)), gradients: stage.gradientTensors(),
      diagnostics: diagnostics)
  }

  /// The loss of `model` on `batch` without gradients (and, for cross-entropy, the accuracy),
  /// with the head's outputs; batches of any size, cut into chunks of `evaluationChunk`.
  public func evaluate(_ model: Model, on batch: Batch) throws(EngineError) -> Evaluation {
    try DenormalMode.flushingToZero { () throws(EngineError) in try evaluateChunks(model, batch) }
  }

  private func evaluateChunks(_ model: Model, _ batch: Batch) throws(EngineError) -> Evaluation {
    try check(model, batch)
    stage.load(model)
    var sum = 0.0
    var count = 0
    var correct = 0
    var outputs = [Float](repeating: 0, count: outputCount(batch))
    var start = 0
    while start < batch.size {
      let part = batch.sequences(start..<min(batch.size, start + Self.evaluationChunk))
      let space = workspace(steps: part.steps, batch: part.size, training: false)
      space.inputs.copy(from: part.inputs)
      forward(space)
      let result = headLoss(space, targets: part.targets, withGradient: false)
      sum += result.sum
      count += result.count
      correct += result.correct
      scatterOutputs(space, into: &outputs, at: start, of: batch.size)
      start += part.size
    }
    lastOutputs = Tensor(shape: outputShape(steps: batch.steps, batch: batch.size), data: outputs)
    return Evaluation(
      loss: Float(sum / Double(count)),
      accuracy: loss.isClassification ? Float(Double(correct) / Double(count)) : nil,
      outputs: lastOutputs ?? Tensor(zeros: [0]))
  }

  /// Throws unless `model` and `batch` fit this step (see `Batch.check`).
  func check(_ model: Model, _ batch: Batch) throws(EngineError) {
    guard model.config == config else {
      throw .configMismatch(expected: config, found: model.config)
    }
    try model.checkParameters()
    try batch.check(for: config, loss: loss)
  }

  /// The workspace for this shape, made anew (outside any time loop) when the shape changes.
  private func workspace(steps: Int, batch: Int, training: Bool) -> Workspace {
    let current = training ? trainingSpace : evaluationSpace
    if let current, current.steps == steps, current.batch == batch { return current }
    let space = Workspace(
      config: config, loss: loss, steps: steps, batch: batch, training: training)
    if training { trainingSpace = space } else { evaluationSpace = space }
    return space
  }

  private func outputShape(steps: Int, batch: Int) -> [Int] {
    loss.isPerStep ? [steps, batch, config.outputSize] : [batch, config.outputSize]
  }

  private func outputShape(_ space: Workspace) -> [Int] {
    outputShape(steps: space.steps, batch: space.batch)
  }

  private func outputCount(_ batch: Batch) -> Int {
    outputShape(steps: batch.steps, batch: batch.size).reduce(1, *)
  }

  /// Copies a chunk's outputs `[(T,) b, O]` into the whole batch's `[(T,) B, O]` at `start`.
  private func scatterOutputs(
    _ space: Workspace, into outputs: inout [Float], at start: Int, of total: Int
  ) {
    let o = config.outputSize
    let blocks = loss.isPerStep ? space.steps : 1
    let width = space.batch * o
    outputs.withUnsafeMutableBufferPointer { out in
      for t in 0..<blocks {
        for k in 0..<width {
          out[(t * total + start) * o + k] = space.outputs.pointer[t * width + k]
        }
      }
    }
  }
}

/// What one training step returns.
public struct StepResult: Sendable {
  /// The mean loss, as PyTorch's `MSELoss()` or `CrossEntropyLoss()`.
  public var loss: Float
  /// dL/dθ for every parameter, in `ModelConfig.parameterShapes` order.
  public var gradients: [Tensor]
  /// The diagnostics of this pass, when asked for.
  public var diagnostics: Diagnostics?
}

/// What an evaluation returns.
public struct Evaluation: Sendable {
  /// The mean loss over the whole batch.
  public var loss: Float
  /// For cross-entropy: the share of labelled positions whose arg-max is the label.
  public var accuracy: Float?
  /// The head's outputs (regression values or logits): `[B, O]`, or `[T, B, O]` for the
  /// per-step losses.
  public var outputs: Tensor
}
