/// The hyperparameters of one optimiser, with PyTorch's defaults.
///
/// Values are `Double`, as PyTorch's are Python floats: the scalar arithmetic of a step (Adam's
/// bias corrections, `1 - lr * weight_decay`) is then done in the same precision as PyTorch's
/// and only the per-element updates in `Float`.
///
/// Settings an algorithm does not use are kept but ignored (`momentum` for Adam and AdamW,
/// `beta1`, `beta2` for SGD and RMSprop, `alpha` and `centered` for all but RMSprop).
public struct OptimizerConfig: Sendable, Equatable, Codable {
  public var kind: OptimizerKind
  /// The learning rate.
  public var lr: Double
  /// SGD and RMSprop momentum (0 turns it off); SGD's dampening is always 0.
  public var momentum: Double
  /// L2 penalty added to the gradient (`sgd`, `momentum`, `nesterov`, `rmsprop`, `adam`), or
  /// decoupled decay of the weights before the update (`adamw`, Loshchilov & Hutter 2019).
  public var weightDecay: Double
  /// Adam's decay of the first moment (PyTorch's `betas[0]`).
  public var beta1: Double
  /// Adam's decay of the second moment (PyTorch's `betas[1]`).
  public var beta2: Double
  /// Added to the denominator of RMSprop and Adam.
  public var eps: Double
  /// RMSprop's smoothing constant.
  public var alpha: Double
  /// RMSprop centred on the running mean of the gradient (Graves 2013).
  public var centered: Bool

  /// A configuration where every setting left out takes PyTorch's default for `kind`
  /// (see `OptimizerKind`): lr 1e-3 (1e-2 for RMSprop), momentum 0.9 for `momentum` and
  /// `nesterov` and 0 otherwise, weight decay 0.01 for AdamW and 0 otherwise, betas 0.9 and
  /// 0.999, eps 1e-8, alpha 0.99, not centred.
  public init(
    kind: OptimizerKind, lr: Double? = nil, momentum: Double? = nil, weightDecay: Double? = nil,
    beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, alpha: Double = 0.99,
    centered: Bool = false
  ) {
    self.kind = kind
    self.lr = lr ?? kind.defaultLearningRate
    self.momentum = momentum ?? kind.defaultMomentum
    self.weightDecay = weightDecay ?? kind.defaultWeightDecay
    self.beta1 = beta1
    self.beta2 = beta2
    self.eps = eps
    self.alpha = alpha
    self.centered = centered
  }

  /// The same with Adam's betas given as PyTorch's `betas=(β1, β2)` pair.
  public init(
    kind: OptimizerKind, lr: Double? = nil, momentum: Double? = nil, weightDecay: Double? = nil,
    betas: (Double, Double), eps: Double = 1e-8, alpha: Double = 0.99, centered: Bool = false
  ) {
    self.init(
      kind: kind, lr: lr, momentum: momentum, weightDecay: weightDecay, beta1: betas.0,
      beta2: betas.1, eps: eps, alpha: alpha, centered: centered)
  }

  /// Adam's `(beta1, beta2)`, as PyTorch's `betas`.
  public var betas: (Double, Double) {
    get { (beta1, beta2) }
    set { (beta1, beta2) = newValue }
  }

  /// Checks the settings the algorithm uses as PyTorch's constructors do: lr, eps, momentum,
  /// weight decay and alpha finite and at least 0, betas in [0, 1), Nesterov with momentum.
  public func validate() throws(OptimizerError) {
    try Self.check("lr", lr)
    try Self.check("weight_decay", weightDecay)
    if kind.usesMomentum { try Self.check("momentum", momentum) }
    if kind == .nesterov && !(momentum > 0) { throw .nesterovNeedsMomentum }
    if kind == .rmsprop || kind == .adam || kind == .adamw {
      try Self.check("eps", eps)
    }
    if kind == .rmsprop { try Self.check("alpha", alpha) }
    if kind == .adam || kind == .adamw {
      for (name, beta) in [("beta1", beta1), ("beta2", beta2)] where !(beta >= 0 && beta < 1) {
        throw .invalidHyperparameter(name: name, value: beta, expected: "in [0, 1)")
      }
    }
  }

  private static func check(_ name: String, _ value: Double) throws(OptimizerError) {
    guard value.isFinite && value >= 0 else {
      throw .invalidHyperparameter(name: name, value: value, expected: "a finite number >= 0")
    }
  }
}
