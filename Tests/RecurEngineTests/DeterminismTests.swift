import Testing

@testable import RecurEngine

/// The same model, data and seed give bit-identical losses, run after run.
@Suite struct DeterminismTests {
  /// A few steps of plain SGD (`θ ← θ - 0.1 g`) on batches drawn from one seed.
  static func lossSequence(cell: CellKind, loss: LossKind) throws -> [Float] {
    let config = ModelConfig(cell: cell, inputSize: 3, hiddenSize: 24, layers: 2, outputSize: 3)
    let model = TestModels.model(config, seed: 21, scale: 0.3)
    let step = try TrainingStep(config: config, loss: loss)
    var losses: [Float] = []
    for s in 0..<5 {
      let batch = TestModels.batch(config, loss: loss, steps: 7, size: 4, seed: UInt64(100 + s))
      let result = try step.run(model, on: batch, diagnose: s == 2)
      losses.append(result.loss)
      for p in model.parameters.indices {
        for e in model.parameters[p].data.indices {
          model.parameters[p].data[e] -= 0.1 * result.gradients[p].data[e]
        }
      }
    }
    return losses
  }

  @Test(arguments: CellKind.allCases)
  func twoTrainingsGiveIdenticalLosses(cell: CellKind) throws {
    let first = try Self.lossSequence(cell: cell, loss: .ceAll)
    let second = try Self.lossSequence(cell: cell, loss: .ceAll)
    #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
    #expect(first.last ?? 0 < first.first ?? 0)  // and the steps do train
  }
}
