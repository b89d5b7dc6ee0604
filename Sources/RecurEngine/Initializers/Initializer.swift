/// Draws a model's initial parameters from a seeded generator.
///
/// Every scheme fills the parameters in the canonical order of `ModelConfig.parameterShapes`,
/// each tensor row-major, drawing from the one generator passed in; the same configuration and
/// generator state therefore give the same tensors, bit for bit, on every run.
public enum Initializer {
  /// The initial parameters of `model`, in the order of `ModelConfig.parameterShapes`.
  ///
  /// Per scheme, with H the hidden size, I_k the input width of layer k, O the output width:
  /// - `default`: PyTorch's. Every `rnn.*` parameter U(-1/√H, 1/√H) (`nn.RNN.reset_parameters`);
  ///   the head as `nn.Linear.reset_parameters` (Kaiming uniform with a = √5, which is
  ///   U(-1/√H, 1/√H) for the weight, and the bias U(-1/√H, 1/√H)).
  /// - `xavier`: Glorot & Bengio (2010) uniform, U(-b, b) with b = √(6 / (fan_in + fan_out)),
  ///   taken per gate block, since each gate is its own map from I_k (or H) to H: `weight_ih`
  ///   b = √(6 / (I_k + H)), `weight_hh` b = √(6 / 2H) (PyTorch's `xavier_uniform_` on the
  ///   whole stacked matrix would use fan_out = G·H and make gated cells' weights smaller);
  ///   head weight b = √(6 / (H + O)). All biases 0.
  /// - `orthogonal`: each H×H gate block of `weight_hh` is the Q factor of a standard Gaussian
  ///   matrix with the signs of R's diagonal folded in, as `torch.nn.init.orthogonal_`
  ///   (Saxe et al. 2014; Mezzadri 2007 for the sign correction that makes Q Haar-distributed);
  ///   input and head weights as `xavier`; biases 0.
  /// - `identity`: each gate block of `weight_hh` is the identity; biases 0. For `rnn_relu`
  ///   this is the IRNN of Le, Jaitly & Hinton (2015): its non-recurrent weights (`weight_ih`
  ///   and the head weight) are N(0, 0.001²), as in the paper's experiments; the same is used
  ///   for the tanh `rnn`. For `lstm` and `gru` the paper has no recipe: the identity goes in
  ///   every gate block (so each gate starts as a copy of the previous h) and the input and
  ///   head weights are `xavier`, since 0.001 inputs would leave the gates blind to the input.
  ///
  /// Then, for every scheme: `initScale` multiplies every `weight_hh` (1 leaves it; above 1 it
  /// provokes saturation and exploding gradients on purpose), and for an LSTM a `forgetBias`
  /// sets the forget-gate block (rows H..<2H) of `bias_ih` to the value and of `bias_hh` to 0,
  /// so that the total forget bias b_if + b_hf is the value (Gers, Schmidhuber & Cummins 2000;
  /// Jozefowicz, Zaremba & Sutskever 2015 recommend 1). `forgetBias` is ignored by the other
  /// cells, which have no forget gate; nil keeps the scheme's biases.
  public static func parameters(
    for model: ModelConfig, scheme: InitScheme = .default, initScale: Float = 1,
    forgetBias: Float? = nil, generator: inout SeededGenerator
  ) -> [Tensor] {
    let shapes = model.parameterShapes
    var result: [Tensor] = []
    result.reserveCapacity(shapes.count)
    for (index, entry) in shapes.enumerated() {
      let role = Role(index: index, layers: model.layers)
      var tensor = draw(role, shape: entry.shape, model: model, scheme: scheme, &generator)
      if role == .weightHH && initScale != 1 {
        for j in tensor.data.indices { tensor.data[j] *= initScale }
      }
      if model.cell == .lstm, let forgetBias, role == .biasIH || role == .biasHH {
        let h = model.hiddenSize
        let value = role == .biasIH ? forgetBias : 0
        for j in h..<(2 * h) { tensor.data[j] = value }
      }
      result.append(tensor)
    }
    return result
  }

  /// What a parameter is, from its position in the canonical order.
  enum Role: Equatable {
    case weightIH, weightHH, biasIH, biasHH, headWeight, headBias

    init(index: Int, layers: Int) {
      if index >= 4 * layers {
        self = index == 4 * layers ? .headWeight : .headBias
      } else {
        self = [Role.weightIH, .weightHH, .biasIH, .biasHH][index % 4]
      }
    }
  }

  private static func draw(
    _ role: Role, shape: [Int], model: ModelConfig, scheme: InitScheme,
    _ generator: inout SeededGenerator
  ) -> Tensor {
    let h = model.hiddenSize
    let fanIn = shape.count == 2 ? shape[1] : h
    switch (scheme, role) {
    case (.default, _):
      let bound = 1 / Float(h).squareRoot()
      return uniform(shape, bound: bound, &generator)
    case (_, .biasIH), (_, .biasHH), (_, .headBias):
      return Tensor(zeros: shape)
    case (.xavier, .weightHH):
      return uniform(shape, bound: xavierBound(fanIn: h, fanOut: h), &generator)
    case (.orthogonal, .weightHH):
      return orthogonalBlocks(shape, hidden: h, &generator)
    case (.identity, .weightHH):
      return identityBlocks(shape, hidden: h)
    case (.identity, _) where model.cell == .rnn || model.cell == .rnnRelu:
      return gaussian(shape, standardDeviation: 0.001, &generator)
    case (_, .headWeight):
      return uniform(shape, bound: xavierBound(fanIn: h, fanOut: shape[0]), &generator)
    case (_, .weightIH):
      return uniform(shape, bound: xavierBound(fanIn: fanIn, fanOut: h), &generator)
    }
  }

  /// Glorot & Bengio (2010), eq. 16: U(-b, b) with b = √(6 / (fan_in + fan_out)).
  static func xavierBound(fanIn: Int, fanOut: Int) -> Float {
    Float((6 / Double(fanIn + fanOut)).squareRoot())
  }

  static func uniform(_ shape: [Int], bound: Float, _ generator: inout SeededGenerator)
    -> Tensor
  {
    var tensor = Tensor(zeros: shape)
    for j in tensor.data.indices { tensor.data[j] = generator.uniform(-bound, bound) }
    return tensor
  }

  static func gaussian(
    _ shape: [Int], standardDeviation: Double, _ generator: inout SeededGenerator
  ) -> Tensor {
    var tensor = Tensor(zeros: shape)
    for j in tensor.data.indices {
      tensor.data[j] = Float(standardDeviation * generator.normal())
    }
    return tensor
  }

  /// `[G*H, H]` with each H×H gate block the identity.
  static func identityBlocks(_ shape: [Int], hidden h: Int) -> Tensor {
    var tensor = Tensor(zeros: shape)
    for row in 0..<shape[0] { tensor.data[row * h + row % h] = 1 }
    return tensor
  }
}
