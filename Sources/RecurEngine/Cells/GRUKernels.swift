/// The element-wise math of one time step of a GRU layer (PyTorch `nn.GRU`, gate rows
/// `r, z, n`): `r = σ(W_ir x + b_ir + W_hr h + b_hr)`, `z = σ(W_iz x + b_iz + W_hz h + b_hz)`,
/// `n = tanh(W_in x + b_in + r (W_hn h + b_hn))`, `h' = (1 - z) n + z h` (Cho et al. 2014 as
/// PyTorch's docs write it; computed as `(h - n) z + n`, as ATen's `GRUCell` does).
enum GRUKernels {
  /// In place on `gates` `[B, 3H]`: the input projection (without bias) in, `r z n` out.
  /// `recurrent` `[B, 3H]` is `W_hh h_{t-1}` (without bias). `bias` `[3H]` is
  /// `b_ir + b_hr, b_iz + b_hz, b_in`; `biasHiddenNew` `[H]` is `b_hn`. Writes
  /// `hiddenNew` (`W_hn h + b_hn`, needed backwards) and `hidden` (h_t), each `[B, H]`.
  static func forward(
    gates: UnsafeMutablePointer<Float>, recurrent: UnsafePointer<Float>,
    bias: UnsafePointer<Float>, biasHiddenNew: UnsafePointer<Float>,
    hiddenPrev: UnsafePointer<Float>, hiddenNew: UnsafeMutablePointer<Float>,
    hidden: UnsafeMutablePointer<Float>, batch: Int, size: Int
  ) {
    for b in 0..<batch {
      let gr = gates + b * 3 * size
      let hr = recurrent + b * 3 * size
      let row = b * size
      var j = 0
      while j < size {
        let n = min(Lanes.scalarCount, size - j)
        let r = VectorMath.sigmoid(
          LaneIO.load(gr + j, n) + LaneIO.load(hr + j, n) + LaneIO.load(bias + j, n))
        let z = VectorMath.sigmoid(
          LaneIO.load(gr + size + j, n) + LaneIO.load(hr + size + j, n)
            + LaneIO.load(bias + size + j, n))
        let hn = LaneIO.load(hr + 2 * size + j, n) + LaneIO.load(biasHiddenNew + j, n)
        let new = VectorMath.tanh(
          LaneIO.load(gr + 2 * size + j, n) + LaneIO.load(bias + 2 * size + j, n) + r * hn)
        let h = (LaneIO.load(hiddenPrev + row + j, n) - new) * z + new
        LaneIO.store(r, gr + j, n)
        LaneIO.store(z, gr + size + j, n)
        LaneIO.store(new, gr + 2 * size + j, n)
        LaneIO.store(hn, hiddenNew + row + j, n)
        LaneIO.store(h, hidden + row + j, n)
        j += n
      }
    }
  }

  /// Backward through one step from `dHidden`, the total dL/dh_t. Writes `dInput` `[B, 3H]`
  /// (gradient of `W_i* x + b_i*`), `dRecurrent` `[B, 3H]` (gradient of `W_h* h + b_h*`; its
  /// `n` block is the `n` pre-activation gradient times r) and adds the direct path
  /// `dL/dh_t · z` to `dHiddenPrev` (dL/dh_{t-1}) when there is a previous step.
  static func backward(
    dHidden: UnsafePointer<Float>, gates: UnsafePointer<Float>,
    hiddenNew: UnsafePointer<Float>, hiddenPrev: UnsafePointer<Float>,
    dInput: UnsafeMutablePointer<Float>, dRecurrent: UnsafeMutablePointer<Float>,
    dHiddenPrev: UnsafeMutablePointer<Float>?, batch: Int, size: Int
  ) {
    for b in 0..<batch {
      let gr = gates + b * 3 * size
      let dx = dInput + b * 3 * size
      let dr = dRecurrent + b * 3 * size
      let row = b * size
      var j = 0
      while j < size {
        let n = min(Lanes.scalarCount, size - j)
        let r = LaneIO.load(gr + j, n)
        let z = LaneIO.load(gr + size + j, n)
        let new = LaneIO.load(gr + 2 * size + j, n)
        let dh = LaneIO.load(dHidden + row + j, n)
        let hPrev = LaneIO.load(hiddenPrev + row + j, n)
        let dNewPre = dh * (1 - z) * (1 - new * new)
        let dResetPre = dNewPre * LaneIO.load(hiddenNew + row + j, n) * r * (1 - r)
        let dUpdatePre = dh * (hPrev - new) * z * (1 - z)
        LaneIO.store(dResetPre, dx + j, n)
        LaneIO.store(dUpdatePre, dx + size + j, n)
        LaneIO.store(dNewPre, dx + 2 * size + j, n)
        LaneIO.store(dResetPre, dr + j, n)
        LaneIO.store(dUpdatePre, dr + size + j, n)
        LaneIO.store(dNewPre * r, dr + 2 * size + j, n)
        if let prev = dHiddenPrev {
          LaneIO.store(LaneIO.load(prev + row + j, n) + dh * z, prev + row + j, n)
        }
        j += n
      }
    }
  }
}
