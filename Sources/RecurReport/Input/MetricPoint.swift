import RecurJSON

/// One metric record of a trial (`Sources/RecurTraining/METRICS.md`, "Metric record"), read
/// leniently: absent fields mean "not measured at this step", and `null`s (non-finite values)
/// read as nil.
///
/// The gradient-flow curve (`hidden_grad_norm`, `[layers][T]` numbers) is by far the largest
/// field and most reports need it from two records per trial only (step 0 and the last
/// diagnosis), so it is decoded on demand (`topHiddenGradNorm()`); decoding it for every
/// record made reading a large sweep ten times slower.
struct MetricPoint: Sendable, Hashable {
  /// Optimiser steps done when measured (0: before any update).
  var step: Int
  var trainLoss: Double?
  var evalLoss: Double?
  /// Share of right answers on the held-out set (classification tasks).
  var accuracy: Double?
  /// Global gradient norm before clipping.
  var gradNorm: Double?
  /// Share of the steps since the previous record whose gradient was clipped.
  var clippedFraction: Double?
  /// Saturation fractions keyed `l{k}.{gate}`.
  var saturation: [String: Double]
  /// Whether the record carries a non-empty `hidden_grad_norm` (it is a diagnosis).
  var hasDiagnosis: Bool
  /// Where the curve comes from: the record's JSON, or a curve given in memory.
  private var hiddenSource: HiddenSource

  private enum HiddenSource: Sendable, Hashable {
    case json(String)
    case values([[Double?]])
  }

  init(
    step: Int, trainLoss: Double? = nil, evalLoss: Double? = nil, accuracy: Double? = nil,
    gradNorm: Double? = nil,
    clippedFraction: Double? = nil, hiddenGradNorm: [[Double?]] = [],
    saturation: [String: Double] = [:]
  ) {
    self.step = step
    self.trainLoss = trainLoss
    self.evalLoss = evalLoss
    self.accuracy = accuracy
    self.gradNorm = gradNorm
    self.clippedFraction = clippedFraction
    self.saturation = saturation
    hasDiagnosis = hiddenGradNorm.contains { !$0.isEmpty }
    hiddenSource = .values(hiddenGradNorm)
  }

  /// `[layers][T]`: ‖dL/dh_t‖ per layer and time step; nil entries were not finite.
  func hiddenGradNorm() -> [[Double?]] {
    switch hiddenSource {
    case .values(let values): return values
    case .json(let json): return Fields.hiddenGradNorm(json: json)
    }
  }

  /// The record's top-layer ‖dL/dh_t‖ curve, or nil if the record has no diagnosis.
  func topHiddenGradNorm() -> [Double?]? {
    guard hasDiagnosis else { return nil }
    return hiddenGradNorm().last.flatMap { $0.isEmpty ? nil : $0 }
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
    let fields = Fields(json: json)
    self.init(
      step: step, trainLoss: trainLoss.flatMap(\.finite), evalLoss: evalLoss.flatMap(\.finite),
      accuracy: fields?.accuracy, gradNorm: fields?.gradNorm,
      clippedFraction: fields?.clippedFraction,
      saturation: fields?.saturation ?? [:])
    hasDiagnosis = fields?.hasDiagnosis ?? false
    hiddenSource = .json(json)
  }

  /// The small fields of a record, and whether it has a gradient-flow curve, read leniently as
  /// `KeyedDecodingContainer+Lenient` reads: a missing field, `null` or a value of another
  /// type is nil (a map keeps its finite numbers only).
  ///
  /// Read with `JSONParser` rather than `JSONDecoder`: a report reads every record of every
  /// trial (a million for 20,000 trials of 50 records), and the decoder's per-record cost was
  /// most of the reading time (`recur bench report`).
  private struct Fields {
    var accuracy: Double?
    var gradNorm: Double?
    var clippedFraction: Double?
    var saturation: [String: Double] = [:]
    var hasDiagnosis = false

    init?(json: String) {
      guard case .object(let members) = try? JSONParser.parse(json) else { return nil }
      for (key, value) in members {
        switch key {
        case "accuracy": accuracy = Self.finiteNumber(value)
        case "grad_norm": gradNorm = Self.finiteNumber(value)
        case "clipped_fraction": clippedFraction = Self.finiteNumber(value)
        case "saturation": saturation = Self.numberMap(value)
        case "hidden_grad_norm":
          if case .array(let layers) = value {
            hasDiagnosis = !layers.isEmpty
          } else {
            hasDiagnosis = false
          }
        default: continue
        }
      }
    }

    /// The value if it is a number that a `Double` holds finitely.
    static func finiteNumber(_ value: JSONValue) -> Double? {
      guard case .number(let text) = value else { return nil }
      return Double(text).flatMap(\.finite)
    }

    /// A record's `hidden_grad_norm` alone: a list of lists, finite numbers kept in place and
    /// other entries nil; empty when the record or the field is anything else.
    static func hiddenGradNorm(json: String) -> [[Double?]] {
      guard case .object(let members) = try? JSONParser.parse(json),
        case .array(let layers)? = members.last(where: { $0.key == "hidden_grad_norm" })?.value
      else { return [] }
      var rows: [[Double?]] = []
      rows.reserveCapacity(layers.count)
      for layer in layers {
        guard case .array(let values) = layer else { return [] }
        rows.append(values.map(finiteNumber))
      }
      return rows
    }

    /// The object's members that are finite numbers; empty for anything but an object.
    static func numberMap(_ value: JSONValue) -> [String: Double] {
      guard case .object(let members) = value else { return [:] }
      var map: [String: Double] = [:]
      for (key, member) in members {
        if let number = finiteNumber(member) { map[key] = number }
      }
      return map
    }
  }
}

extension Double {
  /// The value if it is finite, else nil.
  var finite: Double? { isFinite ? self : nil }
}
