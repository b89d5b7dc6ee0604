import Foundation
import Testing

@testable import RecurEngine

/// The engine against PyTorch: fixtures written by `scripts/make_engine_fixtures.py` (float64
/// PyTorch results for float32 parameters and data). The Double reference must agree to
/// rounding; the Float fast path to the ~2e-4 relative that the engine promises.
@Suite struct TorchFixtureTests {
  struct Fixture: Decodable {
    let cell: String
    let layers: Int
    let inputSize: Int
    let hiddenSize: Int
    let outputSize: Int
    let loss: String
    let steps: Int
    let batch: Int
    let parameters: [String: [Double]]
    let inputs: [Double]
    let targets: [Double]?
    let labels: [Int32]?
    let lossValue: Double
    let gradients: [String: [Double]]
    let hiddenGradNorm: [[Double]]
    let hiddenNorm: [Double]
    let saturation: [String: Double]
    let spectralNorm: [Double]
  }

  static let names = [
    "rnn-1-mse-last", "rnn_relu-1-ce-all", "lstm-1-ce-last", "gru-1-mse-all",
    "rnn-2-ce-last", "rnn_relu-2-mse-last", "lstm-2-mse-all", "gru-2-ce-all",
  ]

  static func load(_ name: String) throws -> (Fixture, Model, Batch, LossKind) {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let f = try decoder.decode(Fixture.self, from: Data(contentsOf: url))
    let config = ModelConfig(
      cell: try #require(CellKind(rawValue: f.cell)), inputSize: f.inputSize,
      hiddenSize: f.hiddenSize, layers: f.layers, outputSize: f.outputSize)
    let parameters = try config.parameterShapes.map { name, shape in
      Tensor(shape: shape, data: try #require(f.parameters[name]).map(Float.init))
    }
    let model = try Model(config: config, parameters: parameters)
    let targets: Targets =
      if let labels = f.labels {
        .labels(labels, classes: f.outputSize)
      } else {
        .values(try #require(f.targets).map(Float.init), outputs: f.outputSize)
      }
    let batch = Batch(
      steps: f.steps, size: f.batch, inputSize: f.inputSize, inputs: f.inputs.map(Float.init),
      targets: targets)
    return (f, model, batch, try #require(LossKind(rawValue: f.loss)))
  }

  @Test func everyFixtureFileIsChecked() throws {
    let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
    let found = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
    #expect(Set(found) == Set(Self.names))
  }

  @Test(arguments: names)
  func referenceMatchesPyTorch(name: String) throws {
    let (f, model, batch, loss) = try Self.load(name)
    let pass = ReferenceModel(model).run(batch, loss: loss)
    #expect(abs(pass.loss - f.lossValue) <= 1e-12 * max(1, abs(f.lossValue)))
    for (p, entry) in model.config.parameterShapes.enumerated() {
      let expected = try #require(f.gradients[entry.name])
      #expect(TestModels.relativeError(pass.gradients[p], expected) < 1e-10, "\(entry.name)")
    }
    for k in 0..<f.layers {
      #expect(TestModels.relativeError(pass.hiddenGradNorm[k], f.hiddenGradNorm[k]) < 1e-10)
      #expect(abs(pass.hiddenNorm[k] - f.hiddenNorm[k]) < 1e-10)
    }
    let gates = model.config.cell.saturationGates
    for k in 0..<f.layers {
      for (g, gate) in gates.enumerated() {
        #expect(pass.saturation[k][g] == f.saturation["l\(k).\(gate)"], "l\(k).\(gate)")
      }
    }
  }

  @Test(arguments: names)
  func fastPathMatchesPyTorch(name: String) throws {
    let (f, model, batch, loss) = try Self.load(name)
    let step = try TrainingStep(config: model.config, loss: loss)
    let result = try step.run(model, on: batch, diagnose: true)
    #expect(abs(Double(result.loss) - f.lossValue) <= 2e-6 * max(1, abs(f.lossValue)))
    for (p, entry) in model.config.parameterShapes.enumerated() {
      let expected = try #require(f.gradients[entry.name])
      let error = TestModels.relativeError(result.gradients[p].data.map(Double.init), expected)
      #expect(error < 2e-5, "\(entry.name): \(error)")
    }
    let diagnostics = try #require(result.diagnostics)
    for k in 0..<f.layers {
      let curve = diagnostics.hiddenGradNorm[k].map(Double.init)
      #expect(TestModels.relativeError(curve, f.hiddenGradNorm[k]) < 2e-5)
      #expect(abs(Double(diagnostics.hiddenNorm[k]) - f.hiddenNorm[k]) < 1e-5)
      let spectral = Double(diagnostics.spectralNorm[k])
      #expect(abs(spectral - f.spectralNorm[k]) < 1e-4 * f.spectralNorm[k])
    }
    let tolerance = 1.5 / Double(f.steps * f.batch * f.hiddenSize)
    for entry in diagnostics.saturation {
      let expected = try #require(f.saturation[entry.key])
      #expect(abs(Double(entry.fraction) - expected) < tolerance, "\(entry.key)")
    }
  }
}
