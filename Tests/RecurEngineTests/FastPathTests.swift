import Testing

@testable import RecurEngine

/// The Float fast path against the Double reference: loss, every gradient, the gradient-flow
/// curve, saturation and hidden-state norms. Hidden size 20 exercises the vector loops and
/// their remainders, 5 a remainder alone; 3 inputs take the narrow per-step projection, 11 the
/// GEMM over all steps.
@Suite struct FastPathTests {
  @Test(arguments: TestModels.cases)
  func fastPathMatchesReference(cell: CellKind, loss: LossKind, layers: Int) throws {
    for (inputs, hidden) in [(3, 5), (11, 20)] {
      let config = ModelConfig(
        cell: cell, inputSize: inputs, hiddenSize: hidden, layers: layers, outputSize: 4)
      let model = TestModels.model(config, seed: 3, scale: 0.6)
      let batch = TestModels.batch(config, loss: loss, steps: 6, size: 3, seed: 8)
      let step = try TrainingStep(config: config, loss: loss)
      let fast = try step.run(model, on: batch, diagnose: true)
      let reference = ReferenceModel(model).run(batch, loss: loss)
      #expect(abs(Double(fast.loss) - reference.loss) <= 1e-5 * max(1, abs(reference.loss)))
      for (p, name) in config.parameterShapes.map(\.name).enumerated() {
        let error = TestModels.relativeError(
          fast.gradients[p].data.map(Double.init), reference.gradients[p])
        #expect(error < 1e-4, "H=\(hidden) \(name): \(error)")
      }
      let diagnostics = try #require(fast.diagnostics)
      for k in 0..<layers {
        let error = TestModels.relativeError(
          diagnostics.hiddenGradNorm[k].map(Double.init), reference.hiddenGradNorm[k])
        #expect(error < 1e-4, "H=\(hidden) hidden_grad_norm layer \(k): \(error)")
        #expect(
          abs(Double(diagnostics.hiddenNorm[k]) - reference.hiddenNorm[k])
            < 1e-5 * max(1, reference.hiddenNorm[k]))
      }
      let expected = reference.saturation.flatMap { $0 }
      let tolerance = 1.5 / Double(batch.steps * batch.size * hidden)  // one entry may flip
      for (got, want) in zip(diagnostics.saturation.map(\.fraction), expected) {
        #expect(abs(Double(got) - want) < tolerance)
      }
    }
  }

  @Test(arguments: CellKind.allCases)
  func saturatedModelsReportSaturation(cell: CellKind) throws {
    let config = ModelConfig(cell: cell, inputSize: 3, hiddenSize: 20, layers: 2, outputSize: 2)
    let model = TestModels.model(config, seed: 9, scale: 3)
    let batch = TestModels.batch(config, loss: .mseLast, steps: 8, size: 4, seed: 2)
    let step = try TrainingStep(config: config, loss: .mseLast)
    let diagnostics = try #require(try step.run(model, on: batch, diagnose: true).diagnostics)
    let reference = ReferenceModel(model).run(batch, loss: .mseLast).saturation.flatMap { $0 }
    #expect(
      diagnostics.saturation.map(\.key)
        == (0..<2).flatMap { k in
          cell.saturationGates.map { "l\(k).\($0)" }
        })
    #expect(reference.contains { $0 > 0.2 })
    let tolerance = 1.5 / Double(8 * 4 * 20)
    for (got, want) in zip(diagnostics.saturation.map(\.fraction), reference) {
      #expect(abs(Double(got) - want) < tolerance)
    }
  }

  @Test(arguments: LossKind.allCases)
  func evaluationGivesTheTrainingLossAndOutputs(loss: LossKind) throws {
    let config = ModelConfig(cell: .gru, inputSize: 2, hiddenSize: 6, layers: 2, outputSize: 3)
    let model = TestModels.model(config, seed: 4)
    let batch = TestModels.batch(config, loss: loss, steps: 3, size: 5, seed: 6)
    let step = try TrainingStep(config: config, loss: loss)
    let trained = try step.run(model, on: batch)
    let trainingOutputs = step.lastOutputs
    let evaluation = try step.evaluate(model, on: batch)
    #expect(evaluation.loss == trained.loss)
    #expect(evaluation.outputs == trainingOutputs)
    #expect((evaluation.accuracy != nil) == loss.isClassification)
  }

  @Test(arguments: [LossKind.mseAll, .ceLast])
  func evaluationOfALargeBatchIsCutIntoChunksWithTheSameResult(loss: LossKind) throws {
    let config = ModelConfig(cell: .lstm, inputSize: 2, hiddenSize: 3, layers: 1, outputSize: 3)
    let model = TestModels.model(config, seed: 12)
    let size = TrainingStep.evaluationChunk + 37
    let batch = TestModels.batch(config, loss: loss, steps: 2, size: size, seed: 1)
    let step = try TrainingStep(config: config, loss: loss)
    let evaluation = try step.evaluate(model, on: batch)
    let reference = ReferenceModel(model).run(batch, loss: loss)
    #expect(abs(Double(evaluation.loss) - reference.loss) < 1e-5 * max(1, reference.loss))
    let outputs = reference.outputs.flatMap { $0 }
    #expect(TestModels.relativeError(evaluation.outputs.data.map(Double.init), outputs) < 1e-5)
  }

  @Test func aStepAdaptsToBatchesOfAnotherShape() throws {
    let config = ModelConfig(cell: .lstm, inputSize: 2, hiddenSize: 4, layers: 1, outputSize: 1)
    let model = TestModels.model(config, seed: 1)
    let step = try TrainingStep(config: config, loss: .mseLast, steps: 5, batchSize: 4)
    for (steps, size) in [(5, 4), (3, 7), (5, 4)] {
      let batch = TestModels.batch(config, loss: .mseLast, steps: steps, size: size, seed: 2)
      let fast = try step.run(model, on: batch)
      let reference = ReferenceModel(model).run(batch, loss: .mseLast)
      #expect(abs(Double(fast.loss) - reference.loss) < 1e-6)
    }
  }

  @Test(arguments: CellKind.allCases)
  func oneStepAndOneSequenceMatchTheReference(cell: CellKind) throws {
    for (steps, size) in [(1, 3), (4, 1), (1, 1)] {
      let config = ModelConfig(
        cell: cell, inputSize: 2, hiddenSize: 3, layers: 2, outputSize: 2)
      let model = TestModels.model(config, seed: 13)
      let batch = TestModels.batch(config, loss: .ceAll, steps: steps, size: size, seed: 4)
      let fast = try TrainingStep(config: config, loss: .ceAll).run(model, on: batch)
      let reference = ReferenceModel(model).run(batch, loss: .ceAll)
      #expect(abs(Double(fast.loss) - reference.loss) < 1e-5 * max(1, reference.loss))
      for p in fast.gradients.indices {
        let error = TestModels.relativeError(
          fast.gradients[p].data.map(Double.init), reference.gradients[p])
        #expect(error < 1e-4, "T=\(steps) B=\(size) parameter \(p): \(error)")
      }
    }
  }

  @Test(arguments: CellKind.allCases)
  func nonFiniteInputsGiveANanLossAndDiagnostics(cell: CellKind) throws {
    let config = ModelConfig(cell: cell, inputSize: 2, hiddenSize: 4, layers: 1, outputSize: 1)
    let model = TestModels.model(config, seed: 1)
    var batch = TestModels.batch(config, loss: .mseLast, steps: 3, size: 2, seed: 1)
    batch.inputs[0] = .nan
    batch.inputs[3] = .infinity
    let result = try TrainingStep(config: config, loss: .mseLast).run(
      model, on: batch, diagnose: true)
    #expect(result.loss.isNaN)
    #expect(result.diagnostics != nil)
  }
}
