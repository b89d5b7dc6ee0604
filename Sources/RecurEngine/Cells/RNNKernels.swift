/// The element-wise math of one time step of an Elman RNN layer (PyTorch `nn.RNN`):
/// `h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)` with `act` tanh or relu.
///
/// The GEMMs have already put `W_ih x_t + W_hh h_{t-1}` in place; these kernels add the bias,
/// apply the activation and, backwards, turn dL/dh_t into the gradient of the pre-activation.
/// Each loop runs over contiguous rows and vectorises (see `Activations`).
enum RNNKernels {
  /// In place on `hidden` `[B, H]`: pre-activation (without bias) in, `h_t` out.
  /// `bias` `[H]` is `b_ih + b_hh`.
  static func forward(
    hidden: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, batch: Int, size: Int,
    relu: Bool
  ) {
    for b in 0..<batch {
      let row = hidden + b * size
      if relu {
        for j in 0..<size { row[j] = Activations.relu(row[j] + bias[j]) }
      } else {
        for j in 0..<size { row[j] = Activations.tanh(row[j] + bias[j]) }
      }
    }
  }

  /// `dPre` `[B, H]` = dL/dh_t · act'(·), from `dHidden` (the total dL/dh_t) and `hidden` (h_t).
  /// tanh' = 1 - h²; relu' = 1 where h > 0, else 0 (as PyTorch's threshold_backward).
  static func backward(
    dHidden: UnsafePointer<Float>, hidden: UnsafePointer<Float>,
    dPre: UnsafeMutablePointer<Float>, count: Int, relu: Bool
  ) {
    if relu {
      for j in 0..<count { dPre[j] = hidden[j] > 0 ? dHidden[j] : 0 }
    } else {
      for j in 0..<count { dPre[j] = dHidden[j] * (1 - hidden[j] * hidden[j]) }
    }
  }
}
