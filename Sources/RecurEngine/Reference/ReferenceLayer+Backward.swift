extension ReferenceLayer {
  /// What backprop through one layer gives.
  struct Backward {
    /// dL/d of `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
    var gradients: [[Double]]
    /// The total dL/dh_t `[T][B*H]` (from above plus the recurrence).
    var totalHidden: [[Double]]
    /// dL/dx_t `[T][B*I]`, for the layer below.
    var dInputs: [[Double]]
  }

  /// Backprop through time from `dHidden`, the dL/dh_t `[T][B*H]` that reaches h_t from the
  /// head or the layer above.
  func backward(
    dHidden: [[Double]], weights w: Weights, cell: CellKind, batch: Int, hiddenSize units: Int
  ) -> Backward {
    let steps = inputs.count
    let gateCount = cell.gateCount
    var dWih = [Double](repeating: 0, count: w.inputWeight.count)
    var dWhh = [Double](repeating: 0, count: w.hiddenWeight.count)
    var dbih = [Double](repeating: 0, count: w.inputBias.count)
    var dbhh = [Double](repeating: 0, count: w.hiddenBias.count)
    var totalHidden = [[Double]](repeating: [], count: steps)
    var dInputs = [[Double]](repeating: [], count: steps)
    var dhNext = [Double](repeating: 0, count: batch * units)  // from step t+1
    var dcNext = dhNext
    for t in (0..<steps).reversed() {
      let dh = zip(dHidden[t], dhNext).map { $0 + $1 }
      totalHidden[t] = dh
      let hPrev = t > 0 ? hidden[t - 1] : [Double](repeating: 0, count: batch * units)
      let cPrev = t > 0 ? cellState[t - 1] : [Double](repeating: 0, count: batch * units)
      // Gradients of the input-side (W_i x + b_i) and hidden-side (W_h h + b_h) pre-activations.
      var dIH = [Double](repeating: 0, count: batch * gateCount * units)
      var dHH = dIH
      var dhDirect = [Double](repeating: 0, count: batch * units)
      for b in 0..<batch {
        for j in 0..<units {
          let e = b * units + j
          func at(_ g: Int) -> Int { b * gateCount * units + g * units + j }
          func act(_ g: Int) -> Double { activations[g][t][e] }
          switch cell {
          case .rnn:
            dIH[at(0)] = dh[e] * (1 - act(0) * act(0))
            dHH[at(0)] = dIH[at(0)]
          case .rnnRelu:
            dIH[at(0)] = act(0) > 0 ? dh[e] : 0
            dHH[at(0)] = dIH[at(0)]
          case .lstm:
            let (i, f, g, o, tc) = (act(0), act(1), act(2), act(3), act(4))
            let dc = dcNext[e] + dh[e] * o * (1 - tc * tc)
            dIH[at(0)] = dc * g * i * (1 - i)
            dIH[at(1)] = dc * cPrev[e] * f * (1 - f)
            dIH[at(2)] = dc * i * (1 - g * g)
            dIH[at(3)] = dh[e] * tc * o * (1 - o)
            for q in 0..<4 { dHH[at(q)] = dIH[at(q)] }
            dcNext[e] = dc * f  // becomes dL/dc_{t-1}
          case .gru:
            let (r, z, n) = (act(0), act(1), act(2))
            let dnPre = dh[e] * (1 - z) * (1 - n * n)
            dIH[at(0)] = dnPre * hiddenNew[t][e] * r * (1 - r)
            dIH[at(1)] = dh[e] * (hPrev[e] - n) * z * (1 - z)
            dIH[at(2)] = dnPre
            dHH[at(0)] = dIH[at(0)]
            dHH[at(1)] = dIH[at(1)]
            dHH[at(2)] = dnPre * r
            dhDirect[e] = dh[e] * z
          }
        }
      }
      accumulateOuter(&dWih, dIH, inputs[t], rows: gateCount * units, cols: w.inputs)
      accumulateOuter(&dWhh, dHH, hPrev, rows: gateCount * units, cols: units)
      for b in 0..<batch {
        for r in 0..<(gateCount * units) {
          dbih[r] += dIH[b * gateCount * units + r]
          dbhh[r] += dHH[b * gateCount * units + r]
        }
      }
      dInputs[t] = transposedProduct(w.inputWeight, dIH, rows: gateCount * units, cols: w.inputs)
      dhNext = zip(
        transposedProduct(w.hiddenWeight, dHH, rows: gateCount * units, cols: units), dhDirect
      )
      .map { $0 + $1 }
    }
    return Backward(
      gradients: [dWih, dWhh, dbih, dbhh], totalHidden: totalHidden, dInputs: dInputs)
  }

  /// `dW[rows, cols] += Σ_b d_b^T v_b`.
  private func accumulateOuter(
    _ dW: inout [Double], _ d: [Double], _ v: [Double], rows: Int, cols: Int
  ) {
    let batch = d.count / rows
    for b in 0..<batch {
      for r in 0..<rows {
        for c in 0..<cols { dW[r * cols + c] += d[b * rows + r] * v[b * cols + c] }
      }
    }
  }

  /// `W^T d` for every sequence: `[B*rows]` → `[B*cols]`.
  private func transposedProduct(_ w: [Double], _ d: [Double], rows: Int, cols: Int)
    -> [Double]
  {
    let batch = d.count / rows
    var out = [Double](repeating: 0, count: batch * cols)
    for b in 0..<batch {
      for r in 0..<rows {
        for c in 0..<cols { out[b * cols + c] += w[r * cols + c] * d[b * rows + r] }
      }
    }
    return out
  }
}
