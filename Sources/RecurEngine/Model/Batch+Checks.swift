extension Batch {
  /// Throws unless this batch fits a model of `config` trained with `loss`: positive sizes,
  /// `inputSize == config.inputSize`, targets of the kind and count the loss needs (values
  /// `[B, O]` or `[T, B, O]`; labels `[B]` or `[T, B]`) and every label in `0..<O` or -100.
  public func check(for config: ModelConfig, loss: LossKind) throws(EngineError) {
    guard steps > 0, size > 0 else { throw .emptyBatch(steps: steps, size: size) }
    guard inputSize == config.inputSize else {
      throw .inputSize(expected: config.inputSize, found: inputSize)
    }
    guard inputs.count == steps * size * inputSize else {
      throw .targets("inputs hold \(inputs.count) values, not T*B*I = \(steps * size * inputSize)")
    }
    let rows = loss.isPerStep ? steps * size : size
    let shape = loss.isPerStep ? "[T, B" : "[B"
    switch (targets, loss.isClassification) {
    case (.values(let values, let outputs), false):
      guard outputs == config.outputSize, values.count == rows * outputs else {
        throw .targets(
          "\(loss.rawValue) needs \(shape), \(config.outputSize)] = "
            + "\(rows * config.outputSize) values, found \(values.count) of width \(outputs)")
      }
    case (.labels(let labels, let classes), true):
      guard classes == config.outputSize, labels.count == rows else {
        throw .targets(
          "\(loss.rawValue) needs \(shape)] = \(rows) labels of \(config.outputSize) classes, "
            + "found \(labels.count) of \(classes)")
      }
      for (position, label) in labels.enumerated()
      where label != LossFunctions.ignoredLabel && (label < 0 || Int(label) >= classes) {
        throw .label(position: position, value: label, classes: classes)
      }
    case (.values, true):
      throw .targets("\(loss.rawValue) needs class labels, found regression values")
    case (.labels, false):
      throw .targets("\(loss.rawValue) needs regression values, found class labels")
    }
  }

  /// The sequences `range` of this batch (all time steps), as a batch of their own.
  func sequences(_ range: Range<Int>) -> Batch {
    if range == 0..<size { return self }
    let b = range.count
    var inputs = [Float]()
    inputs.reserveCapacity(steps * b * inputSize)
    for t in 0..<steps {
      let start = (t * size + range.lowerBound) * inputSize
      inputs += self.inputs[start..<(start + b * inputSize)]
    }
    return Batch(
      steps: steps, size: b, inputSize: inputSize, inputs: inputs,
      targets: targets.sequences(range, of: size, steps: steps))
  }
}

extension Targets {
  /// The targets of sequences `range` out of `size`; per-step targets are `[T, B, …]`.
  func sequences(_ range: Range<Int>, of size: Int, steps: Int) -> Targets {
    switch self {
    case .values(let values, let outputs):
      return .values(slice(values, range, size: size, width: outputs), outputs: outputs)
    case .labels(let labels, let classes):
      return .labels(slice(labels, range, size: size, width: 1), classes: classes)
    }
  }

  private func slice<T>(_ values: [T], _ range: Range<Int>, size: Int, width: Int) -> [T] {
    let blocks = values.count / (size * width)
    var result = [T]()
    result.reserveCapacity(blocks * range.count * width)
    for t in 0..<blocks {
      let start = (t * size + range.lowerBound) * width
      result += values[start..<(start + range.count * width)]
    }
    return result
  }
}
