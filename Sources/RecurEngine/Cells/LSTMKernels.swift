/// The element-wise math of one time step of an LSTM layer (PyTorch `nn.LSTM`, gate rows
/// `i, f, g, o`): `c_t = f c_{t-1} + i g`, `h_t = o tanh(c_t)` with `i, f, o` sigmoids and `g`
/// a tanh of `W_i* x_t + b_i* + W_h* h_{t-1} + b_h*` (Hochreiter & Schmidhuber 1997, with the
/// forget gate of Gers et al. 2000, as PyTorch's docs state it).
///
/// Each row is done in two vectorised passes while it sits in L1: the gate activations in
/// place, then the cell update.
enum LSTMKernels {
  /// In place on `gates` `[B, 4H]`: pre-activations (without bias) in, `i f g o` out; writes
  /// `cell` (c_t), `cellTanh` (tanh c_t) and `hidden` (h_t), each `[B, H]`, from `cellPrev`
  /// (c_{t-1}). `bias` `[4H]` is `b_ih + b_hh`.
  static func forward(
    gates: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
    cellPrev: UnsafePointer<Float>, cell: UnsafeMutablePointer<Float>,
    cellTanh: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>,
    batch: Int, size: Int
  ) {
    for b in 0..<batch {
      let row = gates + b * 4 * size
      activate(row, bias: bias, size: size)
      let offset = b * size
      update(
        gates: row, cellPrev: cellPrev + offset, cell: cell + offset,
        cellTanh: cellTanh + offset, hidden: hidden + offset, size: size)
    }
  }

  /// `i f` and `o` through the sigmoid, `g` through tanh, in place on one row `[4H]`.
  private static func activate(
    _ row: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, size: Int
  ) {
    for j in 0..<(2 * size) { row[j] = Activations.sigmoid(row[j] + bias[j]) }
    let g = row + 2 * size
    let gBias = bias + 2 * size
    for j in 0..<size { g[j] = Activations.tanh(g[j] + gBias[j]) }
    let o = row + 3 * size
    let oBias = bias + 3 * size
    for j in 0..<size { o[j] = Activations.sigmoid(o[j] + oBias[j]) }
  }

  /// `c = f c_prev + i g`, `tanh c`, `h = o tanh c` for one row.
  ///
  /// One store per loop: with more pointers written in one loop the compiler gives up on the
  /// run-time alias checks it needs to vectorise (it cannot know the buffers are distinct).
  private static func update(
    gates: UnsafePointer<Float>, cellPrev: UnsafePointer<Float>,
    cell: UnsafeMutablePointer<Float>, cellTanh: UnsafeMutablePointer<Float>,
    hidden: UnsafeMutablePointer<Float>, size: Int
  ) {
    let i = gates
    let f = gates + size
    let g = gates + 2 * size
    let o = gates + 3 * size
    for j in 0..<size { cell[j] = f[j] * cellPrev[j] + i[j] * g[j] }
    for j in 0..<size { cellTanh[j] = Activations.tanh(cell[j]) }
    for j in 0..<size { hidden[j] = o[j] * cellTanh[j] }
  }

  /// Backward through one step. `dHidden` is the total dL/dh_t and `dCell` (in: dL/dc_t from
  /// step t+1, out: dL/dc_{t-1}) carries the cell gradient. Writes `dGates` `[B, 4H]`, the
  /// gradient of the four pre-activations.
  static func backward(
    dHidden: UnsafePointer<Float>, dCell: UnsafeMutablePointer<Float>,
    gates: UnsafePointer<Float>, cellTanh: UnsafePointer<Float>, cellPrev: UnsafePointer<Float>,
    dGates: UnsafeMutablePointer<Float>, batch: Int, size: Int
  ) {
    for b in 0..<batch {
      let offset = b * size
      backwardRow(
        dHidden: dHidden + offset, dCell: dCell + offset, gates: gates + 4 * offset,
        cellTanh: cellTanh + offset, cellPrev: cellPrev + offset, dGates: dGates + 4 * offset,
        size: size)
    }
  }

  /// One row, one store per loop (see `update`).
  private static func backwardRow(
    dHidden dh: UnsafePointer<Float>, dCell dc: UnsafeMutablePointer<Float>,
    gates: UnsafePointer<Float>, cellTanh tc: UnsafePointer<Float>,
    cellPrev: UnsafePointer<Float>, dGates: UnsafeMutablePointer<Float>, size: Int
  ) {
    let i = gates
    let f = gates + size
    let g = gates + 2 * size
    let o = gates + 3 * size
    let di = dGates
    let df = dGates + size
    let dg = dGates + 2 * size
    let dout = dGates + 3 * size
    for j in 0..<size { dc[j] += dh[j] * o[j] * (1 - tc[j] * tc[j]) }  // dL/dc_t
    for j in 0..<size { dout[j] = dh[j] * tc[j] * o[j] * (1 - o[j]) }
    for j in 0..<size { di[j] = dc[j] * g[j] * i[j] * (1 - i[j]) }
    for j in 0..<size { dg[j] = dc[j] * i[j] * (1 - g[j] * g[j]) }
    for j in 0..<size { df[j] = dc[j] * cellPrev[j] * f[j] * (1 - f[j]) }
    for j in 0..<size { dc[j] *= f[j] }  // dL/dc_{t-1}
  }
}
