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

  /// One row in a single pass: eight lanes at a time as explicit `SIMD8` loads and stores (the
  /// compiler would not vectorise a loop with six stores, see `update`), the tail lane by lane.
  /// Both evaluate the same expressions in the same order, so every lane rounds as the
  /// scalar code does. One pass instead of six: the kernel went from 9.2% to 8.2% of an LSTM
  /// step at H = 128 in `perf` (it waits on loads of the gates stored by the forward pass).
  private static func backwardRow(
    dHidden dh: UnsafePointer<Float>, dCell dc: UnsafeMutablePointer<Float>,
    gates: UnsafePointer<Float>, cellTanh tc: UnsafePointer<Float>,
    cellPrev: UnsafePointer<Float>, dGates: UnsafeMutablePointer<Float>, size: Int
  ) {
    let lanes = SIMD8<Float>.scalarCount
    let vectorEnd = size / lanes * lanes
    var j = 0
    while j < vectorEnd {
      backwardLanes(
        dh + j, dc + j, gates + j, tc + j, cellPrev + j, dGates + j, size: size)
      j += lanes
    }
    while j < size {
      backwardLane(dh + j, dc + j, gates + j, tc + j, cellPrev + j, dGates + j, size: size)
      j += 1
    }
  }

  /// `backwardLane` on eight consecutive lanes.
  @inline(__always)
  private static func backwardLanes(
    _ dh: UnsafePointer<Float>, _ dc: UnsafeMutablePointer<Float>, _ gates: UnsafePointer<Float>,
    _ tc: UnsafePointer<Float>, _ cellPrev: UnsafePointer<Float>,
    _ dGates: UnsafeMutablePointer<Float>, size: Int
  ) {
    typealias V = SIMD8<Float>
    func load(_ p: UnsafePointer<Float>) -> V { UnsafeRawPointer(p).loadUnaligned(as: V.self) }
    func store(_ v: V, _ p: UnsafeMutablePointer<Float>) {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
    }
    let i = load(gates)
    let f = load(gates + size)
    let g = load(gates + 2 * size)
    let o = load(gates + 3 * size)
    let h = load(dh)
    let t = load(tc)
    let cell = load(dc) + h * o * (1 - t * t)  // dL/dc_t
    store(h * t * o * (1 - o), dGates + 3 * size)
    store(cell * g * i * (1 - i), dGates)
    store(cell * i * (1 - g * g), dGates + 2 * size)
    store(cell * load(cellPrev) * f * (1 - f), dGates + size)
    store(cell * f, dc)  // dL/dc_{t-1}
  }

  /// The backward formulas for one lane `j` (pointers already offset by `j`).
  @inline(__always)
  private static func backwardLane(
    _ dh: UnsafePointer<Float>, _ dc: UnsafeMutablePointer<Float>, _ gates: UnsafePointer<Float>,
    _ tc: UnsafePointer<Float>, _ cellPrev: UnsafePointer<Float>,
    _ dGates: UnsafeMutablePointer<Float>, size: Int
  ) {
    let i = gates[0]
    let f = gates[size]
    let g = gates[2 * size]
    let o = gates[3 * size]
    let h = dh[0]
    let t = tc[0]
    let cell = dc[0] + h * o * (1 - t * t)  // dL/dc_t
    dGates[3 * size] = h * t * o * (1 - o)
    dGates[0] = cell * g * i * (1 - i)
    dGates[2 * size] = cell * i * (1 - g * g)
    dGates[size] = cell * cellPrev[0] * f * (1 - f)
    dc[0] = cell * f  // dL/dc_{t-1}
  }
}
