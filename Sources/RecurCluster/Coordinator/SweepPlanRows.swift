import Foundation
import RecurStore
import RecurSweep

/// A sweep's expanded plan in the forms the coordinator needs: rows for the store, the JSON
/// spec each worker receives, and a short label per trial for the live view.
///
/// Trials of a sweep differ in a few keys. Each key's JSON member and canonical text are made
/// once for the first trial and reused by every trial whose value is the same, so that a
/// 100,000-trial plan is encoded in a fraction of the time (and memory churn) of formatting
/// every value of every trial.
struct SweepPlanRows {
  let info: SweepInfo
  let rows: [PlannedTrialRow]
  /// The swept keys of each trial (`cell=lstm seq_len=100`), by trial id.
  let labels: PackedStrings

  init(sweep: Sweep) {
    info = SweepInfo(
      name: sweep.name, filePath: sweep.path, fileText: sweep.text, sweptKeys: sweep.sweptKeys,
      metric: sweep.metric.name, attemptsAllowed: sweep.attempts)
    let trials = sweep.expand()
    var rows: [PlannedTrialRow] = []
    var labels = PackedStrings(capacity: trials.count, bytesPerString: 24)
    rows.reserveCapacity(trials.count)
    if let first = trials.first {
      let reference = Reference(first.spec)
      for trial in trials {
        let (json, keys) = reference.encode(trial.spec)
        rows.append(
          PlannedTrialRow(id: trial.id, ordinal: trial.ordinal, specJSON: json, keys: keys))
        labels.insert(trial.label, for: trial.id)
      }
    }
    self.rows = rows
    self.labels = labels
  }

  /// The encoded keys of one trial, against which the others are encoded.
  struct Reference {
    let values: [TrialValue]
    let members: [String]
    let keys: [String: String]

    init(_ spec: TrialSpec) {
      values = TrialKey.all.map { $0.value(in: spec) }
      members = zip(TrialKey.all, values).map { SweepPlanRows.member($0.0, $0.1) }
      keys = Dictionary(
        uniqueKeysWithValues: zip(TrialKey.all, values).map { ($0.0.name, $0.1.canonical) })
    }

    /// The spec as a JSON object of every key, and every key's canonical text.
    func encode(_ spec: TrialSpec) -> (json: String, keys: [String: String]) {
      var json = "{"
      json.reserveCapacity(600)
      var keys = self.keys
      for (index, key) in TrialKey.all.enumerated() {
        if index > 0 { json += "," }
        let value = key.value(in: spec)
        if SweepPlanRows.same(value, values[index]) {
          json += members[index]
        } else {
          json += SweepPlanRows.member(key, value)
          keys[key.name] = value.canonical
        }
      }
      return (json + "}", keys)
    }
  }

  /// Whether two values are the same, without formatting them (`TrialValue`'s own equality
  /// compares canonical texts).
  static func same(_ a: TrialValue, _ b: TrialValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): x == y
    case (.float(let x), .float(let y)): x.bitPattern == y.bitPattern
    case (.text(let x), .text(let y)): x == y
    default: false
    }
  }

  /// One member of the spec's JSON object, numbers as numbers, in the form `TrialSpec`'s
  /// `Codable` conformance reads.
  static func member(_ key: TrialKey, _ value: TrialValue) -> String {
    let name = "\"" + key.name + "\":"
    switch value {
    case .int(let number): return name + String(number)
    case .float: return name + value.canonical
    case .text(let string): return name + jsonString(string)
    }
  }

  /// The spec as a JSON object of every trial key (for tests and single trials).
  static func json(_ spec: TrialSpec) -> String {
    Reference(spec).encode(spec).json
  }

  /// `string` as a JSON string literal (RFC 8259, section 7).
  static func jsonString(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        result += String(format: "\\u%04x", scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
