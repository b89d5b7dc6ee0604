import Foundation
import Testing

@testable import RecurEngine

/// Fixtures and helpers of the checkpoint, batch and safetensors tests; the PyTorch files come
/// from `scripts/make_checkpoint_fixtures.py`.
enum CheckpointFixtures {
  struct Expected: Decodable {
    struct Values: Decodable {
      var shape: [Int]
      var values: [Double]
    }
    struct Config: Decodable {
      var cell: String
      var inputSize: Int
      var hiddenSize: Int
      var layers: Int
      var outputSize: Int
    }
    struct Checkpoint: Decodable {
      var config: Config
      var tensors: [String: Values]
    }
    struct BatchValues: Decodable {
      var inputs: Values
      var targets: Values
    }
    struct BatchConfig: Decodable {
      var steps: Int
      var size: Int
      var inputSize: Int
      var outputSize: Int
    }
    var checkpoints: [String: Checkpoint]
    var batches: [String: BatchValues]
    var batchConfig: BatchConfig
  }

  static func url(_ name: String) throws -> URL {
    let resource = "Fixtures/checkpoints/\(name)"
    guard let url = Bundle.module.url(forResource: resource, withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    return url
  }

  static func expected() throws -> Expected {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Expected.self, from: Data(contentsOf: url("expected.json")))
  }

  /// A fresh folder under the temporary directory.
  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-checkpoint-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// A safetensors file from a raw header text and buffer.
  static func file(header: String, buffer: [UInt8] = []) -> [UInt8] {
    let headerBytes = Array(header.utf8)
    return withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { Array($0) }
      + headerBytes + buffer
  }

  /// The error `body` throws, if it is a `CheckpointError`.
  static func error<T>(_ body: () throws -> T) -> CheckpointError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error as? CheckpointError
    }
  }

  /// Deterministic values for tensor `k`, exact in Float (the Python script uses the same).
  static func formula(_ k: Int, count: Int) -> [Float] {
    (0..<count).map { j in Float((j * 7 + k * 3) % 23 - 11) / 8 }
  }

  /// Parameters of `config` filled with `formula`.
  static func formulaParameters(_ config: ModelConfig) -> [Tensor] {
    config.parameterShapes.enumerated().map { k, entry in
      Tensor(shape: entry.shape, data: formula(k, count: entry.shape.reduce(1, *)))
    }
  }

  /// A valid checkpoint of `config` in memory, with metadata.
  static func checkpointFile(_ config: ModelConfig, metadata: Bool = true) -> SafetensorsFile {
    var file = SafetensorsFile(
      path: "model.safetensors", metadata: metadata ? Checkpoint.metadata(for: config) : nil)
    for (entry, tensor) in zip(config.parameterShapes, formulaParameters(config)) {
      file[entry.name] = SafetensorsTensor(tensor)
    }
    return file
  }
}
