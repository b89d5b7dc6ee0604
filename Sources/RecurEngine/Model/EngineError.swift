/// Why the engine refused a model or a batch; each description says what to fix.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A size of the model configuration is zero or negative.
  case invalidConfig(String)
  /// The model holds a different number of parameter tensors than its configuration needs.
  case parameterCount(expected: Int, found: Int)
  /// A parameter tensor has the wrong shape.
  case parameterShape(name: String, expected: [Int], found: [Int])
  /// The model was built for another configuration than the training step.
  case configMismatch(expected: ModelConfig, found: ModelConfig)
  /// The batch has no time steps or no sequences.
  case emptyBatch(steps: Int, size: Int)
  /// The batch's input width is not the model's `input_size`.
  case inputSize(expected: Int, found: Int)
  /// The targets do not fit the loss (kind, count or width).
  case targets(String)
  /// A class label outside `0..<classes` (and not PyTorch's ignore index -100).
  case label(position: Int, value: Int32, classes: Int)

  public var description: String {
    switch self {
    case .invalidConfig(let message):
      return "invalid model configuration: \(message)"
    case .parameterCount(let expected, let found):
      return "the model has \(found) parameter tensors but its configuration needs \(expected); "
        + "build it from the same ModelConfig"
    case .parameterShape(let name, let expected, let found):
      return "parameter \(name) has shape \(found) but the configuration needs \(expected)"
    case .configMismatch(let expected, let found):
      return "the model's configuration \(found) is not the training step's \(expected); "
        + "make the step from model.config"
    case .emptyBatch(let steps, let size):
      return "the batch has \(steps) time steps and \(size) sequences; both must be positive"
    case .inputSize(let expected, let found):
      return "the batch has \(found) input features but the model's input_size is \(expected)"
    case .targets(let message):
      return "the batch's targets do not fit the loss: \(message)"
    case .label(let position, let value, let classes):
      return "label \(value) at position \(position) is outside 0..<\(classes) "
        + "(use -100 to leave a position unlabelled)"
    }
  }
}
