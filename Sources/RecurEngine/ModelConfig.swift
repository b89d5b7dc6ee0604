/// The recurrent cell of every layer of a stack, named as in checkpoints and sweep files.
///
/// Gate rows follow PyTorch (`torch.nn.RNN`, `LSTM`, `GRU` docs): LSTM `i, f, g, o`;
/// GRU `r, z, n` with `n = tanh(W_in x + b_in + r * (W_hn h + b_hn))`, `h' = (1 - z) n + z h`.
public enum CellKind: String, CaseIterable, Sendable, Codable {
  case rnn
  case rnnRelu = "rnn_relu"
  case lstm
  case gru

  /// G, the number of gate blocks stacked in the rows of `weight_ih` and `weight_hh`.
  public var gateCount: Int {
    switch self {
    case .rnn, .rnnRelu: 1
    case .gru: 3
    case .lstm: 4
    }
  }
}

/// The shape of a model: a stack of recurrent layers (`rnn.*`) and a linear head (`head.*`).
public struct ModelConfig: Sendable, Equatable, Codable {
  public var cell: CellKind
  /// I, the input features of the first layer.
  public var inputSize: Int
  /// H, the hidden size of every layer.
  public var hiddenSize: Int
  /// The number of stacked layers (1 or more).
  public var layers: Int
  /// O, the head's output width (regression outputs or classes).
  public var outputSize: Int

  public init(cell: CellKind, inputSize: Int, hiddenSize: Int, layers: Int, outputSize: Int) {
    self.cell = cell
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.layers = layers
    self.outputSize = outputSize
  }

  /// Every parameter's PyTorch name and shape, in the engine's canonical order: per layer k
  /// `rnn.weight_ih_l{k}` `[G*H, I_k]`, `rnn.weight_hh_l{k}` `[G*H, H]`, `rnn.bias_ih_l{k}`
  /// `[G*H]`, `rnn.bias_hh_l{k}` `[G*H]`; then `head.weight` `[O, H]`, `head.bias` `[O]`.
  /// This is the order of `Model.parameters`, of gradients and of optimiser state.
  public var parameterShapes: [(name: String, shape: [Int])] {
    let gh = cell.gateCount * hiddenSize
    var result: [(name: String, shape: [Int])] = []
    for k in 0..<layers {
      let inputs = k == 0 ? inputSize : hiddenSize
      result.append(("rnn.weight_ih_l\(k)", [gh, inputs]))
      result.append(("rnn.weight_hh_l\(k)", [gh, hiddenSize]))
      result.append(("rnn.bias_ih_l\(k)", [gh]))
      result.append(("rnn.bias_hh_l\(k)", [gh]))
    }
    result.append(("head.weight", [outputSize, hiddenSize]))
    result.append(("head.bias", [outputSize]))
    return result
  }
}

/// A named-by-position float32 tensor: a shape and its row-major values.
public struct Tensor: Sendable, Equatable {
  public var shape: [Int]
  public var data: [Float]

  public init(shape: [Int], data: [Float]) {
    precondition(shape.reduce(1, *) == data.count, "data must hold the product of the shape")
    self.shape = shape
    self.data = data
  }

  /// A tensor of zeros.
  public init(zeros shape: [Int]) {
    self.shape = shape
    self.data = [Float](repeating: 0, count: shape.reduce(1, *))
  }
}
