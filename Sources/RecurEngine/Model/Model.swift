/// A recurrent model: a stack of `config.layers` recurrent layers (`rnn.*`) and a linear head
/// (`head.*`), with its parameters in PyTorch's names, shapes and order.
///
/// The parameters are plain tensors in `ModelConfig.parameterShapes` order, so that
/// initialisers, optimisers and checkpoints work on them without knowing the cell; the
/// engine (`TrainingStep`) reads them at the start of each step.
public final class Model {
  public let config: ModelConfig
  /// One tensor per entry of `config.parameterShapes`, in that order.
  public var parameters: [Tensor]

  /// A model whose parameters are all zero; an initialiser fills them in.
  public init(config: ModelConfig) {
    self.config = config
    self.parameters = config.parameterShapes.map { Tensor(zeros: $0.shape) }
  }

  /// A model with the given parameters, which must follow `config.parameterShapes`.
  public init(config: ModelConfig, parameters: [Tensor]) throws(EngineError) {
    self.config = config
    self.parameters = parameters
    try checkParameters()
  }

  /// The PyTorch names of the parameters, in order (`rnn.weight_ih_l0`, …, `head.bias`).
  public var parameterNames: [String] { config.parameterShapes.map(\.name) }

  /// Throws unless the configuration is usable and every parameter has its expected shape.
  public func checkParameters() throws(EngineError) {
    try config.check()
    let expected = config.parameterShapes
    guard parameters.count == expected.count else {
      throw .parameterCount(expected: expected.count, found: parameters.count)
    }
    for (tensor, entry) in zip(parameters, expected) where tensor.shape != entry.shape {
      throw .parameterShape(name: entry.name, expected: entry.shape, found: tensor.shape)
    }
  }

  /// A copy with its own parameters (the class has reference semantics).
  public func copy() -> Model {
    let model = Model(config: config)
    model.parameters = parameters
    return model
  }
}

extension ModelConfig {
  /// Throws unless every size is positive.
  public func check() throws(EngineError) {
    guard inputSize > 0, hiddenSize > 0, layers > 0, outputSize > 0 else {
      throw .invalidConfig(
        "input_size \(inputSize), hidden_size \(hiddenSize), layers \(layers) and "
          + "output_size \(outputSize) must all be positive")
    }
  }
}
