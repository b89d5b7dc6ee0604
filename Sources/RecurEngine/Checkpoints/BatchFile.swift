import Foundation

/// The batch file of `recur probe`: one minibatch as a safetensors file.
///
/// Tensors: `inputs` F32 `[T, B, I]`; `targets` F32 `[B, O]` for `mse-last`, F32 `[T, B, O]`
/// for `mse-all`, I64 `[B]` for `ce-last`, I64 `[T, B]` for `ce-all`; nothing else. T, B, I
/// and O are at least 1. Metadata is allowed and ignored.
public enum BatchFile {
  /// Reads the batch at `url` for a model of configuration `model` trained with `loss`.
  ///
  /// The model is needed to check the batch against it, so that every mismatch is reported
  /// here with the file and tensor at fault: I must be `model.inputSize`, regression targets
  /// must have O = `model.outputSize` values, and every class label must lie in
  /// 0..<`model.outputSize` (the head's classes; there is no `ignore_index`, so PyTorch's
  /// -100 is rejected too).
  public static func load(from url: URL, loss: LossKind, model: ModelConfig)
    throws(CheckpointError) -> Batch
  {
    try decode(SafetensorsFile.read(from: url), loss: loss, model: model)
  }

  /// Writes `batch` for `loss` in the format `load` reads (labels as I64).
  public static func save(_ batch: Batch, loss: LossKind, to url: URL) throws(CheckpointError) {
    var file = SafetensorsFile(path: url.path)
    let (t, b) = (batch.steps, batch.size)
    file["inputs"] = SafetensorsTensor(shape: [t, b, batch.inputSize], floats: batch.inputs)
    let leading = loss.isPerStep ? [t, b] : [b]
    let count = batch.targets.count
    switch batch.targets {
    case .values(let values, let outputs)
    where !loss.isClassification && count == leading.reduce(outputs, *):
      file["targets"] = SafetensorsTensor(shape: leading + [outputs], floats: values)
    case .labels(let labels, _) where loss.isClassification && count == leading.reduce(1, *):
      file["targets"] = SafetensorsTensor(shape: leading, int64s: labels.map(Int64.init))
    default:
      throw .wrongShape(
        file: url.path, tensor: "targets", found: [count],
        expected: "the targets of a \(loss.rawValue) batch of \(t) steps and \(b) sequences")
    }
    try file.write(to: url)
  }

  /// `load` on a file already in memory.
  static func decode(_ file: SafetensorsFile, loss: LossKind, model: ModelConfig)
    throws(CheckpointError) -> Batch
  {
    let inputs = try file.floatTensor("inputs")
    let shape = inputs.shape
    guard shape.count == 3, shape.allSatisfy({ $0 >= 1 }), shape[2] == model.inputSize else {
      throw .wrongShape(
        file: file.path, tensor: "inputs", found: shape,
        expected: "[T, B, \(model.inputSize)] with T, B >= 1 (I = the model's input size)")
    }
    if let extra = file.names.first(where: { $0 != "inputs" && $0 != "targets" }) {
      throw .unexpectedTensor(file: file.path, tensor: extra)
    }
    let targets = try self.targets(in: file, loss: loss, steps: shape[0], size: shape[1], model)
    return Batch(
      steps: shape[0], size: shape[1], inputSize: shape[2], inputs: inputs.data, targets: targets)
  }

  private static func targets(
    in file: SafetensorsFile, loss: LossKind, steps: Int, size: Int, _ model: ModelConfig
  ) throws(CheckpointError) -> Targets {
    guard let stored = file["targets"] else {
      throw .missingTensor(file: file.path, tensor: "targets")
    }
    let leading = loss.isPerStep ? [steps, size] : [size]
    let o = model.outputSize
    if !loss.isClassification {
      let tensor = try file.floatTensor("targets")
      guard tensor.shape == leading + [o] else {
        throw .wrongShape(
          file: file.path, tensor: "targets", found: tensor.shape,
          expected: "\(leading + [o]) for \(loss.rawValue) (O = the model's output size)")
      }
      return .values(tensor.data, outputs: o)
    }
    guard let labels = stored.int64Values() else {
      throw .wrongDType(
        file: file.path, tensor: "targets", found: stored.dtype.rawValue, expected: "I64")
    }
    guard stored.shape == leading else {
      throw .wrongShape(
        file: file.path, tensor: "targets", found: stored.shape,
        expected: "\(leading) for \(loss.rawValue)")
    }
    if let index = labels.firstIndex(where: { $0 < 0 || $0 >= Int64(o) }) {
      throw .labelOutOfRange(
        file: file.path, tensor: "targets", index: index, label: labels[index], classes: o)
    }
    return .labels(labels.map { Int32(truncatingIfNeeded: $0) }, classes: o)
  }
}

extension Targets {
  /// The number of stored values or labels.
  fileprivate var count: Int {
    switch self {
    case .values(let values, _): values.count
    case .labels(let labels, _): labels.count
    }
  }
}
