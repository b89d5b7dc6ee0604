#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times full training steps of the engine — forward, backward (diagnostics off) and an
/// optimiser update — for `recur bench engine`.
///
/// The update is the engine's own `Optimizer`, the one training runs (the benchmark asks for
/// Adam with PyTorch's defaults, as `scripts/bench_torch.py` does), so the figures time what a
/// trial spends per step.
public enum EngineBenchmark {
  /// The timing of one configuration and cell.
  public struct Result: Sendable {
    public var configuration: String
    public var cell: CellKind
    /// Steps timed (after two warm-up steps).
    public var steps: Int
    /// Wall-clock and thread CPU time per step, in seconds (medians over the timed steps).
    public var secondsPerStep: Double
    public var cpuSecondsPerStep: Double
    /// Thread CPU time per step with diagnostics on (0 when not timed).
    public var diagnosedCPUSecondsPerStep: Double
    /// FLOPs per step by the rule of `BenchmarkConfiguration.flops`.
    public var flopsPerStep: Double
    public var sequencesPerStep: Int

    public var sequencesPerSecond: Double { Double(sequencesPerStep) / secondsPerStep }
    public var gflops: Double { flopsPerStep / secondsPerStep / 1e9 }
    /// GFLOP/s by thread CPU time, comparable with `BLAS.measureSingleThreadRate`.
    public var cpuGflops: Double { flopsPerStep / cpuSecondsPerStep / 1e9 }
    /// The extra CPU time of a diagnosed step, as a fraction of a plain one.
    public var diagnosticsOverhead: Double { diagnosedCPUSecondsPerStep / cpuSecondsPerStep - 1 }
  }

  /// Runs `configuration` with `cell` for at least `minimumSteps` steps and at least `seconds`
  /// seconds of wall time, each followed by a diagnosed step when `timeDiagnostics` is set;
  /// every step ends with an update by a copy of `optimizer` (fresh state, e.g. Adam's).
  public static func run(
    _ configuration: BenchmarkConfiguration, cell: CellKind, optimizer: Optimizer,
    minimumSteps: Int, seconds: Double, timeDiagnostics: Bool = true
  ) throws(EngineError) -> Result {
    let config = configuration.model(cell)
    let model = initialisedModel(config)
    let batch = self.batch(configuration)
    let step = try TrainingStep(
      config: config, loss: configuration.loss, steps: batch.steps, batchSize: batch.size)
    var optimizer = optimizer
    func train(diagnose: Bool) throws(EngineError) {
      let result = try step.run(model, on: batch, diagnose: diagnose)
      optimizer.step(parameters: &model.parameters, gradients: result.gradients)
    }
    for _ in 0..<2 { try train(diagnose: false) }
    if timeDiagnostics { try train(diagnose: true) }
    // Plain and diagnosed steps alternate, so that the machine's drift hits both alike.
    var plain = Timing()
    var diagnosed = Timing()
    repeat {
      try plain.measure { () throws(EngineError) in try train(diagnose: false) }
      if timeDiagnostics {
        try diagnosed.measure { () throws(EngineError) in try train(diagnose: true) }
      }
    } while plain.count < minimumSteps || plain.wall < seconds
    return Result(
      configuration: configuration.name, cell: cell, steps: plain.count,
      secondsPerStep: plain.medianWall, cpuSecondsPerStep: plain.medianCPU,
      diagnosedCPUSecondsPerStep: diagnosed.medianCPU,
      flopsPerStep: configuration.flops(cell), sequencesPerStep: configuration.batch)
  }

  /// Wall and thread CPU times of repeated work, one sample per run.
  struct Timing {
    var walls: [Double] = []
    var cpus: [Double] = []

    var count: Int { walls.count }
    var wall: Double { walls.reduce(0, +) }
    /// Medians: robust to the bursts of other processes on a shared machine.
    var medianWall: Double { Self.median(walls) }
    var medianCPU: Double { Self.median(cpus) }

    mutating func measure(_ body: () throws(EngineError) -> Void) throws(EngineError) {
      let wallStart = wallClock()
      let cpuStart = ThreadClock.now()
      try body()
      cpus.append(ThreadClock.now() - cpuStart)
      walls.append(wallClock() - wallStart)
    }

    static func median(_ values: [Double]) -> Double {
      guard !values.isEmpty else { return 0 }
      let sorted = values.sorted()
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
  }

  /// PyTorch's default initialisation, uniform(-1/√H, 1/√H) for every parameter of the stack
  /// (and, for simplicity, of the head), from a fixed seed.
  static func initialisedModel(_ config: ModelConfig) -> Model {
    var generator = SeededGenerator(seed: 2024)
    let bound = 1 / Float(config.hiddenSize).squareRoot()
    let model = Model(config: config)
    for p in model.parameters.indices {
      for e in model.parameters[p].data.indices {
        model.parameters[p].data[e] = generator.uniform(-bound, bound)
      }
    }
    return model
  }

  /// A batch of the configuration's shape: for the adding problem, values uniform on [0, 1)
  /// and two markers per sequence; for the character model, one-hot characters and labels.
  static func batch(_ c: BenchmarkConfiguration) -> Batch {
    var generator = SeededGenerator(seed: 7)
    var inputs = [Float](repeating: 0, count: c.steps * c.batch * c.inputSize)
    let rows = c.loss.isPerStep ? c.steps * c.batch : c.batch
    if c.loss.isClassification {
      for r in 0..<(c.steps * c.batch) {
        inputs[r * c.inputSize + generator.int(below: c.inputSize)] = 1
      }
      let labels = (0..<rows).map { _ in Int32(generator.int(below: c.outputSize)) }
      return Batch(
        steps: c.steps, size: c.batch, inputSize: c.inputSize, inputs: inputs,
        targets: .labels(labels, classes: c.outputSize))
    }
    for r in 0..<(c.steps * c.batch) {
      inputs[r * c.inputSize] = generator.nextFloat()
      if c.inputSize > 1, r / c.batch < 2 { inputs[r * c.inputSize + 1] = 1 }
    }
    let targets = (0..<(rows * c.outputSize)).map { _ in generator.nextFloat() }
    return Batch(
      steps: c.steps, size: c.batch, inputSize: c.inputSize, inputs: inputs,
      targets: .values(targets, outputs: c.outputSize))
  }

  static func wallClock() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
  }
}
