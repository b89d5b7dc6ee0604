#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One recurrent layer of the reference, run over a whole sequence and kept with everything
/// its backward pass reads. Equations as PyTorch's docs give them (`nn.RNN`, `nn.LSTM`,
/// `nn.GRU`); every quantity is `[B*X]` per step, index `b * X + j`.
struct ReferenceLayer: Sendable {
  struct Weights {
    /// `[G*H, I]`, `[G*H, H]`, `[G*H]`, `[G*H]`.
    let inputWeight: [Double]
    let hiddenWeight: [Double]
    let inputBias: [Double]
    let hiddenBias: [Double]
    /// I of this layer and G*H.
    let inputs: Int
    let gates: Int
  }

  /// x_t `[T][B*I]`.
  let inputs: [[Double]]
  /// h_t as the rest of the model reads it (offset added) `[T][B*H]`.
  var hidden: [[Double]] = []
  /// Per gate of `CellKind.saturationGates`: the activations `[gate][T][B*H]` (for the RNN,
  /// h_t before any offset; for the LSTM, `i f g o` and tanh(c_t)).
  var activations: [[[Double]]] = []
  /// LSTM: c_t. GRU: `W_hn h_{t-1} + b_hn`. `[T][B*H]`.
  var cellState: [[Double]] = []
  var hiddenNew: [[Double]] = []

  /// `W v + b` for every sequence: `[B*cols]` → `[B*rows]`.
  static func affine(_ w: [Double], _ bias: [Double], _ v: [Double], rows: Int, cols: Int)
    -> [Double]
  {
    let batch = v.count / cols
    var out = [Double](repeating: 0, count: batch * rows)
    for b in 0..<batch {
      for r in 0..<rows {
        var sum = bias[r]
        for c in 0..<cols { sum += w[r * cols + c] * v[b * cols + c] }
        out[b * rows + r] = sum
      }
    }
    return out
  }

  static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  static func forward(
    cell: CellKind, weights w: Weights, inputs: [[Double]], batch: Int, hiddenSize units: Int,
    offsets: [[Double]]?
  ) -> ReferenceLayer {
    let steps = inputs.count
    let gateCount = cell.gateCount
    var layer = ReferenceLayer(inputs: inputs)
    layer.activations = Array(repeating: [], count: cell.saturationGates.count)
    var hPrev = [Double](repeating: 0, count: batch * units)
    var cPrev = hPrev
    for t in 0..<steps {
      let ih = affine(
        w.inputWeight, w.inputBias, inputs[t], rows: gateCount * units, cols: w.inputs)
      let hh = affine(w.hiddenWeight, w.hiddenBias, hPrev, rows: gateCount * units, cols: units)
      var h = [Double](repeating: 0, count: batch * units)
      var acts = [[Double]](repeating: h, count: cell.saturationGates.count)
      var c = h
      var hn = h
      for b in 0..<batch {
        for j in 0..<units {
          let e = b * units + j
          // The pre-activation of gate g: W_i x + b_i + W_h h + b_h.
          func pre(_ g: Int) -> Double {
            ih[b * gateCount * units + g * units + j] + hh[b * gateCount * units + g * units + j]
          }
          switch cell {
          case .rnn:
            h[e] = tanh(pre(0))
            acts[0][e] = h[e]
          case .rnnRelu:
            h[e] = max(0, pre(0))
            acts[0][e] = h[e]
          case .lstm:
            let i = sigmoid(pre(0))
            let f = sigmoid(pre(1))
            let g = tanh(pre(2))
            let o = sigmoid(pre(3))
            c[e] = f * cPrev[e] + i * g
            h[e] = o * tanh(c[e])
            acts[0][e] = i
            acts[1][e] = f
            acts[2][e] = g
            acts[3][e] = o
            acts[4][e] = tanh(c[e])
          case .gru:
            let r = sigmoid(pre(0))
            let z = sigmoid(pre(1))
            hn[e] = hh[b * gateCount * units + 2 * units + j]
            let n = tanh(ih[b * gateCount * units + 2 * units + j] + r * hn[e])
            h[e] = (1 - z) * n + z * hPrev[e]
            acts[0][e] = r
            acts[1][e] = z
            acts[2][e] = n
          }
        }
      }
      if let offset = offsets?[t] { for e in 0..<h.count { h[e] += offset[e] } }
      for g in acts.indices { layer.activations[g].append(acts[g]) }
      layer.hidden.append(h)
      layer.cellState.append(c)
      layer.hiddenNew.append(hn)
      hPrev = h
      cPrev = c
    }
    return layer
  }
}
