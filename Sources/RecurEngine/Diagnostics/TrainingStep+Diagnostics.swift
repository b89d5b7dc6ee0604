extension TrainingStep {
  /// The diagnostics of the pass just run on `space` (forward and backward done).
  func diagnostics(_ space: Workspace) -> Diagnostics {
    let h = config.hiddenSize
    let block = space.batch * h
    let hiddenGradNorm = space.layers.map { layer in
      (0..<space.steps).map { t in BLAS.snrm2(layer.dHidden.pointer + t * block, count: block) }
    }
    let gradNorms = stage.gradients.map { BLAS.snrm2($0.pointer, count: $0.count) }
    if spectralVectors.count != config.layers {
      spectralVectors = Array(repeating: [], count: config.layers)
    }
    let spectral = (0..<config.layers).map { k in
      SpectralNorm.largestSingularValue(
        stage.weightHidden(k), rows: config.cell.gateCount * h, columns: h,
        start: &spectralVectors[k])
    }
    return Diagnostics(
      hiddenGradNorm: hiddenGradNorm, parameterNames: config.parameterShapes.map(\.name),
      parameterGradNorms: gradNorms, saturation: saturation(space),
      hiddenNorm: space.layers.map { meanHiddenNorm($0, space) }, spectralNorm: spectral)
  }

  /// Gate saturation of every layer over all T·B·H activations (see `GateSaturation`).
  func saturation(_ space: Workspace) -> [GateSaturation] {
    let h = config.hiddenSize
    let rows = space.steps * space.batch
    let total = Float(rows * h)
    let gh = config.cell.gateCount * h
    var result: [GateSaturation] = []
    for (k, layer) in space.layers.enumerated() {
      for (g, (gate, rule)) in zip(config.cell.saturationGates, config.cell.saturationRule)
        .enumerated()
      {
        // Gates sit side by side in rows of G*H; LSTM's `c` is its own [T*B, H] buffer.
        let isCellTanh = config.cell == .lstm && gate == "c"
        let source = isCellTanh ? (layer.cellTanh ?? layer.gates) : layer.gates
        let count = SaturationCounter.count(
          source.pointer, rows: rows, stride: isCellTanh ? h : gh, offset: isCellTanh ? 0 : g * h,
          width: h, rule: rule)
        result.append(GateSaturation(layer: k, gate: gate, fraction: Float(count) / total))
      }
    }
    return result
  }

  /// The mean of ‖h_t‖ over every step and sequence of one layer.
  private func meanHiddenNorm(_ layer: LayerBuffers, _ space: Workspace) -> Float {
    let h = config.hiddenSize
    let rows = space.steps * space.batch
    var sum = 0.0
    for r in 0..<rows { sum += Double(BLAS.snrm2(layer.hidden.pointer + r * h, count: h)) }
    return Float(sum / Double(rows))
  }
}
