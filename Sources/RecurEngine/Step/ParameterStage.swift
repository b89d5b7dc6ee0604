/// The model's parameters copied into fixed buffers for one step, with the biases combined as
/// the kernels use them, and the buffers the gradients are written into.
///
/// Copying (a few MB at most, well under 1% of a step) gives the time loop stable pointers and
/// leaves `Model.parameters` plain value tensors that optimisers and checkpoints own.
final class ParameterStage {
  let config: ModelConfig
  /// One buffer per parameter, in `parameterShapes` order.
  let values: [FloatBuffer]
  /// The gradient of each parameter, same order and sizes.
  let gradients: [FloatBuffer]
  /// Per layer, the bias the kernels add `[G*H]`: `b_ih + b_hh`, except the GRU's `n` block,
  /// which is `b_in` alone (`b_hn` sits inside `r * (W_hn h + b_hn)`).
  let combinedBias: [FloatBuffer]
  /// Per layer, `weight_ih^T` `[I_k, G*H]` and `weight_hh^T` `[H, G*H]`: the forward GEMMs
  /// `x W_ih^T` and `h W_hh^T` then read their weights untransposed, which OpenBLAS runs
  /// 5–25% faster at these shapes (measured: 95 against 76 GFLOP/s for `[32,128]·[128,512]`).
  let inputWeightTransposed: [FloatBuffer]
  let hiddenWeightTransposed: [FloatBuffer]
  /// Scratch `[I + 1, G*H]` for the gradients of a narrow first layer
  /// (`TrainingStep.accumulateNarrowInputs`).
  let narrowInputSums: FloatBuffer

  init(config: ModelConfig) {
    self.config = config
    let sizes = config.parameterShapes.map { $0.shape.reduce(1, *) }
    values = sizes.map { FloatBuffer(count: $0) }
    gradients = sizes.map { FloatBuffer(count: $0) }
    combinedBias = (0..<config.layers).map { _ in
      FloatBuffer(count: config.cell.gateCount * config.hiddenSize)
    }
    inputWeightTransposed = (0..<config.layers).map { sizes[4 * $0] }.map(FloatBuffer.init)
    hiddenWeightTransposed = (0..<config.layers).map { sizes[4 * $0 + 1] }.map(FloatBuffer.init)
    narrowInputSums = FloatBuffer(
      count: (config.inputSize + 1) * config.cell.gateCount * config.hiddenSize)
  }

  /// Copies the model's parameters in and combines the biases.
  func load(_ model: Model) {
    for (buffer, tensor) in zip(values, model.parameters) { buffer.copy(from: tensor.data) }
    let h = config.hiddenSize
    let gh = config.cell.gateCount * h
    let additive = config.cell == .gru ? 2 * h : gh
    for layer in 0..<config.layers {
      let bih = biasInput(layer)
      let bhh = biasHidden(layer)
      let out = combinedBias[layer].pointer
      for j in 0..<gh { out[j] = j < additive ? bih[j] + bhh[j] : bih[j] }
      let inputs = layer == 0 ? config.inputSize : h
      BLAS.transpose(
        weightInput(layer), rows: gh, columns: inputs, into: inputWeightTransposed[layer].pointer)
      BLAS.transpose(
        weightHidden(layer), rows: gh, columns: h, into: hiddenWeightTransposed[layer].pointer)
    }
  }

  /// `weight_ih_l{k}` `[G*H, I_k]`.
  func weightInput(_ layer: Int) -> UnsafeMutablePointer<Float> { values[4 * layer].pointer }
  /// `weight_hh_l{k}` `[G*H, H]`.
  func weightHidden(_ layer: Int) -> UnsafeMutablePointer<Float> {
    values[4 * layer + 1].pointer
  }
  /// `bias_ih_l{k}` `[G*H]`.
  func biasInput(_ layer: Int) -> UnsafeMutablePointer<Float> { values[4 * layer + 2].pointer }
  /// `bias_hh_l{k}` `[G*H]`.
  func biasHidden(_ layer: Int) -> UnsafeMutablePointer<Float> {
    values[4 * layer + 3].pointer
  }
  /// `head.weight` `[O, H]`.
  var headWeight: UnsafeMutablePointer<Float> { values[4 * config.layers].pointer }
  /// `head.bias` `[O]`.
  var headBias: UnsafeMutablePointer<Float> { values[4 * config.layers + 1].pointer }

  /// The gradient buffer of parameter `index` (in `parameterShapes` order).
  func gradient(_ index: Int) -> UnsafeMutablePointer<Float> { gradients[index].pointer }

  /// The gradients as tensors, in `parameterShapes` order.
  func gradientTensors() -> [Tensor] {
    zip(config.parameterShapes, gradients).map { Tensor(shape: $0.shape, data: $1.array) }
  }
}
