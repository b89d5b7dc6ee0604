#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A naive implementation of the whole model in Double, written to be read top to bottom and
/// checked by eye against the PyTorch docs: one time step, one sequence and one unit at a
/// time, no BLAS, no buffers shared between steps. It exists for the tests (finite
/// differences, the fast path, PyTorch fixtures), as llm.c keeps its reference beside its
/// kernels.
///
/// `hiddenOffsets` (`[layer][t][B*H]`), when given, is added to each h_t right after it is
/// computed, before the head, the layer above or the next step read it: the derivative of the
/// loss with respect to such an offset is exactly the total dL/dh_t, so finite differences on
/// it check `ReferencePass.hiddenGradients` (and through them `hidden_grad_norm`).
public struct ReferenceModel: Sendable {
  public let config: ModelConfig
  /// One array per entry of `config.parameterShapes`, row-major.
  public var parameters: [[Double]]

  public init(config: ModelConfig, parameters: [[Double]]) {
    precondition(parameters.count == config.parameterShapes.count, "one array per parameter")
    self.config = config
    self.parameters = parameters
  }

  /// The reference of a Float model (its parameters widened exactly).
  public init(_ model: Model) {
    self.init(config: model.config, parameters: model.parameters.map { $0.data.map(Double.init) })
  }

  /// Forward, loss and backward on `batch`.
  public func run(_ batch: Batch, loss: LossKind, hiddenOffsets: [[[Double]]]? = nil)
    -> ReferencePass
  {
    let steps = batch.steps
    let size = batch.size
    let width = batch.inputSize
    // xs[t] [B*I]: the batch's inputs, time-major.
    var xs: [[Double]] = (0..<steps).map { t in
      (0..<(size * width)).map { Double(batch.inputs[t * size * width + $0]) }
    }
    var layers: [ReferenceLayer] = []
    for k in 0..<config.layers {
      let layer = ReferenceLayer.forward(
        cell: config.cell, weights: layerParameters(k), inputs: xs, batch: size,
        hiddenSize: config.hiddenSize, offsets: hiddenOffsets?[k])
      layers.append(layer)
      xs = layer.hidden  // the next layer reads this one's h_t
    }
    let head = ReferenceHead(
      weight: parameters[4 * config.layers], bias: parameters[4 * config.layers + 1],
      outputs: config.outputSize, hiddenSize: config.hiddenSize)
    let top = layers[config.layers - 1].hidden
    let read = loss.isPerStep ? Array(0..<steps) : [steps - 1]  // the steps the head reads
    let outputs = read.map { head.forward(top[$0], batch: size) }
    let (value, dOutputs) = ReferenceLoss.evaluate(
      outputs, targets: batch.targets, loss: loss, batch: size)
    // Backward: the head, then each layer from the top, each handing dL/dx to the one below.
    var gradients = parameters.map { [Double](repeating: 0, count: $0.count) }
    var dHeadWeight = gradients[4 * config.layers]
    var dHeadBias = gradients[4 * config.layers + 1]
    let zeroHidden = [Double](repeating: 0, count: size * config.hiddenSize)
    var dAbove = [[Double]](repeating: zeroHidden, count: steps)
    for (index, t) in read.enumerated() {
      dAbove[t] = head.backward(
        dOutputs[index], input: top[t], batch: size, dWeight: &dHeadWeight, dBias: &dHeadBias)
    }
    gradients[4 * config.layers] = dHeadWeight
    gradients[4 * config.layers + 1] = dHeadBias
    var hiddenGradients = [[[Double]]](repeating: [], count: config.layers)
    for k in (0..<config.layers).reversed() {
      let back = layers[k].backward(
        dHidden: dAbove, weights: layerParameters(k), cell: config.cell, batch: size,
        hiddenSize: config.hiddenSize)
      for p in 0..<4 { gradients[4 * k + p] = back.gradients[p] }
      hiddenGradients[k] = back.totalHidden
      dAbove = back.dInputs
    }
    return ReferencePass(
      loss: value, outputs: outputs, gradients: gradients, hiddenGradients: hiddenGradients,
      layers: layers, config: config)
  }

  /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` of layer k.
  private func layerParameters(_ k: Int) -> ReferenceLayer.Weights {
    let inputs = k == 0 ? config.inputSize : config.hiddenSize
    return ReferenceLayer.Weights(
      inputWeight: parameters[4 * k], hiddenWeight: parameters[4 * k + 1],
      inputBias: parameters[4 * k + 2], hiddenBias: parameters[4 * k + 3], inputs: inputs,
      gates: config.cell.gateCount * config.hiddenSize)
  }
}

/// What the reference computes on one batch.
public struct ReferencePass: Sendable {
  public var loss: Double
  /// The head's outputs per step it reads `[T][B*O]`.
  public var outputs: [[Double]]
  /// dL/dθ in `parameterShapes` order.
  public var gradients: [[Double]]
  /// The total dL/dh_t `[layer][t][B*H]`.
  public var hiddenGradients: [[[Double]]]
  var layers: [ReferenceLayer]
  let config: ModelConfig

  /// `[layer][t]`: the Frobenius norm of dL/dh_t over the batch.
  public var hiddenGradNorm: [[Double]] {
    hiddenGradients.map { $0.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() } }
  }

  /// Per layer, per gate of `config.cell.saturationGates`: the saturated share of activations.
  public var saturation: [[Double]] {
    layers.map { layer in
      zip(config.cell.saturationGates.indices, config.cell.saturationRule).map { g, rule in
        let values = layer.activations[g].joined()
        let hits = values.filter { rule.isSaturated($0) }.count
        return Double(hits) / Double(values.count)
      }
    }
  }

  /// Per layer: the mean over t and b of ‖h_t‖.
  public var hiddenNorm: [Double] {
    layers.map { layer in
      let h = config.hiddenSize
      var sum = 0.0
      var count = 0
      for step in layer.hidden {
        for b in 0..<(step.count / h) {
          sum += step[(b * h)..<((b + 1) * h)].reduce(0) { $0 + $1 * $1 }.squareRoot()
          count += 1
        }
      }
      return sum / Double(count)
    }
  }
}
