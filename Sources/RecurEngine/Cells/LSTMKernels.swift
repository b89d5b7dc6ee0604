/// The element-wise math of one time step of an LSTM layer (PyTorch `nn.LSTM`, gate rows
/// `i, f, g, o`): `c_t = f c_{t-1} + i g`, `h_t = o tanh(c_t)` with `i, f, o` sigmoids and `g`
/// a tanh of `W_i* x_t + b_i* + W_h* h_{t-1} + b_h*` (Hochreiter & Schmidhuber 1997, with the
/// forget gate of Gers et al. 2000, as PyTorch's docs state it).
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
      let gi = gates + b * 4 * size
      let gf = gi + size
      let gg = gf + size
      let go = gg + size
      let row = b * size
      var j = 0
      while j < size {
        let n = min(Lanes.scalarCount, size - j)
        let i = VectorMath.sigmoid(LaneIO.load(gi + j, n) + LaneIO.load(bias + j, n))
        let f = VectorMath.sigmoid(LaneIO.load(gf + j, n) + LaneIO.load(bias + size + j, n))
        let g = VectorMath.tanh(LaneIO.load(gg + j, n) + LaneIO.load(bias + 2 * size + j, n))
        let o = VectorMath.sigmoid(LaneIO.load(go + j, n) + LaneIO.load(bias + 3 * size + j, n))
        let c = f * LaneIO.load(cellPrev + row + j, n) + i * g
        let tc = VectorMath.tanh(c)
        LaneIO.store(i, gi + j, n)
        LaneIO.store(f, gf + j, n)
        LaneIO.store(g, gg + j, n)
        LaneIO.store(o, go + j, n)
        LaneIO.store(c, cell + row + j, n)
        LaneIO.store(tc, cellTanh + row + j, n)
        LaneIO.store(o * tc, hidden + row + j, n)
        j += n
      }
    }
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
      let gi = gates + b * 4 * size
      let di = dGates + b * 4 * size
      let row = b * size
      var j = 0
      while j < size {
        let n = min(Lanes.scalarCount, size - j)
        let i = LaneIO.load(gi + j, n)
        let f = LaneIO.load(gi + size + j, n)
        let g = LaneIO.load(gi + 2 * size + j, n)
        let o = LaneIO.load(gi + 3 * size + j, n)
        let tc = LaneIO.load(cellTanh + row + j, n)
        let dh = LaneIO.load(dHidden + row + j, n)
        let dc = LaneIO.load(dCell + row + j, n) + dh * o * (1 - tc * tc)
        let dOut = dh * tc
        LaneIO.store(dc * g * i * (1 - i), di + j, n)
        LaneIO.store(dc * LaneIO.load(cellPrev + row + j, n) * f * (1 - f), di + size + j, n)
        LaneIO.store(dc * i * (1 - g * g), di + 2 * size + j, n)
        LaneIO.store(dOut * o * (1 - o), di + 3 * size + j, n)
        LaneIO.store(dc * f, dCell + row + j, n)
        j += n
      }
    }
  }
}
