import Foundation
import Testing

@testable import RecurEngine

@Suite struct CheckpointTests {
  typealias F = CheckpointFixtures

  static let configs: [ModelConfig] = [
    ModelConfig(cell: .rnn, inputSize: 3, hiddenSize: 4, layers: 2, outputSize: 1),
    ModelConfig(cell: .rnnRelu, inputSize: 2, hiddenSize: 3, layers: 1, outputSize: 2),
    ModelConfig(cell: .lstm, inputSize: 3, hiddenSize: 4, layers: 2, outputSize: 2),
    ModelConfig(cell: .gru, inputSize: 5, hiddenSize: 2, layers: 3, outputSize: 4),
  ]

  @Test(arguments: configs)
  func saveThenLoadGivesTheSameModel(config: ModelConfig) throws {
    let folder = try F.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("model.safetensors")
    var generator = SeededGenerator(seed: 1)
    let parameters = Initializer.parameters(for: config, generator: &generator)
    try Checkpoint.save(config: config, parameters: parameters, to: url)
    let (loaded, tensors) = try Checkpoint.load(from: url)
    #expect(loaded == config)
    #expect(tensors == parameters)
    let file = try SafetensorsFile.read(from: url)
    #expect(file.metadata == Checkpoint.metadata(for: config))
    #expect(file.names == config.parameterShapes.map(\.name))
    #expect(file.names.allSatisfy { file[$0]?.dtype == .f32 })
  }

  @Test func metadataIsAllStrings() {
    let config = Self.configs[1]
    #expect(
      Checkpoint.metadata(for: config) == [
        "cell": "rnn_relu", "layers": "1", "input_size": "2", "hidden_size": "3",
        "output_size": "2",
      ])
  }

  @Test(arguments: ["lstm", "gru", "rnn2"])
  func pyTorchStateDictLoadsWithTheInferredConfig(name: String) throws {
    let expected = try #require(try F.expected().checkpoints[name])
    let (config, tensors) = try Checkpoint.load(from: F.url("\(name).safetensors"))
    let c = expected.config
    #expect(config.cell.rawValue == c.cell)
    #expect(config.inputSize == c.inputSize && config.hiddenSize == c.hiddenSize)
    #expect(config.layers == c.layers && config.outputSize == c.outputSize)
    for (entry, tensor) in zip(config.parameterShapes, tensors) {
      let values = try #require(expected.tensors[entry.name])
      #expect(tensor.shape == values.shape, "\(entry.name)")
      #expect(tensor.data == values.values.map { Float($0) }, "\(entry.name)")
    }
    #expect(tensors.count == expected.tensors.count)
  }

  @Test func cellArgumentOverridesTheInferredTanhCell() throws {
    let url = try F.url("rnn2.safetensors")
    let (config, _) = try Checkpoint.load(from: url, cell: .rnnRelu)
    #expect(config.cell == .rnnRelu && config.layers == 2)
    let error = F.error { try Checkpoint.load(from: url, cell: .lstm) }
    #expect(error == .cellMismatch(file: url.path, stored: "rnn", requested: "lstm"))
    #expect(error?.description.contains("drop --cell or give a matching one") == true)
  }

  /// The bytes our writer produces for a fixed model are those of the committed file that
  /// `scripts/make_checkpoint_fixtures.py` loads into PyTorch with `load_state_dict`.
  @Test func writerOutputIsTheCommittedFileThatPyTorchLoads() throws {
    let config = ModelConfig(cell: .lstm, inputSize: 3, hiddenSize: 4, layers: 2, outputSize: 2)
    let folder = try F.temporaryFolder()
    let url = folder.appendingPathComponent("written-by-recur-lstm.safetensors")
    try Checkpoint.save(config: config, parameters: F.formulaParameters(config), to: url)
    let committed = try Data(contentsOf: F.url("written-by-recur-lstm.safetensors"))
    #expect(try Data(contentsOf: url) == committed, "compare with \(url.path)")
    if try Data(contentsOf: url) == committed { try? FileManager.default.removeItem(at: folder) }
  }

  @Test func probeWriterOutputIsTheCommittedFileThatPyTorchLoads() throws {
    let folder = try F.temporaryFolder()
    let url = folder.appendingPathComponent("written-by-recur-probe.safetensors")
    try SafetensorsFile.write(
      [
        ("loss", Tensor(shape: [], data: [0.25])),
        ("hidden_grad_norm", Tensor(shape: [1, 3], data: [1, 2, 3])),
      ], to: url)
    let committed = try Data(contentsOf: F.url("written-by-recur-probe.safetensors"))
    #expect(try Data(contentsOf: url) == committed, "compare with \(url.path)")
    if try Data(contentsOf: url) == committed { try? FileManager.default.removeItem(at: folder) }
  }

  // MARK: - Bad checkpoints

  static let lstm = ModelConfig(cell: .lstm, inputSize: 3, hiddenSize: 4, layers: 1, outputSize: 2)
  static let path = "model.safetensors"

  static func decodeError(_ file: SafetensorsFile, cell: CellKind? = nil) -> CheckpointError? {
    F.error { try Checkpoint.decode(file, cell: cell) }
  }

  @Test(arguments: [true, false])
  func missingTensorIsNamed(metadata: Bool) {
    var file = F.checkpointFile(Self.lstm, metadata: metadata)
    file["rnn.weight_hh_l0"] = nil
    let error = Self.decodeError(file)
    #expect(error == .missingTensor(file: Self.path, tensor: "rnn.weight_hh_l0"))
    #expect(error?.description == "model.safetensors: tensor \"rnn.weight_hh_l0\" is missing")
  }

  /// PyTorch's `bias=False` saves no bias tensors; the message says how to bring the model.
  @Test(arguments: [true, false])
  func missingBiasSaysHowToBringABiasFreeModel(metadata: Bool) {
    var file = F.checkpointFile(Self.lstm, metadata: metadata)
    file["rnn.bias_hh_l0"] = nil
    let error = Self.decodeError(file)
    #expect(error == .missingTensor(file: Self.path, tensor: "rnn.bias_hh_l0"))
    #expect(error?.description.contains("bias=False, save zero biases") == true)
  }

  /// Models PyTorch has and the engine does not are named as such, not as a shape mismatch.
  @Test(arguments: [
    ("rnn.weight_ih_l0_reverse", "a bidirectional RNN", "bidirectional=False"),
    ("rnn.weight_hr_l0", "an LSTM with projections", "proj_size=0"),
  ])
  func aBidirectionalOrProjectedModelIsNamedAsSuch(tensor: String, feature: String, setting: String)
  {
    var file = F.checkpointFile(Self.lstm, metadata: false)
    file[tensor] = SafetensorsTensor(shape: [2, 2], floats: [0, 0, 0, 0])
    let error = Self.decodeError(file)
    #expect(
      error
        == .unsupportedModel(file: Self.path, tensor: tensor, feature: feature, setting: setting))
    #expect(error?.description.contains("train and save the model with \(setting)") == true)
  }

  @Test(arguments: [true, false])
  func extraTensorIsNamed(metadata: Bool) {
    var file = F.checkpointFile(Self.lstm, metadata: metadata)
    file["optimizer.step"] = SafetensorsTensor(shape: [], floats: [3])
    let error = Self.decodeError(file)
    #expect(error == .unexpectedTensor(file: Self.path, tensor: "optimizer.step"))
    #expect(error?.description.contains("unexpected tensor \"optimizer.step\"; remove it") == true)
  }

  @Test func extraLayerWithoutMetadataIsReportedAsMissingTensors() {
    var file = F.checkpointFile(Self.lstm, metadata: false)
    file["rnn.weight_ih_l2"] = SafetensorsTensor(
      shape: [16, 4], floats: .init(repeating: 0, count: 64))
    #expect(Self.decodeError(file) == .missingTensor(file: Self.path, tensor: "rnn.weight_ih_l1"))
  }

  @Test func absurdLayerIndexIsAMissingTensorNotACrash() {
    var file = F.checkpointFile(Self.lstm, metadata: false)
    file["rnn.weight_ih_l9223372036854775807"] = SafetensorsTensor(shape: [1], floats: [0])
    #expect(Self.decodeError(file) == .missingTensor(file: Self.path, tensor: "rnn.weight_ih_l1"))
    var claimed = F.checkpointFile(Self.lstm)
    claimed.metadata?["layers"] = "2147483648"
    #expect(
      Self.decodeError(claimed) == .missingTensor(file: Self.path, tensor: "rnn.weight_ih_l1"))
  }

  @Test func shapeThatContradictsTheMetadataIsNamed() {
    var file = F.checkpointFile(Self.lstm)
    file.metadata?["hidden_size"] = "5"
    let error = Self.decodeError(file)
    #expect(
      error
        == .wrongShape(
          file: Self.path, tensor: "rnn.weight_ih_l0", found: [16, 3], expected: "[20, 3]"))
    #expect(
      error?.description
        == "model.safetensors: tensor \"rnn.weight_ih_l0\" has shape [16, 3], expected [20, 3]")
  }

  @Test func unknownCellInMetadataIsNamed() {
    var file = F.checkpointFile(Self.lstm)
    file.metadata?["cell"] = "transformer"
    let error = Self.decodeError(file)
    #expect(error == .unknownCell(file: Self.path, cell: "transformer"))
    #expect(error?.description.contains("expected one of rnn, rnn_relu, lstm, gru") == true)
  }

  @Test(arguments: [
    ("layers", "two"), ("hidden_size", "0"), ("input_size", "-3"), ("output_size", "+2"),
    ("layers", "99999999999999999999"),
  ])
  func badMetadataSizeIsNamed(key: String, value: String) {
    var file = F.checkpointFile(Self.lstm)
    file.metadata?[key] = value
    let error = Self.decodeError(file)
    #expect(
      error
        == .badMetadata(
          file: Self.path, key: key,
          reason: "is \"\(value)\", not a whole number from 1 to 2147483648"))
  }

  @Test func incompleteMetadataIsNamed() throws {
    var file = F.checkpointFile(Self.lstm)
    file.metadata?["output_size"] = nil
    #expect(
      Self.decodeError(file)
        == .badMetadata(file: Self.path, key: "output_size", reason: "is missing"))
    file.metadata = ["format": "pt"]  // foreign metadata only: inferred from the shapes
    #expect(try Checkpoint.decode(file, cell: nil).0 == Self.lstm)
  }

  @Test func wrongDTypeIsNamed() {
    var file = F.checkpointFile(Self.lstm)
    file["head.bias"] = SafetensorsTensor(shape: [2], doubles: [1, 2])
    let error = Self.decodeError(file)
    #expect(
      error == .wrongDType(file: Self.path, tensor: "head.bias", found: "F64", expected: "F32"))
  }

  @Test func cellThatCannotBeInferredIsNamed() {
    var file = F.checkpointFile(Self.lstm, metadata: false)
    file["rnn.weight_ih_l0"] = SafetensorsTensor(
      shape: [8, 3], floats: .init(repeating: 0, count: 24))
    let error = Self.decodeError(file)
    #expect(
      error == .cannotInferCell(file: Self.path, tensor: "rnn.weight_ih_l0", rows: 8, hiddenSize: 4)
    )
    #expect(error?.description.contains("give the cell explicitly (--cell)") == true)
  }

  @Test func savingTheWrongParametersIsAnError() throws {
    let url = URL(fileURLWithPath: "/tmp/never-written.safetensors")
    let parameters = F.formulaParameters(Self.lstm)
    #expect(
      F.error {
        try Checkpoint.save(config: Self.lstm, parameters: Array(parameters.dropLast()), to: url)
      }
        == .parameterCountMismatch(file: url.path, expected: 6, found: 5))
    var swapped = parameters
    swapped.swapAt(0, 1)
    #expect(
      F.error { try Checkpoint.save(config: Self.lstm, parameters: swapped, to: url) }
        == .wrongShape(
          file: url.path, tensor: "rnn.weight_ih_l0", found: [16, 4], expected: "[16, 3]"))
  }
}
