import Testing

@testable import RecurEngine

@Suite struct OptimizerTests {
  @Test func fixturesArePresent() {
    #expect(OptimizerFixtures.optimizerCases.count == 15)
  }

  @Test(arguments: OptimizerFixtures.optimizerCases)
  func stepsMatchPyTorch(fixture: OptimizerFixtures.OptimizerCase) throws {
    let kind = try #require(OptimizerKind(rawValue: fixture.kind))
    let settings = fixture.config
    let config = OptimizerConfig(
      kind: kind, lr: settings.lr, momentum: settings.momentum,
      weightDecay: settings.weightDecay, beta1: settings.betas?[0] ?? 0.9,
      beta2: settings.betas?[1] ?? 0.999, eps: settings.eps ?? 1e-8,
      alpha: settings.alpha ?? 0.99, centered: settings.centered ?? false)
    var optimizer = try Optimizer(config)
    var parameters = OptimizerFixtures.tensors(fixture.initial, shapes: fixture.shapes)
    for (n, step) in fixture.steps.enumerated() {
      let gradients = OptimizerFixtures.tensors(step.gradients, shapes: fixture.shapes)
      optimizer.step(parameters: &parameters, gradients: gradients)
      let error = OptimizerFixtures.maxRelativeError(parameters, step.parameters)
      #expect(error < 1e-6, "step \(n + 1): relative error \(error)")
    }
    #expect(optimizer.stepCount == fixture.steps.count)
  }

  @Test func defaultsArePyTorchs() {
    let adam = OptimizerConfig(kind: .adam)
    #expect(adam.lr == 1e-3 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.eps == 1e-8)
    #expect(adam.weightDecay == 0)
    #expect(OptimizerConfig(kind: .adamw).weightDecay == 0.01)
    let rmsprop = OptimizerConfig(kind: .rmsprop)
    #expect(rmsprop.lr == 1e-2 && rmsprop.alpha == 0.99 && rmsprop.momentum == 0)
    #expect(!rmsprop.centered)
    #expect(OptimizerConfig(kind: .sgd).momentum == 0)
    #expect(OptimizerConfig(kind: .momentum).momentum == 0.9)
    #expect(OptimizerConfig(kind: .nesterov).momentum == 0.9)
  }

  @Test func kindsAreTheTrialKeys() {
    #expect(
      OptimizerKind.allCases.map(\.rawValue)
        == ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"])
  }

  @Test func plainSGDSubtractsTheScaledGradient() throws {
    var optimizer = try Optimizer(OptimizerConfig(kind: .sgd, lr: 0.5))
    var parameters = [Tensor(shape: [2], data: [1, -2])]
    optimizer.step(parameters: &parameters, gradients: [Tensor(shape: [2], data: [0.5, 4])])
    #expect(parameters[0].data == [0.75, -4])
  }

  @Test func learningRateCanChangeBetweenSteps() throws {
    var optimizer = try Optimizer(OptimizerConfig(kind: .sgd, lr: 1))
    var parameters = [Tensor(shape: [1], data: [1])]
    let gradients = [Tensor(shape: [1], data: [1])]
    optimizer.step(parameters: &parameters, gradients: gradients)
    optimizer.learningRate = 0.25
    optimizer.step(parameters: &parameters, gradients: gradients)
    #expect(parameters[0].data == [-0.25])
  }

  @Test(arguments: [
    OptimizerConfig(kind: .adam, lr: -1),
    OptimizerConfig(kind: .sgd, lr: .nan),
    OptimizerConfig(kind: .momentum, momentum: -0.1),
    OptimizerConfig(kind: .adam, beta1: 1),
    OptimizerConfig(kind: .adamw, beta2: -0.5),
    OptimizerConfig(kind: .rmsprop, eps: -1),
    OptimizerConfig(kind: .rmsprop, alpha: .infinity),
    OptimizerConfig(kind: .adamw, weightDecay: -0.01),
  ])
  func invalidSettingsAreRejected(config: OptimizerConfig) {
    #expect(throws: OptimizerError.self) { try Optimizer(config) }
  }

  @Test func nesterovWithoutMomentumIsRejectedWithAHint() {
    #expect(throws: OptimizerError.nesterovNeedsMomentum) {
      try Optimizer(OptimizerConfig(kind: .nesterov, momentum: 0))
    }
    #expect(OptimizerError.nesterovNeedsMomentum.description.contains("momentum = 0.9"))
  }

  @Test func errorNamesTheSetting() {
    let error = OptimizerError.invalidHyperparameter(
      name: "lr", value: -1, expected: "a finite number >= 0")
    #expect(
      error.description == "invalid optimizer setting lr = -1.0: it must be a finite number >= 0")
  }
}

extension OptimizerTests {
  @Test func betasCanBeGivenAsPyTorchsPair() {
    var config = OptimizerConfig(kind: .adam, betas: (0.5, 0.9))
    #expect(config.beta1 == 0.5 && config.beta2 == 0.9)
    config.betas = (0.8, 0.99)
    #expect(config.betas == (0.8, 0.99))
  }
}
