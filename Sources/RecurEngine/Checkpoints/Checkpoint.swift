import Foundation

/// Model checkpoints: a model's parameters as a safetensors file that PyTorch loads with
/// `load_state_dict`, and PyTorch state dicts read back.
///
/// Tensors are named as the state dict of a module holding `self.rnn = nn.RNN/LSTM/GRU(...)`
/// and `self.head = nn.Linear(...)` (`ModelConfig.parameterShapes`), all F32. `__metadata__`
/// holds `cell` (rnn | rnn_relu | lstm | gru), `layers`, `input_size`, `hidden_size` and
/// `output_size`, as decimal strings.
public enum Checkpoint {
  /// The metadata keys this type writes and reads.
  public static let metadataKeys = ["cell", "layers", "input_size", "hidden_size", "output_size"]

  /// Largest size accepted in metadata, far above any real model; it keeps every shape
  /// product of `ModelConfig.parameterShapes` within Int.
  static let maximumSize = 1 << 31

  /// Writes `parameters` (in the order of `config.parameterShapes`) with `config` as metadata.
  public static func save(config: ModelConfig, parameters: [Tensor], to url: URL)
    throws(CheckpointError)
  {
    let shapes = config.parameterShapes
    guard parameters.count == shapes.count else {
      throw .parameterCountMismatch(
        file: url.path, expected: shapes.count, found: parameters.count)
    }
    var file = SafetensorsFile(path: url.path, metadata: metadata(for: config))
    for ((name, shape), tensor) in zip(shapes, parameters) {
      guard tensor.shape == shape else {
        throw .wrongShape(file: url.path, tensor: name, found: tensor.shape, expected: "\(shape)")
      }
      file[name] = SafetensorsTensor(tensor)
    }
    try file.write(to: url)
  }

  /// The metadata written for `config`.
  public static func metadata(for config: ModelConfig) -> [String: String] {
    [
      "cell": config.cell.rawValue, "layers": "\(config.layers)",
      "input_size": "\(config.inputSize)", "hidden_size": "\(config.hiddenSize)",
      "output_size": "\(config.outputSize)",
    ]
  }

  /// Reads a checkpoint: the model's configuration and its parameters in canonical order.
  ///
  /// With our metadata (any of `metadataKeys` present), all five keys must be valid and every
  /// tensor must have the shape they imply. Without it (a state dict saved by
  /// `safetensors.torch.save_file`), the configuration is inferred: layers from the
  /// `rnn.weight_ih_l{k}` names, H from `weight_hh_l0`'s second dimension, the cell from
  /// `weight_ih_l0`'s rows (H, 3H, 4H: rnn, gru, lstm; tanh assumed), I from its columns, O
  /// from `head.weight`'s rows. `cell` overrides the stored or inferred cell when it has the
  /// same gate count (e.g. `rnn_relu` for a ReLU `nn.RNN`). Either way every expected tensor
  /// must be present, F32 and of the right shape, and no other tensor may be there.
  public static func load(from url: URL, cell: CellKind? = nil) throws(CheckpointError)
    -> (ModelConfig, [Tensor])
  {
    try decode(SafetensorsFile.read(from: url), cell: cell)
  }

  /// `load` on a file already in memory.
  static func decode(_ file: SafetensorsFile, cell: CellKind?) throws(CheckpointError)
    -> (ModelConfig, [Tensor])
  {
    try refuseUnsupportedModels(file)
    var config: ModelConfig
    if let stored = try storedConfig(file) {
      config = stored
    } else {
      config = try inferredConfig(file)
    }
    if let cell, cell != config.cell {
      guard cell.gateCount == config.cell.gateCount else {
        throw .cellMismatch(
          file: file.path, stored: config.cell.rawValue, requested: cell.rawValue)
      }
      config.cell = cell
    }
    return (config, try parameters(of: file, for: config))
  }

  /// PyTorch state dicts of models the engine cannot run, named by what they are rather than
  /// by the first shape that does not fit (`rnn.weight_ih_l0_reverse` of a bidirectional
  /// RNN, `rnn.weight_hr_l0` of an LSTM with `proj_size`).
  static func refuseUnsupportedModels(_ file: SafetensorsFile) throws(CheckpointError) {
    for name in file.names where name.hasPrefix("rnn.") {
      if name.hasSuffix("_reverse") {
        throw .unsupportedModel(
          file: file.path, tensor: name, feature: "a bidirectional RNN",
          setting: "bidirectional=False")
      }
      if name.hasPrefix("rnn.weight_hr_l") {
        throw .unsupportedModel(
          file: file.path, tensor: name, feature: "an LSTM with projections",
          setting: "proj_size=0")
      }
    }
  }

  /// Every parameter of `config`, checked for presence, dtype and shape; then no extra tensor.
  static func parameters(of file: SafetensorsFile, for config: ModelConfig)
    throws(CheckpointError) -> [Tensor]
  {
    // Metadata may claim up to 2^31 layers; with fewer tensors than layers one is missing,
    // and it is found here before anything proportional to the layer count is built.
    if config.layers > file.names.count {
      for k in 0... {
        for kind in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]
        where file["rnn.\(kind)_l\(k)"] == nil {
          throw .missingTensor(file: file.path, tensor: "rnn.\(kind)_l\(k)")
        }
      }
    }
    let shapes = config.parameterShapes
    var parameters: [Tensor] = []
    for (name, shape) in shapes {
      let tensor = try file.floatTensor(name)
      guard tensor.shape == shape else {
        throw .wrongShape(file: file.path, tensor: name, found: tensor.shape, expected: "\(shape)")
      }
      parameters.append(tensor)
    }
    let expected = Set(shapes.map(\.name))
    if let extra = file.names.first(where: { !expected.contains($0) }) {
      throw .unexpectedTensor(file: file.path, tensor: extra)
    }
    return parameters
  }
}
