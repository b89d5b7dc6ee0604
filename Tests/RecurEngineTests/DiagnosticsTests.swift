import Testing

@testable import RecurEngine

/// Diagnostics that the other suites do not reach: they leave the step's results untouched,
/// and the spectral norm of known matrices.
@Suite struct DiagnosticsTests {
  @Test(arguments: CellKind.allCases)
  func diagnosingDoesNotChangeLossOrGradients(cell: CellKind) throws {
    let config = ModelConfig(cell: cell, inputSize: 3, hiddenSize: 17, layers: 2, outputSize: 2)
    let model = TestModels.model(config, seed: 8)
    let batch = TestModels.batch(config, loss: .ceAll, steps: 5, size: 3, seed: 8)
    let step = try TrainingStep(config: config, loss: .ceAll)
    let plain = try step.run(model, on: batch)
    let diagnosed = try step.run(model, on: batch, diagnose: true)
    #expect(plain.diagnostics == nil)
    #expect(plain.loss.bitPattern == diagnosed.loss.bitPattern)
    #expect(plain.gradients == diagnosed.gradients)
    let norms = try #require(diagnosed.diagnostics).parameterGradNorms
    for (norm, gradient) in zip(norms, plain.gradients) {
      let exact = gradient.data.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
      #expect(abs(Double(norm) - exact) <= 1e-5 * exact)
    }
  }

  @Test func spectralNormOfAScaledPermutationIsItsLargestEntry() {
    // Rows [G*H = 6, H = 3]: two stacked blocks; the singular values are those of W^T W.
    let w: [Float] = [0, 2, 0, 1, 0, 0, 0, 0, -3, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    var start: [Float] = []
    let sigma = w.withUnsafeBufferPointer {
      SpectralNorm.largestSingularValue($0.baseAddress!, rows: 6, columns: 3, start: &start)
    }
    #expect(abs(sigma - 3) < 1e-5)
    #expect(abs(abs(start[2]) - 1) < 1e-3)  // the top right singular vector is e3
    let again = w.withUnsafeBufferPointer {
      SpectralNorm.largestSingularValue($0.baseAddress!, rows: 6, columns: 3, start: &start)
    }
    #expect(abs(again - 3) < 1e-5)
  }

  @Test func spectralNormOfAZeroMatrixIsZero() {
    let w = [Float](repeating: 0, count: 12)
    var start: [Float] = []
    let sigma = w.withUnsafeBufferPointer {
      SpectralNorm.largestSingularValue($0.baseAddress!, rows: 4, columns: 3, start: &start)
    }
    #expect(sigma == 0)
  }
}
