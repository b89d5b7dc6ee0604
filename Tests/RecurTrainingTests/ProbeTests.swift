import Foundation
import RecurEngine
import RecurTraining
import Testing

/// `Probe`, the logic of `recur probe`: files in, one pass, every tensor out.
@Suite struct ProbeTests {
  static func model(_ cell: CellKind, layers: Int, inputs: Int, outputs: Int) -> Model {
    let config = ModelConfig(
      cell: cell, inputSize: inputs, hiddenSize: 5, layers: layers, outputSize: outputs)
    var generator = SeededGenerator(seed: 7)
    let model = Model(config: config)
    model.parameters = Initializer.parameters(for: config, generator: &generator)
    return model
  }

  static func batch(_ loss: LossKind, steps: Int = 6, size: Int = 3, inputs: Int, outputs: Int)
    -> Batch
  {
    var generator = SeededGenerator(seed: 11)
    let values = (0..<(steps * size * inputs)).map { _ in generator.uniform(-1, 1) }
    let rows = loss.isPerStep ? steps * size : size
    let targets: Targets =
      loss.isClassification
      ? .labels((0..<rows).map { _ in Int32(generator.int(below: outputs)) }, classes: outputs)
      : .values((0..<(rows * outputs)).map { _ in generator.uniform(-1, 1) }, outputs: outputs)
    return Batch(steps: steps, size: size, inputSize: inputs, inputs: values, targets: targets)
  }

  /// Writes the model and batch, runs the probe, and returns the output file.
  static func probe(_ model: Model, _ batch: Batch, _ loss: LossKind, in folder: URL) throws
    -> (ProbeReport, SafetensorsFile)
  {
    let checkpoint = folder.appendingPathComponent("model.safetensors")
    let batchURL = folder.appendingPathComponent("batch.safetensors")
    let output = folder.appendingPathComponent("probe.safetensors")
    try Checkpoint.save(config: model.config, parameters: model.parameters, to: checkpoint)
    try BatchFile.save(batch, loss: loss, to: batchURL)
    let report = try Probe.run(checkpoint: checkpoint, batch: batchURL, loss: loss, output: output)
    return (report, try SafetensorsFile.read(from: output))
  }

  @Test(arguments: [
    (CellKind.lstm, LossKind.ceLast, 1), (.gru, .mseAll, 2), (.rnn, .mseLast, 2),
    (.rnnRelu, .ceAll, 1),
  ])
  func outputFileHoldsWhatATrainingStepComputes(cell: CellKind, loss: LossKind, layers: Int)
    throws
  {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = Self.model(cell, layers: layers, inputs: 3, outputs: 4)
    let batch = Self.batch(loss, inputs: 3, outputs: 4)
    let (report, file) = try Self.probe(model, batch, loss, in: folder)
    let direct = try TrainingStep(config: model.config, loss: loss)
      .run(model, on: batch, diagnose: true)
    let diagnostics = try #require(direct.diagnostics)

    #expect(try file.floatTensor("loss") == Tensor(shape: [], data: [direct.loss]))
    for (name, gradient) in zip(model.parameterNames, direct.gradients) {
      #expect(try file.floatTensor("grad." + name) == gradient, "grad.\(name)")
    }
    let curve = try file.floatTensor("hidden_grad_norm")
    #expect(curve.shape == [layers, 6])
    #expect(curve.data == diagnostics.hiddenGradNorm.flatMap { $0 })
    for entry in diagnostics.saturation {
      #expect(try file.floatTensor("sat." + entry.key) == Tensor(shape: [], data: [entry.fraction]))
    }
    let expectedNames =
      ["loss"] + model.parameterNames.map { "grad." + $0 } + ["hidden_grad_norm"]
      + diagnostics.saturation.map { "sat." + $0.key }
    #expect(file.names == expectedNames)
    #expect(report.text.contains("loss "))
    #expect(report.text.contains("layer \(layers - 1): t=0 "))
  }

  @Test func theCellOverrideReadsAReluNetwork() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = Self.model(.rnn, layers: 1, inputs: 2, outputs: 1)
    let batch = Self.batch(.mseLast, inputs: 2, outputs: 1)
    let checkpoint = folder.appendingPathComponent("model.safetensors")
    let batchURL = folder.appendingPathComponent("batch.safetensors")
    try Checkpoint.save(config: model.config, parameters: model.parameters, to: checkpoint)
    try BatchFile.save(batch, loss: .mseLast, to: batchURL)
    let report = try Probe.run(
      checkpoint: checkpoint, batch: batchURL, loss: .mseLast,
      output: folder.appendingPathComponent("out.safetensors"), cell: .rnnRelu)
    let relu = Model(
      config: ModelConfig(
        cell: .rnnRelu, inputSize: 2, hiddenSize: 5, layers: 1, outputSize: 1))
    relu.parameters = model.parameters
    let direct = try TrainingStep(config: relu.config, loss: .mseLast).run(relu, on: batch)
    #expect(report.lossValue == direct.loss)
    #expect(report.config.cell == .rnnRelu)
  }

  @Test func labelsOutsideTheHeadAreRefused() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = Self.model(.lstm, layers: 1, inputs: 3, outputs: 4)
    let batch = Self.batch(.ceLast, inputs: 3, outputs: 9)  // labels up to 8, head has 4
    let error = #expect(throws: TrainingError.self) {
      _ = try Self.probe(model, batch, .ceLast, in: folder)
    }
    guard case .checkpoint(.labelOutOfRange(_, "targets", _, _, 4)) = error else {
      Issue.record("expected a label out of range, got \(String(describing: error))")
      return
    }
  }

  @Test func aBatchOfAnotherInputSizeIsRefused() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = Self.model(.gru, layers: 1, inputs: 3, outputs: 2)
    let batch = Self.batch(.mseLast, inputs: 5, outputs: 2)
    let error = #expect(throws: TrainingError.self) {
      _ = try Self.probe(model, batch, .mseLast, in: folder)
    }
    guard case .checkpoint(.wrongShape(_, "inputs", [6, 3, 5], _)) = error else {
      Issue.record("expected a wrong inputs shape, got \(String(describing: error))")
      return
    }
  }

  @Test func aMissingCheckpointIsNamed() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("none.safetensors")
    let error = #expect(throws: TrainingError.self) {
      _ = try Probe.run(
        checkpoint: missing, batch: missing, loss: .mseLast,
        output: folder.appendingPathComponent("out.safetensors"))
    }
    #expect(error == .checkpoint(.fileNotFound(file: missing.path)))
  }

  /// A small batch file can ask for terabytes of activations (`[50000, 1000, 1]` is 200 MB on
  /// disk, ~2 TB for an LSTM with H = 1024): the probe refuses it before allocating, naming
  /// the file and the limit. The limit is lowered here so that the test stays small.
  @Test func aBatchTooLargeForTheMemoryIsRefusedBeforeAllocating() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = Self.model(.lstm, layers: 1, inputs: 3, outputs: 2)
    let checkpoint = folder.appendingPathComponent("model.safetensors")
    let batchURL = folder.appendingPathComponent("batch.safetensors")
    let output = folder.appendingPathComponent("probe.safetensors")
    try Checkpoint.save(config: model.config, parameters: model.parameters, to: checkpoint)
    try BatchFile.save(Self.batch(.mseLast, inputs: 3, outputs: 2), loss: .mseLast, to: batchURL)
    let error = #expect(throws: TrainingError.self) {
      _ = try Probe.run(
        checkpoint: checkpoint, batch: batchURL, loss: .mseLast, output: output,
        availableBytes: 1_000)
    }
    guard case .batchTooLarge(let file, let needed, 1_000) = error else {
      Issue.record("expected batchTooLarge, got \(String(describing: error))")
      return
    }
    #expect(file == batchURL.path)
    #expect(needed > 1_000)
    #expect(error?.description.contains("more than the 0.0 GB of this machine") == true)
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
