import Testing

@testable import RecurEngine

/// Batches and models that do not fit are refused with an error that says what is wrong.
@Suite struct BatchCheckTests {
  static let config = ModelConfig(
    cell: .lstm, inputSize: 2, hiddenSize: 3, layers: 1, outputSize: 4)

  static func step(_ loss: LossKind) throws -> TrainingStep {
    try TrainingStep(config: config, loss: loss)
  }

  @Test func labelsOutsideTheClassesAreRefused() throws {
    let model = TestModels.model(Self.config, seed: 1)
    let batch = Batch(
      steps: 1, size: 2, inputSize: 2, inputs: [0, 0, 0, 0], targets: .labels([1, 4], classes: 4))
    #expect(throws: EngineError.label(position: 1, value: 4, classes: 4)) {
      try Self.step(.ceLast).run(model, on: batch)
    }
    let negative = Batch(
      steps: 1, size: 2, inputSize: 2, inputs: [0, 0, 0, 0], targets: .labels([-1, 0], classes: 4))
    #expect(throws: EngineError.label(position: 0, value: -1, classes: 4)) {
      try Self.step(.ceLast).run(model, on: negative)
    }
  }

  @Test func targetsOfTheWrongKindOrCountAreRefused() throws {
    let model = TestModels.model(Self.config, seed: 1)
    let values = Batch(
      steps: 2, size: 1, inputSize: 2, inputs: [0, 0, 0, 0],
      targets: .values([1, 2, 3, 4], outputs: 4))
    // mse-all needs [T, B, O] = 8 values; ce-last needs labels.
    #expect(throws: EngineError.self) { try Self.step(.mseAll).run(model, on: values) }
    #expect(throws: EngineError.self) { try Self.step(.ceLast).run(model, on: values) }
    #expect(try Self.step(.mseLast).run(model, on: values).loss.isFinite)
    var wrongInputs = values
    wrongInputs.inputSize = 1
    #expect(throws: EngineError.inputSize(expected: 2, found: 1)) {
      try Self.step(.mseLast).run(model, on: wrongInputs)
    }
  }

  @Test func modelsOfAnotherShapeAreRefused() throws {
    let model = TestModels.model(Self.config, seed: 1)
    model.parameters[1] = Tensor(zeros: [12, 2])
    let batch = TestModels.batch(Self.config, loss: .mseLast, steps: 2, size: 2, seed: 1)
    let error = #expect(throws: EngineError.self) { try Self.step(.mseLast).run(model, on: batch) }
    #expect(error?.description.contains("rnn.weight_hh_l0") == true)
    let other = Model(
      config: ModelConfig(cell: .gru, inputSize: 2, hiddenSize: 3, layers: 1, outputSize: 4))
    #expect(throws: EngineError.self) { try Self.step(.mseLast).run(other, on: batch) }
    #expect(throws: EngineError.self) {
      try TrainingStep(
        config: ModelConfig(cell: .rnn, inputSize: 0, hiddenSize: 3, layers: 1, outputSize: 1),
        loss: .mseLast)
    }
  }

  @Test func unlabelledPositionsAreLeftOutOfTheMean() throws {
    let model = TestModels.model(Self.config, seed: 3)
    let inputs: [Float] = [0.5, -0.5, 0.25, 1]
    let step = try Self.step(.ceAll)
    let both = try step.run(
      model,
      on: Batch(
        steps: 2, size: 1, inputSize: 2, inputs: inputs, targets: .labels([2, 1], classes: 4)))
    let first = try step.run(
      model,
      on: Batch(
        steps: 2, size: 1, inputSize: 2, inputs: inputs, targets: .labels([2, -100], classes: 4)))
    let reference = ReferenceModel(model).run(
      Batch(
        steps: 2, size: 1, inputSize: 2, inputs: inputs, targets: .labels([2, -100], classes: 4)),
      loss: .ceAll)
    #expect(abs(Double(first.loss) - reference.loss) < 1e-6)
    #expect(first.loss != both.loss)
  }
}
