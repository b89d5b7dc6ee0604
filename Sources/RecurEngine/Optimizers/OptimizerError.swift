/// A hyperparameter an optimiser cannot run with; raised by `Optimizer.init` before any step.
///
/// The checks are PyTorch's (the `ValueError`s of the `torch.optim` constructors), so that a
/// setting PyTorch rejects is rejected here too instead of training on nonsense.
public enum OptimizerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `name` is negative, NaN or infinite; `expected` says what it must be.
  case invalidHyperparameter(name: String, value: Double, expected: String)
  /// Nesterov momentum without momentum (PyTorch: "Nesterov momentum requires a momentum").
  case nesterovNeedsMomentum

  public var description: String {
    switch self {
    case .invalidHyperparameter(let name, let value, let expected):
      "invalid optimizer setting \(name) = \(value): it must be \(expected)"
    case .nesterovNeedsMomentum:
      "the nesterov optimizer needs a momentum above 0 (for example momentum = 0.9)"
    }
  }
}
