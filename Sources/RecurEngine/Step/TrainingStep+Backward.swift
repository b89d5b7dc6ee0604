extension TrainingStep {
  /// Backprop through time, top layer first: fills every parameter gradient and leaves the
  /// total dL/dh_t of each layer in `space.layers[k].dHidden`.
  func backward(_ space: Workspace) {
    headBackward(space)
    if projectsPerStep(0) { stage.narrowInputSums.zero() }
    for k in (0..<config.layers).reversed() {
      switch config.cell {
      case .rnn, .rnnRelu: backwardRNN(k, space)
      case .lstm: backwardLSTM(k, space)
      case .gru: backwardGRU(k, space)
      }
      weightGradients(k, space)
    }
  }

  /// `dh_{t-1} += dPre_t · W_hh` `[B, H]`: the recurrence's share of dL/dh_{t-1}.
  private func propagateRecurrence(
    _ k: Int, _ t: Int, _ space: Workspace, from dPre: UnsafePointer<Float>
  ) {
    let h = config.hiddenSize
    let gh = config.cell.gateCount * h
    BLAS.sgemmFewRows(
      m: space.batch, n: h, k: gh, a: dPre, lda: gh, b: stage.weightHidden(k),
      ldb: h, beta: 1, c: space.layers[k].dHidden.pointer + (t - 1) * space.batch * h, ldc: h)
  }

  private func backwardRNN(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    let block = space.batch * config.hiddenSize
    for t in (0..<space.steps).reversed() {
      let dPre = space.dGates.pointer + t * block
      RNNKernels.backward(
        dHidden: layer.dHidden.pointer + t * block, hidden: layer.hidden.pointer + t * block,
        dPre: dPre, count: block, relu: config.cell == .rnnRelu)
      if projectsPerStep(k) { accumulateNarrowInputs(t, space) }
      if t > 0 { propagateRecurrence(k, t, space, from: dPre) }
    }
  }

  private func backwardLSTM(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    guard let cell = layer.cell?.pointer, let cellTanh = layer.cellTanh?.pointer else { return }
    let block = space.batch * config.hiddenSize
    space.scratch.zero()  // dL/dc_T = 0
    for t in (0..<space.steps).reversed() {
      let dGates = space.dGates.pointer + 4 * t * block
      LSTMKernels.backward(
        dHidden: layer.dHidden.pointer + t * block, dCell: space.scratch.pointer,
        gates: layer.gates.pointer + 4 * t * block, cellTanh: cellTanh + t * block,
        cellPrev: t == 0 ? space.zeroState.pointer : cell + (t - 1) * block,
        dGates: dGates, batch: space.batch, size: config.hiddenSize)
      if projectsPerStep(k) { accumulateNarrowInputs(t, space) }
      if t > 0 { propagateRecurrence(k, t, space, from: dGates) }
    }
  }

  private func backwardGRU(_ k: Int, _ space: Workspace) {
    let layer = space.layers[k]
    guard let hiddenNew = layer.hiddenNew?.pointer, let dRecurrent = space.dGatesHidden?.pointer
    else { return }
    let block = space.batch * config.hiddenSize
    for t in (0..<space.steps).reversed() {
      let dHiddenPrev = t == 0 ? nil : layer.dHidden.pointer + (t - 1) * block
      GRUKernels.backward(
        dHidden: layer.dHidden.pointer + t * block, gates: layer.gates.pointer + 3 * t * block,
        hiddenNew: hiddenNew + t * block,
        hiddenPrev: t == 0 ? space.zeroState.pointer : layer.hidden.pointer + (t - 1) * block,
        dInput: space.dGates.pointer + 3 * t * block, dRecurrent: dRecurrent + 3 * t * block,
        dHiddenPrev: dHiddenPrev, batch: space.batch, size: config.hiddenSize)
      if projectsPerStep(k) { accumulateNarrowInputs(t, space) }
      if t > 0 { propagateRecurrence(k, t, space, from: dRecurrent + 3 * t * block) }
    }
  }

  /// The layer's weight and bias gradients as single GEMMs (GEMVs) over all steps, and dL/dx
  /// for the layer below: `dW_ih = dPre^T x`, `dW_hh = dPre[1...]^T h[..<T-1]`,
  /// `db = Σ_rows dPre`, `dx = dPre · W_ih`. For the RNN and LSTM, input- and hidden-side
  /// pre-activations are the same sum, so `db_hh = db_ih`.
  private func weightGradients(_ k: Int, _ space: Workspace) {
    let h = config.hiddenSize
    let gh = config.cell.gateCount * h
    let inputs = k == 0 ? config.inputSize : h
    let rows = space.steps * space.batch
    let dInput = space.dGates.pointer
    let dRecurrent = space.dGatesHidden?.pointer ?? dInput
    let x = space.layerInput(k)
    if projectsPerStep(k) {
      finishNarrowInputGradients(inputs: inputs, gh: gh)
    } else {
      BLAS.sgemm(
        .transposed, .none, m: gh, n: inputs, k: rows, a: dInput, lda: gh, b: x, ldb: inputs,
        beta: 0, c: stage.gradient(4 * k), ldc: inputs)
      BLAS.sgemv(
        .transposed, m: rows, n: gh, a: dInput, lda: gh, x: space.ones.pointer, beta: 0,
        y: stage.gradient(4 * k + 2))
    }
    BLAS.sgemm(
      .transposed, .none, m: gh, n: h, k: rows - space.batch, a: dRecurrent + space.batch * gh,
      lda: gh, b: space.layers[k].hidden.pointer, ldb: h, beta: 0, c: stage.gradient(4 * k + 1),
      ldc: h)
    if config.cell == .gru {
      BLAS.sgemv(
        .transposed, m: rows, n: gh, a: dRecurrent, lda: gh, x: space.ones.pointer, beta: 0,
        y: stage.gradient(4 * k + 3))
    } else {
      stage.gradient(4 * k + 3).update(from: stage.gradient(4 * k + 2), count: gh)
    }
    if k > 0 {
      BLAS.sgemm(
        .none, .none, m: rows, n: inputs, k: gh, a: dInput, lda: gh, b: stage.weightInput(k),
        ldb: inputs, beta: 0, c: space.layers[k - 1].dHidden.pointer, ldc: inputs)
    }
  }

  /// Adds step t's share of `dW_ih` and `db_ih` of a narrow first layer (see `narrowInputs`)
  /// while the step's `dPre` block `[B, G*H]` is still in cache: each row added into I + 1
  /// accumulators `[G*H]` (`Σ x_i dPre`, then `Σ dPre`).
  ///
  /// Why in the time loop: a GEMM with N = I ran at ~8 GFLOP/s, and one pass over all of
  /// `dPre` after the loop re-read `[T*B, G*H]` from memory (3–4% of an LSTM step at H = 128).
  private func accumulateNarrowInputs(_ t: Int, _ space: Workspace) {
    let inputs = config.inputSize
    let gh = config.cell.gateCount * config.hiddenSize
    let sums = stage.narrowInputSums.pointer  // [I + 1, G*H]
    let bias = sums + inputs * gh
    let x = space.inputs.pointer + t * space.batch * inputs
    let dPre = space.dGates.pointer + t * space.batch * gh
    var b = 0
    while b + 1 < space.batch {  // two rows per pass: half the accumulator loads and stores
      let d = dPre + b * gh
      let next = d + gh
      for i in 0..<inputs {
        let value = x[b * inputs + i]
        let nextValue = x[(b + 1) * inputs + i]
        let sum = sums + i * gh
        for j in 0..<gh { sum[j] = sum[j] + value * d[j] + nextValue * next[j] }
      }
      for j in 0..<gh { bias[j] = bias[j] + d[j] + next[j] }
      b += 2
    }
    if b < space.batch {
      let d = dPre + b * gh
      for i in 0..<inputs {
        let value = x[b * inputs + i]
        let sum = sums + i * gh
        for j in 0..<gh { sum[j] += value * d[j] }
      }
      for j in 0..<gh { bias[j] += d[j] }
    }
  }

  /// `dW_ih` `[G*H, I]` and `db_ih` from the sums of `accumulateNarrowInputs`.
  private func finishNarrowInputGradients(inputs: Int, gh: Int) {
    let sums = stage.narrowInputSums.pointer
    BLAS.transpose(sums, rows: inputs, columns: gh, into: stage.gradient(0))
    stage.gradient(2).update(from: sums + inputs * gh, count: gh)
  }
}
