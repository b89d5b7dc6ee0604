import Foundation
import Testing

@testable import RecurEngine

@Suite struct CheckpointBatchFileTests {
  typealias F = CheckpointFixtures

  /// The model the PyTorch batch fixtures fit: I = 4, O = 5.
  static let model = ModelConfig(cell: .gru, inputSize: 4, hiddenSize: 3, layers: 1, outputSize: 5)
  static let path = "batch.safetensors"

  @Test(arguments: LossKind.allCases)
  func pyTorchBatchLoads(loss: LossKind) throws {
    let expected = try F.expected()
    let values = try #require(expected.batches[loss.rawValue])
    let batch = try BatchFile.load(
      from: F.url("batch-\(loss.rawValue).safetensors"), loss: loss, model: Self.model)
    #expect(batch.steps == 3 && batch.size == 2 && batch.inputSize == 4)
    #expect(batch.inputs == values.inputs.values.map { Float($0) })
    switch batch.targets {
    case .values(let targets, let outputs):
      #expect(!loss.isClassification && outputs == 5)
      #expect(targets == values.targets.values.map { Float($0) })
    case .labels(let labels, let classes):
      #expect(loss.isClassification && classes == 5)
      #expect(labels == values.targets.values.map { Int32($0) })
    }
  }

  static func batch(_ loss: LossKind) -> Batch {
    let (t, b, i, o) = (2, 3, 4, 5)
    let count = loss.isPerStep ? t * b : b
    let targets: Targets =
      loss.isClassification
      ? .labels((0..<count).map { Int32($0 % o) }, classes: o)
      : .values((0..<(count * o)).map { Float($0) / 4 }, outputs: o)
    return Batch(
      steps: t, size: b, inputSize: i, inputs: (0..<(t * b * i)).map { Float($0) - 3 },
      targets: targets)
  }

  @Test(arguments: LossKind.allCases)
  func saveThenLoadGivesTheSameBatch(loss: LossKind) throws {
    let folder = try F.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("batch.safetensors")
    let batch = Self.batch(loss)
    try BatchFile.save(batch, loss: loss, to: url)
    #expect(try BatchFile.load(from: url, loss: loss, model: Self.model) == batch)
  }

  @Test func savingTargetsOfAnotherLossIsAnError() {
    let url = URL(fileURLWithPath: "/tmp/never-written-batch.safetensors")
    let error = F.error { try BatchFile.save(Self.batch(.mseAll), loss: .mseLast, to: url) }
    guard case .wrongShape(_, "targets", _, _)? = error else {
      Issue.record("expected a targets shape error, got \(String(describing: error))")
      return
    }
  }

  static func file(_ loss: LossKind, targets: SafetensorsTensor? = nil) -> SafetensorsFile {
    var file = SafetensorsFile(path: path)
    let batch = batch(loss)
    file["inputs"] = SafetensorsTensor(shape: [2, 3, 4], floats: batch.inputs)
    switch batch.targets {
    case .values(let values, _):
      file["targets"] =
        targets ?? SafetensorsTensor(shape: loss.isPerStep ? [2, 3, 5] : [3, 5], floats: values)
    case .labels(let labels, _):
      file["targets"] =
        targets
        ?? SafetensorsTensor(shape: loss.isPerStep ? [2, 3] : [3], int64s: labels.map(Int64.init))
    }
    return file
  }

  static func decodeError(_ file: SafetensorsFile, _ loss: LossKind, model: ModelConfig = model)
    -> CheckpointError?
  {
    F.error { try BatchFile.decode(file, loss: loss, model: model) }
  }

  @Test(arguments: [Int64(5), -1, -100, Int64.max])
  func labelOutsideTheClassesIsNamed(label: Int64) {
    let file = Self.file(.ceLast, targets: SafetensorsTensor(shape: [3], int64s: [0, label, 1]))
    let error = Self.decodeError(file, .ceLast)
    #expect(
      error
        == .labelOutOfRange(file: Self.path, tensor: "targets", index: 1, label: label, classes: 5))
    #expect(
      error?.description.contains("has label \(label) at flat index 1, outside 0..<5") == true)
  }

  @Test func floatLabelsAreAWrongDType() {
    let file = Self.file(
      .ceAll, targets: SafetensorsTensor(shape: [2, 3], floats: [0, 1, 2, 3, 4, 0]))
    #expect(
      Self.decodeError(file, .ceAll)
        == .wrongDType(file: Self.path, tensor: "targets", found: "F32", expected: "I64"))
  }

  @Test func integerRegressionTargetsAreAWrongDType() {
    let file = Self.file(
      .mseLast, targets: SafetensorsTensor(shape: [3, 5], int64s: .init(repeating: 1, count: 15)))
    #expect(
      Self.decodeError(file, .mseLast)
        == .wrongDType(file: Self.path, tensor: "targets", found: "I64", expected: "F32"))
  }

  @Test func targetsOfAnotherLossAreAWrongShape() {
    let error = Self.decodeError(Self.file(.mseAll), .mseLast)
    #expect(
      error
        == .wrongShape(
          file: Self.path, tensor: "targets", found: [2, 3, 5],
          expected: "[3, 5] for mse-last (O = the model's output size)"))
    let labels = Self.decodeError(Self.file(.ceLast), .ceAll)
    #expect(
      labels
        == .wrongShape(
          file: Self.path, tensor: "targets", found: [3], expected: "[2, 3] for ce-all"))
  }

  @Test func inputsOfAnotherWidthAreAWrongShape() {
    let model = ModelConfig(cell: .gru, inputSize: 7, hiddenSize: 3, layers: 1, outputSize: 5)
    let error = Self.decodeError(Self.file(.mseLast), .mseLast, model: model)
    #expect(
      error
        == .wrongShape(
          file: Self.path, tensor: "inputs", found: [2, 3, 4],
          expected: "[T, B, 7] with T, B >= 1 (I = the model's input size)"))
  }

  @Test func emptyOrFlatInputsAreAWrongShape() {
    var file = Self.file(.mseLast)
    file["inputs"] = SafetensorsTensor(shape: [0, 3, 4], floats: [])
    guard case .wrongShape(_, "inputs", [0, 3, 4], _)? = Self.decodeError(file, .mseLast) else {
      Issue.record("expected an inputs shape error")
      return
    }
    file["inputs"] = SafetensorsTensor(shape: [24], floats: .init(repeating: 0, count: 24))
    guard case .wrongShape(_, "inputs", [24], _)? = Self.decodeError(file, .mseLast) else {
      Issue.record("expected an inputs shape error")
      return
    }
  }

  @Test func missingAndExtraTensorsAreNamed() {
    var file = Self.file(.ceLast)
    file["targets"] = nil
    #expect(Self.decodeError(file, .ceLast) == .missingTensor(file: Self.path, tensor: "targets"))
    file = Self.file(.ceLast)
    file["inputs"] = nil
    #expect(Self.decodeError(file, .ceLast) == .missingTensor(file: Self.path, tensor: "inputs"))
    file = Self.file(.ceLast)
    file["mask"] = SafetensorsTensor(shape: [3], floats: [1, 1, 1])
    #expect(Self.decodeError(file, .ceLast) == .unexpectedTensor(file: Self.path, tensor: "mask"))
  }
}
