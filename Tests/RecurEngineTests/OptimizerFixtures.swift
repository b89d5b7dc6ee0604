import Foundation
import Testing

@testable import RecurEngine

/// The JSON fixtures written by `scripts/make_optimizer_fixtures.py` (PyTorch).
enum OptimizerFixtures {
  struct OptimizerFile: Decodable {
    var cases: [OptimizerCase]
  }

  struct OptimizerCase: Decodable, CustomTestStringConvertible {
    struct Step: Decodable {
      var gradients: [[Float]]
      var parameters: [[Float]]
    }
    struct Settings: Decodable {
      var lr: Double
      var momentum: Double?
      var weightDecay: Double?
      var betas: [Double]?
      var eps: Double?
      var alpha: Double?
      var centered: Bool?
    }
    var name: String
    var kind: String
    var config: Settings
    var shapes: [[Int]]
    var initial: [[Float]]
    var steps: [Step]

    var testDescription: String { name }
  }

  struct ClippingFile: Decodable {
    var cases: [ClippingCase]
  }

  struct ClippingCase: Decodable, CustomTestStringConvertible {
    var name: String
    var kind: String
    var limit: Float
    var shapes: [[Int]]
    var gradients: [[Float]]
    var totalNorm: Float?
    var clipped: [[Float]]

    var testDescription: String { name }
  }

  static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: "Fixtures/optim/\(name)", withExtension: "json")
    else { throw CocoaError(.fileNoSuchFile) }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(contentsOf: url))
  }

  static let optimizerCases: [OptimizerCase] =
    (try? load("optimizers", as: OptimizerFile.self).cases) ?? []
  static let clippingCases: [ClippingCase] =
    (try? load("clipping", as: ClippingFile.self).cases) ?? []

  /// Tensors from flat values and shapes.
  static func tensors(_ values: [[Float]], shapes: [[Int]]) -> [Tensor] {
    zip(shapes, values).map { Tensor(shape: $0, data: $1) }
  }

  /// The largest difference between `actual` and `expected` relative to max(1, |expected|).
  static func maxRelativeError(_ actual: [Tensor], _ expected: [[Float]]) -> Float {
    var worst: Float = 0
    for (tensor, values) in zip(actual, expected) {
      for (a, e) in zip(tensor.data, values) {
        worst = max(worst, abs(a - e) / max(1, abs(e)))
      }
    }
    return worst
  }
}
