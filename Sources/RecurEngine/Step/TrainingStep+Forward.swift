extension TrainingStep {
  /// Runs every layer over the whole sequence: `space.layers[k]` then holds h_t and the gate
  /// activations of every step.
  func forward(_ space: Workspace) {
    for k in 0..<config.layers {
      if !projectsPerStep(k) { projectInputs(k, space, steps: 0..<space.steps) }
      switch config.cell {
      case .rnn, .rnnRelu: forwardRNN(k, space)
      case .lstm: forwardLSTM(k, space)
      case .gru: forwardGRU(k, space)
      }
    }
  }

  /// Inputs at most this wide (the adding problem's 2) are projected step by step inside the
  /// time loop, into the step's block while it is in cache: one GEMM over all steps with
  /// K = 2 is bound by writing `[T*B, G*H]` to memory and ran at ~8 GFLOP/s.
  static let narrowInputs = 8

  /// Whether layer `k` projects its inputs step by step (see `narrowInputs`).
  func projectsPerStep(_ k: Int) -> Bool { k == 0 && config.inputSize <= Self.narrowInputs }

  /// `gates[steps, B, G*H] = x[steps, B, I] · W_ih^T` (biases are added by the gate kernels),
  /// `W_ih^T` staged `[I, G*H]`: one GEMM, or for narrow inputs a sum of I scaled rows.
  private func projectInputs(_ k: Int, _ space: Workspace, steps: Range<Int>) {
    let inputs = k == 0 ? config.inputSize : config.hiddenSize
    let gh = config.cell.gateCount * config.hiddenSize
    let rows = steps.lowerBound * space.batch..<steps.upperBound * space.batch
    let x = space.layerInput(k) + rows.lowerBound * inputs
    let out = space.layers[k].gates.pointer + rows.lowerBound * gh
    let weights = stage.inputWeightTransposed[k].pointer
    guard projectsPerStep(k) else {
      BLAS.sgemm(
        .none, .none, m: rows.count, n: gh, k: inputs, a: x, lda: inputs, b: weights, ldb: gh,
        beta: 0, c: out, ldc: gh)
      return
    }
    for r in 0..<rows.count {
      projectNarrowRow(x + r * inputs, inputs: inputs, weights: weights, into: out + r * gh, gh)
    }
  }

  /// `row[G*H] = Σ_i x_i W_ih^T[i]`, the first two terms in one pass (as `x_0 w_0 + x_1 w_1`,
  /// the order two passes would add them in): a pass less over the row for the adding
  /// problem's two inputs.
  private func projectNarrowRow(
    _ x: UnsafePointer<Float>, inputs: Int, weights: UnsafePointer<Float>,
    into row: UnsafeMutablePointer<Float>, _ gh: Int
  ) {
    let first = x[0]
    if inputs >= 2 {
      let second = x[1]
      let w = weights + gh
      for j in 0..<gh { row[j] = first * weights[j] + second * w[j] }
    } else {
      for j in 0..<gh { row[j] = first * weights[j] }
    }
    for i in 2..<max(2, inputs) {
      let value = x[i]
      let w = weights + i * gh
      for j in 0..<gh { row[j] += value * w[j] }
    }
  }

  /// `gates_t += h_{t-1} · W_hh^T` `[B, G*H]` (nothing at t = 0, where h is zero), with
  /// `W_hh^T` staged `[H, G*H]`.
  private func addRecurrence(
    _ k: Int, _ t: Int, _ space: Workspace, into out: UnsafeMutablePointer<Float>, beta: Float
  ) {
    let h = config.hiddenSize
    let gh = config.cell.gateCount * h
    let block = space.batch * h
    BLAS.sgemmFewRows(
      m: space.batch, n: gh, k: h, a: space.layers[k].hidden.pointer + (t - 1) * block, lda: h,
      b: stage.hiddenWeightTransposed[k].pointer, ldb: gh, beta: beta, c: out, ldc: gh)
  }

  private func forwardRNN(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    let block = space.batch * config.hiddenSize
    for t in 0..<space.steps {
      let pre = layer.hidden.pointer + t * block  // the RNN's gates are its hidden states
      if projectsPerStep(k) { projectInputs(k, space, steps: t..<(t + 1)) }
      if t > 0 { addRecurrence(k, t, space, into: pre, beta: 1) }
      RNNKernels.forward(
        hidden: pre, bias: stage.combinedBias[k].pointer, batch: space.batch,
        size: config.hiddenSize, relu: config.cell == .rnnRelu)
    }
  }

  private func forwardLSTM(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    guard let cell = layer.cell?.pointer, let cellTanh = layer.cellTanh?.pointer else { return }
    let block = space.batch * config.hiddenSize
    for t in 0..<space.steps {
      let gates = layer.gates.pointer + 4 * t * block
      if projectsPerStep(k) { projectInputs(k, space, steps: t..<(t + 1)) }
      if t > 0 { addRecurrence(k, t, space, into: gates, beta: 1) }
      LSTMKernels.forward(
        gates: gates, bias: stage.combinedBias[k].pointer,
        cellPrev: t == 0 ? space.zeroState.pointer : cell + (t - 1) * block,
        cell: cell + t * block, cellTanh: cellTanh + t * block,
        hidden: layer.hidden.pointer + t * block, batch: space.batch, size: config.hiddenSize)
    }
  }

  private func forwardGRU(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    guard let hiddenNew = layer.hiddenNew?.pointer else { return }
    let h = config.hiddenSize
    let block = space.batch * h
    let recurrent = space.scratch.pointer  // W_hh h_{t-1} [B, 3H]
    for t in 0..<space.steps {
      if projectsPerStep(k) { projectInputs(k, space, steps: t..<(t + 1)) }
      if t > 0 {
        addRecurrence(k, t, space, into: recurrent, beta: 0)
      } else {
        space.scratch.zero()
      }
      GRUKernels.forward(
        gates: layer.gates.pointer + 3 * t * block, recurrent: recurrent,
        bias: stage.combinedBias[k].pointer, biasHiddenNew: stage.biasHidden(k) + 2 * h,
        hiddenPrev: t == 0 ? space.zeroState.pointer : layer.hidden.pointer + (t - 1) * block,
        hiddenNew: hiddenNew + t * block, hidden: layer.hidden.pointer + t * block,
        batch: space.batch, size: h)
    }
  }
}
