extension Checkpoint {
  /// The configuration in the file's metadata, or nil when it has none of `metadataKeys`.
  static func storedConfig(_ file: SafetensorsFile) throws(CheckpointError) -> ModelConfig? {
    guard let metadata = file.metadata, metadataKeys.contains(where: { metadata[$0] != nil })
    else { return nil }
    guard let cellName = metadata["cell"] else {
      throw .badMetadata(file: file.path, key: "cell", reason: "is missing")
    }
    guard let cell = CellKind(rawValue: cellName) else {
      throw .unknownCell(file: file.path, cell: cellName)
    }
    func size(_ key: String) throws(CheckpointError) -> Int {
      guard let text = metadata[key] else {
        throw .badMetadata(file: file.path, key: key, reason: "is missing")
      }
      guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
        value >= 1 && value <= maximumSize
      else {
        throw .badMetadata(
          file: file.path, key: key,
          reason: "is \"\(text)\", not a whole number from 1 to \(maximumSize)")
      }
      return value
    }
    return ModelConfig(
      cell: cell, inputSize: try size("input_size"), hiddenSize: try size("hidden_size"),
      layers: try size("layers"), outputSize: try size("output_size"))
  }

  /// The configuration implied by the tensor names and shapes of a PyTorch state dict.
  static func inferredConfig(_ file: SafetensorsFile) throws(CheckpointError) -> ModelConfig {
    let inputWeights = try matrix("rnn.weight_ih_l0", in: file)
    let hidden = try matrix("rnn.weight_hh_l0", in: file)[1]
    let outputs = try matrix("head.weight", in: file)[0]
    let rows = inputWeights[0]
    let cell: CellKind
    switch rows {
    case hidden: cell = .rnn
    case 3 * hidden: cell = .gru
    case 4 * hidden: cell = .lstm
    default:
      throw .cannotInferCell(
        file: file.path, tensor: "rnn.weight_ih_l0", rows: rows, hiddenSize: hidden)
    }
    return ModelConfig(
      cell: cell, inputSize: inputWeights[1], hiddenSize: hidden,
      layers: inferredLayers(file), outputSize: outputs)
  }

  /// One more than the largest k of the `rnn.weight_ih_l{k}` names (a name such as
  /// `rnn.weight_ih_l999999999` is caught by `parameters(of:for:)` as missing layers).
  private static func inferredLayers(_ file: SafetensorsFile) -> Int {
    let prefix = "rnn.weight_ih_l"
    let indices = file.names.compactMap { name -> Int? in
      name.hasPrefix(prefix) ? Int(name.dropFirst(prefix.count)) : nil
    }
    // Capped so that `+ 1` cannot overflow; a capped count exceeds the tensor count.
    return min(indices.max() ?? 0, file.names.count) + 1
  }

  /// The shape of the two-dimensional F32 tensor `name`, whose dimensions must be >= 1.
  private static func matrix(_ name: String, in file: SafetensorsFile) throws(CheckpointError)
    -> [Int]
  {
    let tensor = try file.floatTensor(name)
    guard tensor.shape.count == 2 && tensor.shape.allSatisfy({ $0 >= 1 }) else {
      throw .wrongShape(
        file: file.path, tensor: name, found: tensor.shape,
        expected: "two dimensions of at least 1")
    }
    return tensor.shape
  }
}
