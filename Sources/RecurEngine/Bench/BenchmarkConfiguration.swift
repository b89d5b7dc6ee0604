/// One configuration of `recur bench engine` (issue 2, Speed): a model shape, a batch shape and
/// a loss, run with every cell asked for.
public struct BenchmarkConfiguration: Sendable, Equatable {
  public var name: String
  /// T, B, I, H, layers, O.
  public var steps: Int
  public var batch: Int
  public var inputSize: Int
  public var hiddenSize: Int
  public var layers: Int
  public var outputSize: Int
  public var loss: LossKind

  public init(
    name: String, steps: Int, batch: Int, inputSize: Int, hiddenSize: Int, layers: Int,
    outputSize: Int, loss: LossKind
  ) {
    self.name = name
    self.steps = steps
    self.batch = batch
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.layers = layers
    self.outputSize = outputSize
    self.loss = loss
  }

  /// The three configurations of issue 2: the adding problem at H = 128 and 512 (T = 100,
  /// B = 32, head on the last step, MSE) and a two-layer character model (T = 64, B = 32,
  /// one-hot I = 65, H = 256, 65 classes at every step, cross-entropy).
  public static let standard: [BenchmarkConfiguration] = [
    BenchmarkConfiguration(
      name: "adding-h128", steps: 100, batch: 32, inputSize: 2, hiddenSize: 128, layers: 1,
      outputSize: 1, loss: .mseLast),
    BenchmarkConfiguration(
      name: "adding-h512", steps: 100, batch: 32, inputSize: 2, hiddenSize: 512, layers: 1,
      outputSize: 1, loss: .mseLast),
    BenchmarkConfiguration(
      name: "charlm-h256x2", steps: 64, batch: 32, inputSize: 65, hiddenSize: 256, layers: 2,
      outputSize: 65, loss: .ceAll),
  ]

  /// The model of this configuration with `cell`.
  public func model(_ cell: CellKind) -> ModelConfig {
    ModelConfig(
      cell: cell, inputSize: inputSize, hiddenSize: hiddenSize, layers: layers,
      outputSize: outputSize)
  }

  /// The FLOPs of one training step, counted the usual way (issue 2): three times the forward
  /// GEMM FLOPs, `3 × (Σ_l 2·T·B·G·H·(I_l + H) + 2·B·H·O)`, the head term times T when the head
  /// applies at every step.
  public func flops(_ cell: CellKind) -> Double {
    let t = Double(steps)
    let b = Double(batch)
    let h = Double(hiddenSize)
    let g = Double(cell.gateCount)
    var forward = 0.0
    for k in 0..<layers {
      let inputs = Double(k == 0 ? inputSize : hiddenSize)
      forward += 2 * t * b * g * h * (inputs + h)
    }
    forward += 2 * b * h * Double(outputSize) * (loss.isPerStep ? t : 1)
    return 3 * forward
  }
}
