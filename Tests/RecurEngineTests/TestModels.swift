@testable import RecurEngine

/// Small models and batches for the engine's tests, drawn from `SeededGenerator` (the
/// initialisers belong to another part of the engine and are tested there).
enum TestModels {
  /// Every cell × loss × layer count the gradient tests cover.
  static let cases: [(CellKind, LossKind, Int)] = CellKind.allCases.flatMap { cell in
    LossKind.allCases.flatMap { loss in [1, 2].map { (cell, loss, $0) } }
  }

  /// A model whose parameters are uniform on [-scale, scale).
  static func model(_ config: ModelConfig, seed: UInt64, scale: Float = 0.5) -> Model {
    var generator = SeededGenerator(seed: seed)
    let model = Model(config: config)
    for p in model.parameters.indices {
      for e in model.parameters[p].data.indices {
        model.parameters[p].data[e] = generator.uniform(-scale, scale)
      }
    }
    return model
  }

  /// A batch for `loss`: inputs uniform on [-1, 1); regression targets uniform, or labels with
  /// (for `ce-all`) one position left unlabelled (-100).
  static func batch(
    _ config: ModelConfig, loss: LossKind, steps: Int, size: Int, seed: UInt64
  ) -> Batch {
    var generator = SeededGenerator(seed: seed, stream: 1)
    let inputs = (0..<(steps * size * config.inputSize)).map { _ in generator.uniform(-1, 1) }
    let rows = loss.isPerStep ? steps * size : size
    let targets: Targets
    if loss.isClassification {
      var labels = (0..<rows).map { _ in Int32(generator.int(below: config.outputSize)) }
      if loss == .ceAll, rows > 1 { labels[1] = -100 }
      targets = .labels(labels, classes: config.outputSize)
    } else {
      let values = (0..<(rows * config.outputSize)).map { _ in generator.uniform(-1, 1) }
      targets = .values(values, outputs: config.outputSize)
    }
    return Batch(
      steps: steps, size: size, inputSize: config.inputSize, inputs: inputs, targets: targets)
  }

  /// The largest absolute difference over the largest magnitude of `expected` (at least
  /// `floor`), the measure every comparison of tensors uses.
  static func relativeError(_ actual: [Double], _ expected: [Double], floor: Double = 1e-6)
    -> Double
  {
    precondition(actual.count == expected.count, "sizes differ")
    let scale = max(floor, expected.map(abs).max() ?? 0)
    return zip(actual, expected).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
  }
}
