import Testing

@testable import RecurEngine

/// The Double reference's backward pass against central finite differences of its own forward
/// pass, for every cell, loss and 1 or 2 layers: each parameter, and the total dL/dh_t of every
/// layer and step (through an offset added to h_t).
@Suite struct ReferenceGradientTests {
  static let epsilon = 1e-6

  @Test(arguments: TestModels.cases)
  func parameterGradientsMatchFiniteDifferences(cell: CellKind, loss: LossKind, layers: Int) {
    let (reference, batch) = Self.setUp(cell, loss, layers)
    let analytic = reference.run(batch, loss: loss).gradients
    for p in reference.parameters.indices {
      var numeric = [Double](repeating: 0, count: reference.parameters[p].count)
      for e in numeric.indices {
        var plus = reference
        plus.parameters[p][e] += Self.epsilon
        var minus = reference
        minus.parameters[p][e] -= Self.epsilon
        numeric[e] =
          (plus.run(batch, loss: loss).loss - minus.run(batch, loss: loss).loss)
          / (2 * Self.epsilon)
      }
      let error = TestModels.relativeError(analytic[p], numeric, floor: 1e-3)
      #expect(error < 1e-6, "\(reference.config.parameterShapes[p].name): \(error)")
    }
  }

  @Test(arguments: TestModels.cases)
  func hiddenGradientsMatchFiniteDifferences(cell: CellKind, loss: LossKind, layers: Int) {
    let (reference, batch) = Self.setUp(cell, loss, layers)
    let h = reference.config.hiddenSize
    let zero = [[[Double]]](
      repeating: [[Double]](
        repeating: [Double](repeating: 0, count: batch.size * h), count: batch.steps),
      count: layers)
    let analytic = reference.run(batch, loss: loss, hiddenOffsets: zero).hiddenGradients
    for k in 0..<layers {
      for t in 0..<batch.steps {
        var numeric = [Double](repeating: 0, count: batch.size * h)
        for e in numeric.indices {
          var plus = zero
          plus[k][t][e] = Self.epsilon
          var minus = zero
          minus[k][t][e] = -Self.epsilon
          numeric[e] =
            (reference.run(batch, loss: loss, hiddenOffsets: plus).loss
              - reference.run(batch, loss: loss, hiddenOffsets: minus).loss) / (2 * Self.epsilon)
        }
        let error = TestModels.relativeError(analytic[k][t], numeric, floor: 1e-3)
        #expect(error < 1e-6, "layer \(k) step \(t): \(error)")
      }
    }
  }

  static func setUp(_ cell: CellKind, _ loss: LossKind, _ layers: Int) -> (ReferenceModel, Batch) {
    let config = ModelConfig(
      cell: cell, inputSize: 3, hiddenSize: 4, layers: layers, outputSize: 3)
    let model = TestModels.model(config, seed: 17, scale: 0.8)
    let batch = TestModels.batch(config, loss: loss, steps: 4, size: 2, seed: 5)
    return (ReferenceModel(model), batch)
  }
}
