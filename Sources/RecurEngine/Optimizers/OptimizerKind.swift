/// The optimisers a trial can name; the raw values are the sweep files' `optimizer` keys.
///
/// Each is one of PyTorch's `torch.optim` algorithms with its defaults (see `OptimizerConfig`):
/// `sgd`, `momentum` and `nesterov` are `torch.optim.SGD` (plain, with momentum, with Nesterov
/// momentum), `rmsprop` is `RMSprop`, `adam` is `Adam`, `adamw` is `AdamW`.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  case sgd
  case momentum
  case nesterov
  case rmsprop
  case adam
  case adamw

  /// PyTorch's default learning rate for the algorithm (torch 2.x signatures: `SGD` 1e-3,
  /// `RMSprop` 1e-2, `Adam` and `AdamW` 1e-3).
  public var defaultLearningRate: Double {
    self == .rmsprop ? 1e-2 : 1e-3
  }

  /// The momentum used when none is given: 0.9 for the keys that name momentum (the usual
  /// choice, Sutskever et al. 2013; PyTorch has no default since its `SGD` default is 0),
  /// PyTorch's 0 for `sgd` and `rmsprop`, and 0 (unused) for the Adam family.
  public var defaultMomentum: Double {
    self == .momentum || self == .nesterov ? 0.9 : 0
  }

  /// PyTorch's default weight decay: 0.01 for `AdamW`, 0 for the others.
  public var defaultWeightDecay: Double {
    self == .adamw ? 0.01 : 0
  }

  /// True for the algorithms whose `momentum` setting is used (SGD and RMSprop).
  public var usesMomentum: Bool {
    switch self {
    case .sgd, .momentum, .nesterov, .rmsprop: true
    case .adam, .adamw: false
    }
  }
}
