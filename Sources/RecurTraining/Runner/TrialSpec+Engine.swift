import RecurEngine
import RecurSweep
import RecurTasks

/// The engine's and the tasks' names for a trial's keys. RecurSweep may not import the engine,
/// so its enums mirror the engine's raw values and are mapped here, one case at a time, so that
/// the compiler reports any case added on one side only.
extension TrialSpec {
  /// The task of `task`, or nil for `noop`, which trains nothing.
  var taskName: TaskName? {
    switch task {
    case .adding: .adding
    case .copy: .copy
    case .temporalOrder: .temporalOrder
    case .sine: .sine
    case .mackeyGlass: .mackeyGlass
    case .charlm: .charlm
    case .noop: nil
    }
  }

  var cellKind: CellKind {
    switch cell {
    case .rnn: .rnn
    case .rnnRelu: .rnnRelu
    case .lstm: .lstm
    case .gru: .gru
    }
  }

  var initScheme: InitScheme {
    switch initializer {
    case .default: .default
    case .xavier: .xavier
    case .orthogonal: .orthogonal
    case .identity: .identity
    }
  }

  /// The optimiser of the trial with its `lr`, `weight_decay` and `momentum`.
  ///
  /// `momentum` applies to the optimisers that name it (`momentum`, `nesterov`). Plain `sgd`
  /// and `rmsprop` run without momentum, as PyTorch's `SGD` and `RMSprop` do by default: the
  /// key's default of 0.9 must not silently turn RMSprop into a momentum method. Every other setting is PyTorch's default (`OptimizerConfig`).
  var optimizerConfig: OptimizerConfig {
    let kind: OptimizerKind =
      switch optimizer {
      case .sgd: .sgd
      case .momentum: .momentum
      case .nesterov: .nesterov
      case .rmsprop: .rmsprop
      case .adam: .adam
      case .adamw: .adamw
      }
    let usesMomentum = kind == .momentum || kind == .nesterov
    return OptimizerConfig(
      kind: kind, lr: lr, momentum: usesMomentum ? momentum : 0, weightDecay: weightDecay)
  }

  /// The LSTM forget-gate bias handed to the initialiser: nil for 0, which keeps the scheme's
  /// biases; otherwise b_if + b_hf is set to the value (`Initializer.parameters`).
  var initialForgetBias: Float? {
    forgetBias == 0 ? nil : Float(forgetBias)
  }
}
