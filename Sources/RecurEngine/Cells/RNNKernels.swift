/// The element-wise math of one time step of an Elman RNN layer (PyTorch `nn.RNN`):
/// `h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)` with `act` tanh or relu.
///
/// The GEMMs have already put `W_ih x_t + W_hh h_{t-1}` in place; these kernels add the bias,
/// apply the activation and, backwards, turn dL/dh_t into the gradient of the pre-activation.
enum RNNKernels {
  /// In place on `hidden` `[B, H]`: pre-activation (without bias) in, `h_t` out.
  /// `bias` `[H]` is `b_ih + b_hh`.
  static func forward(
    hidden: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, batch: Int, size: Int,
    relu: Bool
  ) {
    for b in 0..<batch {
      let row = hidden + b * size
      var j = 0
      while j < size {
        let n = min(Lanes.scalarCount, size - j)
        let pre = LaneIO.load(row + j, n) + LaneIO.load(bias + j, n)
        LaneIO.store(relu ? VectorMath.relu(pre) : VectorMath.tanh(pre), row + j, n)
        j += n
      }
    }
  }

  /// `dPre` `[B, H]` = dL/dh_t · act'(·), from `dHidden` (the total dL/dh_t) and `hidden` (h_t).
  /// tanh' = 1 - h²; relu' = 1 where h > 0, else 0 (as PyTorch's threshold_backward).
  static func backward(
    dHidden: UnsafePointer<Float>, hidden: UnsafePointer<Float>,
    dPre: UnsafeMutablePointer<Float>, count: Int, relu: Bool
  ) {
    var j = 0
    while j < count {
      let n = min(Lanes.scalarCount, count - j)
      let dh = LaneIO.load(dHidden + j, n)
      let h = LaneIO.load(hidden + j, n)
      let d = relu ? dh.replacing(with: 0, where: .!(h .> 0)) : dh * (1 - h * h)
      LaneIO.store(d, dPre + j, n)
      j += n
    }
  }
}
