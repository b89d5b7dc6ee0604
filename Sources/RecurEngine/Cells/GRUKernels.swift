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
      let row = gates + b * 3 * size
      let hRow = recurrent + b * 3 * size
      for j in 0..<(2 * size) { row[j] = Activations.sigmoid(row[j] + hRow[j] + bias[j]) }
      let offset = b * size
      newGate(
        gates: row, recurrent: hRow, bias: bias, biasHiddenNew: biasHiddenNew,
        hiddenPrev: hiddenPrev + offset, hiddenNew: hiddenNew + offset, hidden: hidden + offset,
        size: size)
    }
  }

  /// `n` and h_t for one row whose `r` and `z` are done; one store per loop, so that each
  /// loop vectorises (see `LSTMKernels.update`).
  private static func newGate(
    gates: UnsafeMutablePointer<Float>, recurrent: UnsafePointer<Float>,
    bias: UnsafePointer<Float>, biasHiddenNew: UnsafePointer<Float>,
    hiddenPrev: UnsafePointer<Float>, hiddenNew: UnsafeMutablePointer<Float>,
    hidden: UnsafeMutablePointer<Float>, size: Int
  ) {
    let r = UnsafePointer(gates)
    let z = r + size
    let n = gates + 2 * size
    let hn = recurrent + 2 * size
    let nBias = bias + 2 * size
    for j in 0..<size { hiddenNew[j] = hn[j] + biasHiddenNew[j] }
    // r (W_hn h + b_hn), parked in `hidden`: a loop that stores to `n` and reads `r` from the
    // same row would not vectorise (their distance is not known at compile time).
    for j in 0..<size { hidden[j] = r[j] * hiddenNew[j] }
    for j in 0..<size { n[j] = Activations.tanh(n[j] + nBias[j] + hidden[j]) }
    for j in 0..<size { hidden[j] = (hiddenPrev[j] - n[j]) * z[j] + n[j] }
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
      let offset = b * size
      backwardRow(
        dHidden: dHidden + offset, gates: gates + 3 * offset, hiddenNew: hiddenNew + offset,
        hiddenPrev: hiddenPrev + offset, dInput: dInput + 3 * offset,
        dRecurrent: dRecurrent + 3 * offset, size: size)
      if let prev = dHiddenPrev.map({ $0 + offset }) {
        let z = gates + 3 * offset + size
        let dh = dHidden + offset
        for j in 0..<size { prev[j] += dh[j] * z[j] }
      }
    }
  }

  /// One row, one store per loop.
  private static func backwardRow(
    dHidden dh: UnsafePointer<Float>, gates: UnsafePointer<Float>,
    hiddenNew: UnsafePointer<Float>, hiddenPrev: UnsafePointer<Float>,
    dInput: UnsafeMutablePointer<Float>, dRecurrent: UnsafeMutablePointer<Float>, size: Int
  ) {
    let r = gates
    let z = gates + size
    let n = gates + 2 * size
    let dr = dInput
    let dz = dInput + size
    let dn = dInput + 2 * size
    for j in 0..<size { dn[j] = dh[j] * (1 - z[j]) * (1 - n[j] * n[j]) }
    // dn recomputed, not read back from the row `dr` is stored in (see `newGate`).
    for j in 0..<size {
      dr[j] = dh[j] * (1 - z[j]) * (1 - n[j] * n[j]) * hiddenNew[j] * r[j] * (1 - r[j])
    }
    for j in 0..<size { dz[j] = dh[j] * (hiddenPrev[j] - n[j]) * z[j] * (1 - z[j]) }
    dRecurrent.update(from: dInput, count: 2 * size)
    let dRecurrentNew = dRecurrent + 2 * size
    for j in 0..<size { dRecurrentNew[j] = dn[j] * r[j] }
  }
}
