import RecurEngine
import RecurSweep
import RecurTasks

/// Everything a trial trains with, built from its keys: the task and its held-out set, the
/// initialised model, the engine's step and the optimiser.
///
/// Randomness comes from three streams of the trial's `seed` (`SeededGenerator(seed:stream:)`):
/// the initial weights (`initializationStream`), the training batches and the evaluation set
/// (the task's own two streams). Changing the batch size or the evaluation set therefore never
/// changes the initial weights, and the same keys give the same run, bit for bit.
struct TrialSetup {
  var task: SequenceTask
  let model: Model
  let step: TrainingStep
  var optimizer: Optimizer
  /// The held-out set, cut into chunks of `TrainingStep.evaluationChunk` sequences.
  let evaluationSet: [Batch]

  /// The stream of the initial weights: ASCII "INIT", apart from the tasks' streams.
  static let initializationStream: UInt64 = 0x494E_4954

  init(spec: TrialSpec, task name: TaskName, options: TrialOptions) throws(TrainingError) {
    do {
      task = try makeTask(
        name: name, seqLen: spec.seqLen, seed: UInt64(spec.seed),
        dataPath: options.resolve(dataPath: spec.data),
        evaluationSequences: options.evaluationSequences)
    } catch {
      throw .task(error)
    }
    let config = ModelConfig(
      cell: spec.cellKind, inputSize: task.inputSize, hiddenSize: spec.hidden,
      layers: spec.layers, outputSize: task.outputSize)
    try Self.checkMemory(config: config, spec: spec, task: task)
    do {
      optimizer = try Optimizer(spec.optimizerConfig)
    } catch {
      throw .optimizer(error)
    }
    var generator = SeededGenerator(seed: UInt64(spec.seed), stream: Self.initializationStream)
    let parameters = Initializer.parameters(
      for: config, scheme: spec.initScheme, initScale: Float(spec.initScale),
      forgetBias: spec.initialForgetBias, generator: &generator)
    do {
      model = try Model(config: config, parameters: parameters)
      step = try TrainingStep(
        config: config, loss: task.loss, steps: task.steps, batchSize: spec.batch)
    } catch {
      throw .engine(error)
    }
    evaluationSet = task.evaluationSet(batchSize: TrainingStep.evaluationChunk)
  }

  /// Number of trainable values of the model.
  var parameterCount: Int {
    model.parameters.reduce(0) { $0 + $1.data.count }
  }

  private static func checkMemory(config: ModelConfig, spec: TrialSpec, task: SequenceTask)
    throws(TrainingError)
  {
    let needed = MemoryEstimate.bytes(
      config: config, steps: task.steps, batch: spec.batch,
      evaluationSequences: task.evaluationSequences)
    let available = MemoryEstimate.availableBytes
    if needed > available {
      throw .tooLarge(estimatedBytes: needed, availableBytes: available)
    }
  }
}
