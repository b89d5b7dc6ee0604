import Foundation

/// One metric record of a trial (`Sources/RecurTraining/METRICS.md`, "Metric record"), read
/// leniently: absent fields mean "not measured at this step", and `null`s (non-finite values)
/// read as nil.
struct MetricPoint: Sendable, Hashable {
  /// Optimiser steps done when measured (0: before any update).
  var step: Int
  var trainLoss: Double?
  var evalLoss: Double?
  /// Global gradient norm before clipping.
  var gradNorm: Double?
  /// Share of the steps since the previous record whose gradient was clipped.
  var clippedFraction: Double?
  /// `[layers][T]`: ‖dL/dh_t‖ per layer and time step; nil entries were not finite.
  var hiddenGradNorm: [[Double?]]
  /// Saturation fractions keyed `l{k}.{gate}`.
  var saturation: [String: Double]

  init(
    step: Int, trainLoss: Double? = nil, evalLoss: Double? = nil, gradNorm: Double? = nil,
    clippedFraction: Double? = nil, hiddenGradNorm: [[Double?]] = [],
    saturation: [String: Double] = [:]
  ) {
    self.step = step
    self.trainLoss = trainLoss
    self.evalLoss = evalLoss
    self.gradNorm = gradNorm
    self.clippedFraction = clippedFraction
    self.hiddenGradNorm = hiddenGradNorm
    self.saturation = saturation
  }

  /// The record's top-layer ‖dL/dh_t‖ curve, or nil if the record has no diagnosis.
  var topHiddenGradNorm: [Double?]? {
    hiddenGradNorm.last.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The saturation of the top layer's gates, by gate name (`f`, `z`, `h`); METRICS.md keys
  /// them `l{k}.{gate}`, and the top layer is the largest k.
  var topSaturation: [String: Double] {
    var top = -1
    var gates: [String: Double] = [:]
    for (key, value) in saturation {
      guard let (layer, gate) = Self.layerAndGate(key) else { continue }
      if layer > top {
        top = layer
        gates = [:]
      }
      if layer == top { gates[gate] = value }
    }
    return gates
  }

  /// `l2.f` → (2, "f"); nil for keys of another form.
  static func layerAndGate(_ key: String) -> (Int, String)? {
    guard key.hasPrefix("l"), let dot = key.firstIndex(of: ".") else { return nil }
    let digits = key[key.index(after: key.startIndex)..<dot]
    let gate = key[key.index(after: dot)...]
    guard let layer = Int(digits), !gate.isEmpty else { return nil }
    return (layer, String(gate))
  }
}

extension MetricPoint {
  /// Reads a stored record: `step` and the losses come from the store's columns (which it
  /// extracted itself), the diagnostics from the JSON. A record whose JSON cannot be read
  /// keeps its step and losses.
  init(step: Int, trainLoss: Double?, evalLoss: Double?, json: String) {
    let fields = try? JSONDecoder().decode(Fields.self, from: Data(json.utf8))
    self.init(
      step: step, trainLoss: trainLoss.flatMap(\.finite), evalLoss: evalLoss.flatMap(\.finite),
      gradNorm: fields?.gradNorm, clippedFraction: fields?.clippedFraction,
      hiddenGradNorm: fields?.hiddenGradNorm ?? [], saturation: fields?.saturation ?? [:])
  }

  /// The diagnostic fields of a record.
  private struct Fields: Decodable {
    var gradNorm: Double?
    var clippedFraction: Double?
    var hiddenGradNorm: [[Double?]]
    var saturation: [String: Double]

    enum CodingKeys: String, CodingKey {
      case gradNorm = "grad_norm"
      case clippedFraction = "clipped_fraction"
      case hiddenGradNorm = "hidden_grad_norm"
      case saturation
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      gradNorm = c.lenientNumber(.gradNorm)
      clippedFraction = c.lenientNumber(.clippedFraction)
      hiddenGradNorm = c.lenientNumberMatrix(.hiddenGradNorm)
      saturation = c.lenientNumberMap(.saturation)
    }
  }
}

extension Double {
  /// The value if it is finite, else nil.
  var finite: Double? { isFinite ? self : nil }
}
