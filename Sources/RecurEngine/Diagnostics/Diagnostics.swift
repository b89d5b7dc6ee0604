/// What one diagnosed training step tells about how the model trains (DESIGN.md, The engine;
/// `Sources/RecurTraining/METRICS.md` names the fields as they are stored).
public struct Diagnostics: Sendable, Equatable {
  /// `[layers][T]`: the Frobenius norm over the batch of the total dL/dh_t of each layer (every
  /// path summed: the head or the layer above at t, and the recurrence from t+1; for the LSTM
  /// the h state, not c). The gradient-flow curve.
  public var hiddenGradNorm: [[Float]]
  /// The parameter names, in `parameterShapes` order.
  public var parameterNames: [String]
  /// The norm of each parameter's gradient (before any clipping), in the same order.
  public var parameterGradNorms: [Float]
  /// Gate saturation fractions per layer and gate (see `GateSaturation`).
  public var saturation: [GateSaturation]
  /// Per layer: the mean over steps and sequences of ‖h_t‖ (the Euclidean norm over H).
  public var hiddenNorm: [Float]
  /// Per layer: the largest singular value of `weight_hh_l{k}` (power iteration).
  public var spectralNorm: [Float]

  public init(
    hiddenGradNorm: [[Float]], parameterNames: [String], parameterGradNorms: [Float],
    saturation: [GateSaturation], hiddenNorm: [Float], spectralNorm: [Float]
  ) {
    self.hiddenGradNorm = hiddenGradNorm
    self.parameterNames = parameterNames
    self.parameterGradNorms = parameterGradNorms
    self.saturation = saturation
    self.hiddenNorm = hiddenNorm
    self.spectralNorm = spectralNorm
  }

  /// The gradient norm of each parameter by name (`rnn.weight_hh_l0`, …).
  public var parameterGradNormsByName: [String: Float] {
    Dictionary(uniqueKeysWithValues: zip(parameterNames, parameterGradNorms))
  }

  /// The saturation fractions keyed `l{k}.{gate}` (`l0.i`, `l1.n`, …), as METRICS.md stores them.
  public var saturationByKey: [String: Float] {
    Dictionary(uniqueKeysWithValues: saturation.map { ($0.key, $0.fraction) })
  }
}

/// The share of one gate's activations of one layer that sit in a saturated region, over all
/// T·B·H entries of a pass.
///
/// Sigmoid gates (LSTM `i f o`, GRU `r z`): activations below 0.05 or above 0.95. Tanh
/// activations (RNN `h`, LSTM `g` and `c` = tanh(c_t), GRU `n`): |a| > 0.95. For the relu RNN,
/// whose activation has no saturated tail, `h` counts the units at exactly zero: those pass no
/// gradient back, which is what saturation means for the other cells (dead or inactive units).
public struct GateSaturation: Sendable, Equatable {
  public var layer: Int
  /// The gate's name: `i f g o c` (LSTM), `r z n` (GRU), `h` (RNN).
  public var gate: String
  public var fraction: Float

  public init(layer: Int, gate: String, fraction: Float) {
    self.layer = layer
    self.gate = gate
    self.fraction = fraction
  }

  /// `l{layer}.{gate}`, the key of probe outputs and metric records.
  public var key: String { "l\(layer).\(gate)" }
}

extension CellKind {
  /// The gates whose saturation is reported, in order: `i f g o c`, `r z n` or `h`.
  public var saturationGates: [String] {
    switch self {
    case .rnn, .rnnRelu: ["h"]
    case .lstm: ["i", "f", "g", "o", "c"]
    case .gru: ["r", "z", "n"]
    }
  }

  /// How gate `index` of `saturationGates` saturates.
  var saturationRule: [SaturationRule] {
    switch self {
    case .rnn: [.tanh]
    case .rnnRelu: [.zero]
    case .lstm: [.sigmoid, .sigmoid, .tanh, .sigmoid, .tanh]
    case .gru: [.sigmoid, .sigmoid, .tanh]
    }
  }
}

/// When an activation counts as saturated (see `GateSaturation`).
enum SaturationRule {
  /// below 0.05 or above 0.95
  case sigmoid
  /// |a| > 0.95
  case tanh
  /// exactly 0 (relu)
  case zero

  func isSaturated(_ a: Double) -> Bool {
    switch self {
    case .sigmoid: a < 0.05 || a > 0.95
    case .tanh: abs(a) > 0.95
    case .zero: a == 0
    }
  }
}
