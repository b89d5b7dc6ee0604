/// An optimiser: PyTorch's SGD, RMSprop, Adam or AdamW update applied to the engine's
/// parameters, one step per minibatch.
///
/// The update formulas are those of the algorithm boxes in the `torch.optim` documentation and
/// of its single-tensor implementations (`torch/optim/sgd.py`, `rmsprop.py`, `adam.py`), with
/// the scalar factors in `Double` and the per-element arithmetic in `Float` in PyTorch's order;
/// committed PyTorch fixtures check them to ~1e-6 relative (`OptimizerTests`).
///
/// Departures from PyTorch, all options PyTorch has and the study does not use: no SGD
/// `dampening` (always 0), no `maximize`, no AMSGrad, no per-group settings (one configuration
/// for every parameter), no sparse gradients. NaN or infinite gradients are not checked; they
/// propagate into the weights as they do in PyTorch.
///
/// State (momentum buffers, moment estimates) is allocated at the first step; later steps
/// update it and the parameters in place and allocate nothing, provided the caller's parameter
/// arrays are not shared (copy-on-write would otherwise copy them).
public struct Optimizer: Sendable {
  /// The settings the optimiser was built with.
  public let config: OptimizerConfig
  /// The learning rate of the next step; starts at `config.lr` and may be changed between
  /// steps (a schedule), as a PyTorch param group's `lr` may.
  public var learningRate: Double
  /// The number of steps taken (Adam's bias correction uses it as t).
  public private(set) var stepCount = 0

  /// The element count of each parameter at the first step, which the state was sized for.
  private var sizes: [Int] = []
  /// SGD's and RMSprop's `momentum_buffer` per parameter.
  var momentumBuffers: [[Float]] = []
  /// Adam's `exp_avg` or centred RMSprop's `grad_avg` per parameter.
  var averages: [[Float]] = []
  /// Adam's `exp_avg_sq` or RMSprop's `square_avg` per parameter.
  var squareAverages: [[Float]] = []

  /// An optimiser for `config`, after checking it as PyTorch's constructor would.
  public init(_ config: OptimizerConfig) throws(OptimizerError) {
    try config.validate()
    self.config = config
    self.learningRate = config.lr
  }

  /// Updates `parameters` in place from `gradients` (same order and shapes, the canonical
  /// order of `ModelConfig.parameterShapes`); `gradients` are not modified.
  ///
  /// - Precondition: the same number of tensors with the same element counts at every step.
  public mutating func step(parameters: inout [Tensor], gradients: [Tensor]) {
    precondition(parameters.count == gradients.count, "one gradient per parameter")
    if stepCount == 0 { allocateState(for: parameters) }
    precondition(parameters.count == sizes.count, "the parameters changed between steps")
    stepCount += 1
    for i in parameters.indices {
      precondition(
        parameters[i].data.count == sizes[i] && gradients[i].data.count == sizes[i],
        "parameter \(i) and its gradient must keep the element count of the first step")
      switch config.kind {
      case .sgd, .momentum, .nesterov: sgdStep(&parameters[i].data, gradients[i].data, i)
      case .rmsprop: rmspropStep(&parameters[i].data, gradients[i].data, i)
      case .adam, .adamw: adamStep(&parameters[i].data, gradients[i].data, i)
      }
    }
  }

  private mutating func allocateState(for parameters: [Tensor]) {
    sizes = parameters.map(\.data.count)
    let zeros = sizes.map { [Float](repeating: 0, count: $0) }
    switch config.kind {
    case .sgd, .momentum, .nesterov:
      momentumBuffers = config.momentum != 0 ? zeros : []
    case .rmsprop:
      squareAverages = zeros
      averages = config.centered ? zeros : []
      momentumBuffers = config.momentum > 0 ? zeros : []
    case .adam, .adamw:
      averages = zeros
      squareAverages = zeros
    }
  }
}
