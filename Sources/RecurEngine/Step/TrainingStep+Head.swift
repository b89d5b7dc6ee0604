extension TrainingStep {
  /// The rows of the top layer's hidden states the head reads: the last step `[B, H]`, or
  /// every step `[T*B, H]` for the per-step losses.
  private func headInput(_ space: Workspace) -> (pointer: UnsafeMutablePointer<Float>, rows: Int) {
    let top = space.layers[config.layers - 1].hidden.pointer
    let block = space.batch * config.hiddenSize
    return loss.isPerStep
      ? (top, space.steps * space.batch) : (top + (space.steps - 1) * block, space.batch)
  }

  /// Applies the head (`y = h · head.weight^T + head.bias`) and the loss; with `withGradient`,
  /// also writes dL/dy into `space.dOutputs`. Returns the loss summed over its elements or
  /// labelled positions, the count to divide by, and the arg-max hits (cross-entropy).
  func headLoss(_ space: Workspace, targets: Targets, withGradient: Bool)
    -> (sum: Double, count: Int, correct: Int)
  {
    let (input, rows) = headInput(space)
    let o = config.outputSize
    let h = config.hiddenSize
    let out = space.outputs.pointer
    for r in 0..<rows { (out + r * o).update(from: stage.headBias, count: o) }
    BLAS.sgemm(
      .none, .transposed, m: rows, n: o, k: h, a: input, lda: h, b: stage.headWeight, ldb: h,
      beta: 1, c: out, ldc: o)
    let gradient = withGradient ? space.dOutputs.pointer : nil
    switch targets {
    case .values(let values, _):
      let count = rows * o
      let sum = values.withUnsafeBufferPointer { t in
        LossFunctions.squaredError(
          outputs: out, targets: t.baseAddress ?? UnsafePointer(out), count: count,
          gradient: gradient,
          scale: 1 / Float(count))
      }
      return (sum, count, 0)
    case .labels(let labels, _):
      return labels.withUnsafeBufferPointer { l in
        guard let base = l.baseAddress else { return (0, 0, 0) }
        let count = LossFunctions.labelledCount(base, rows: rows)
        let result = LossFunctions.crossEntropy(
          logits: out, labels: base, rows: rows, classes: o, gradient: gradient,
          scale: 1 / Float(count))
        return (result.sum, count, result.correct)
      }
    }
  }

  /// Backward through the head: `head.weight` and `head.bias` gradients, and dL/dh_t of the top
  /// layer from the head (zero at the steps the head does not read).
  func headBackward(_ space: Workspace) {
    let (input, rows) = headInput(space)
    let o = config.outputSize
    let h = config.hiddenSize
    let dOut = space.dOutputs.pointer
    let parameter = 4 * config.layers
    BLAS.sgemm(
      .transposed, .none, m: o, n: h, k: rows, a: dOut, lda: o, b: input, ldb: h, beta: 0,
      c: stage.gradient(parameter), ldc: h)
    BLAS.sgemv(
      .transposed, m: rows, n: o, a: dOut, lda: o, x: space.ones.pointer, beta: 0,
      y: stage.gradient(parameter + 1))
    let dTop = space.layers[config.layers - 1].dHidden.pointer
    let block = space.batch * h
    let dHead = loss.isPerStep ? dTop : dTop + (space.steps - 1) * block
    if !loss.isPerStep { dTop.update(repeating: 0, count: (space.steps - 1) * block) }
    BLAS.sgemm(
      .none, .none, m: rows, n: h, k: o, a: dOut, lda: o, b: stage.headWeight, ldb: h, beta: 0,
      c: dHead, ldc: h)
  }
}
