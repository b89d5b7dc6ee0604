/// Every activation buffer of one step for one batch shape (T, B), allocated once and reused.
///
/// Layout is time-major as PyTorch's: a `[T, B, X]` buffer holds step t's `[B, X]` block at
/// offset `t * B * X`, so that a layer's input projections (and its weight gradients) are one
/// GEMM over `T * B` rows.
final class Workspace {
  let steps: Int
  let batch: Int
  let config: ModelConfig
  /// Whether the backward buffers exist.
  let training: Bool
  /// The batch's inputs `[T, B, I]`.
  let inputs: FloatBuffer
  /// Per layer.
  let layers: [LayerBuffers]
  /// The head's outputs (regression values or logits) `[B, O]` or `[T, B, O]`.
  let outputs: FloatBuffer
  /// The loss's gradient with respect to `outputs`, same shape.
  let dOutputs: FloatBuffer
  /// Pre-activation gradients of the layer being differentiated `[T, B, G*H]`.
  let dGates: FloatBuffer
  /// GRU only: gradients of the recurrent pre-activations `[T, B, 3H]` (see `GRUKernels`).
  let dGatesHidden: FloatBuffer?
  /// GRU: `W_hh h_{t-1}` for the current step `[B, 3H]`; LSTM: the cell gradient carry `[B, H]`.
  let scratch: FloatBuffer
  /// The zero initial state `[B, H]`.
  let zeroState: FloatBuffer
  /// `T * B` ones, to sum bias gradients over rows with one GEMV.
  let ones: FloatBuffer

  /// A workspace for batches of `steps` × `batch`; with `training` false, only the forward
  /// buffers get memory (evaluation).
  init(config: ModelConfig, loss: LossKind, steps: Int, batch: Int, training: Bool) {
    self.steps = steps
    self.batch = batch
    self.config = config
    self.training = training
    let h = config.hiddenSize
    let gh = config.cell.gateCount * h
    let rows = steps * batch
    inputs = FloatBuffer(count: rows * config.inputSize)
    let backRows = training ? rows : 0
    layers = (0..<config.layers).map { _ in
      LayerBuffers(cell: config.cell, rows: rows, size: h, backwardRows: backRows)
    }
    let outputRows = loss.isPerStep ? rows : batch
    outputs = FloatBuffer(count: outputRows * config.outputSize)
    dOutputs = FloatBuffer(count: training ? outputRows * config.outputSize : 0)
    dGates = FloatBuffer(count: backRows * gh)
    dGatesHidden = config.cell == .gru ? FloatBuffer(count: backRows * gh) : nil
    scratch = FloatBuffer(count: batch * (config.cell == .gru ? gh : h))
    zeroState = FloatBuffer(count: batch * h)
    ones = FloatBuffer(count: rows)
    ones.pointer.update(repeating: 1, count: rows)
  }

  /// The input of layer `k` `[T, B, I_k]`: the batch for layer 0, the hidden states below else.
  func layerInput(_ k: Int) -> UnsafeMutablePointer<Float> {
    k == 0 ? inputs.pointer : layers[k - 1].hidden.pointer
  }
}

/// The buffers of one layer, each `[T, B, X]`.
final class LayerBuffers {
  /// h_t `[T, B, H]`.
  let hidden: FloatBuffer
  /// Gate activations `[T, B, G*H]` (`i f g o` or `r z n`); for the RNN, the same buffer as
  /// `hidden` (its only activation is h_t).
  let gates: FloatBuffer
  /// LSTM: c_t and tanh(c_t) `[T, B, H]`.
  let cell: FloatBuffer?
  let cellTanh: FloatBuffer?
  /// GRU: `W_hn h_{t-1} + b_hn` `[T, B, H]`.
  let hiddenNew: FloatBuffer?
  /// The total dL/dh_t `[T, B, H]` once the layer's backward pass is done.
  let dHidden: FloatBuffer

  init(cell kind: CellKind, rows: Int, size: Int, backwardRows: Int) {
    hidden = FloatBuffer(count: rows * size)
    gates = kind.gateCount == 1 ? hidden : FloatBuffer(count: rows * kind.gateCount * size)
    cell = kind == .lstm ? FloatBuffer(count: rows * size) : nil
    cellTanh = kind == .lstm ? FloatBuffer(count: rows * size) : nil
    hiddenNew = kind == .gru ? FloatBuffer(count: rows * size) : nil
    dHidden = FloatBuffer(count: backwardRows * size)
  }
}
