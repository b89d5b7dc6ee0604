import Testing

@testable import RecurEngine

@Suite struct ClippingTests {
  @Test func fixturesArePresent() {
    #expect(OptimizerFixtures.clippingCases.count == 6)
  }

  @Test(arguments: OptimizerFixtures.clippingCases)
  func clippingMatchesPyTorch(fixture: OptimizerFixtures.ClippingCase) throws {
    var gradients = OptimizerFixtures.tensors(fixture.gradients, shapes: fixture.shapes)
    if fixture.kind == "norm" {
      let expectedNorm = try #require(fixture.totalNorm)
      let total = GradientClipping.clipByGlobalNorm(&gradients, maxNorm: fixture.limit)
      #expect(abs(total - expectedNorm) <= 1e-6 * expectedNorm)
    } else {
      GradientClipping.clipByValue(&gradients, limit: fixture.limit)
    }
    let error = OptimizerFixtures.maxRelativeError(gradients, fixture.clipped)
    #expect(error < 1e-6)
  }

  @Test func normBelowTheLimitLeavesGradientsUntouched() {
    var gradients = [Tensor(shape: [2], data: [3, 4])]
    let total = GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 5.01)
    #expect(total == 5)
    #expect(gradients[0].data == [3, 4])
  }

  @Test func normAtTheLimitIsScaledByPyTorchsFactor() {
    var gradients = [Tensor(shape: [2], data: [3, 4])]
    GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 5)
    let factor: Float = 5 / (5 + 1e-6)
    #expect(gradients[0].data == [3 * factor, 4 * factor])
    #expect(factor < 1)
  }

  @Test func clippedGradientsHaveTheLimitAsNormAndKeepTheirDirection() {
    var gradients = [Tensor(shape: [2], data: [3, 0]), Tensor(shape: [1], data: [-4])]
    let total = GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 1)
    #expect(total == 5)
    #expect(abs(GradientClipping.globalNorm(gradients) - 1) < 1e-6)
    #expect(abs(gradients[0].data[0] - 0.6) < 1e-6 && abs(gradients[1].data[0] + 0.8) < 1e-6)
  }

  @Test func nonFiniteNormPropagatesAsInPyTorch() {
    var gradients = [Tensor(shape: [2], data: [.nan, 1])]
    let total = GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 1)
    #expect(total.isNaN)
    #expect(gradients[0].data.allSatisfy { $0.isNaN })
  }

  @Test func emptyGradientListHasNormZero() {
    var gradients: [Tensor] = []
    #expect(GradientClipping.clipByGlobalNorm(&gradients, maxNorm: 1) == 0)
  }

  @Test func valueClippingClampsEachElementAndKeepsNaN() {
    var gradients = [Tensor(shape: [5], data: [-2, -0.5, 0.25, 3, .nan])]
    GradientClipping.clipByValue(&gradients, limit: 0.5)
    #expect(Array(gradients[0].data.prefix(4)) == [-0.5, -0.5, 0.25, 0.5])
    #expect(gradients[0].data[4].isNaN)
  }
}
