import Foundation
import RecurStore
import RecurSweep

/// A sweep's expanded plan in the forms the coordinator needs: rows for the store, the JSON
/// spec each worker receives, and a short label per trial for the live view.
struct SweepPlanRows {
  let info: SweepInfo
  let rows: [PlannedTrialRow]
  let labels: [String: String]

  init(sweep: Sweep) {
    info = SweepInfo(
      name: sweep.name, filePath: sweep.path, fileText: sweep.text, sweptKeys: sweep.sweptKeys,
      metric: sweep.metric.name, attemptsAllowed: sweep.attempts)
    let trials = sweep.expand()
    var rows: [PlannedTrialRow] = []
    var labels: [String: String] = [:]
    rows.reserveCapacity(trials.count)
    labels.reserveCapacity(trials.count)
    for trial in trials {
      let values = TrialKey.all.map { ($0, $0.value(in: trial.spec)) }
      rows.append(
        PlannedTrialRow(
          id: trial.id, ordinal: trial.ordinal, specJSON: Self.json(values),
          keys: Dictionary(uniqueKeysWithValues: values.map { ($0.0.name, $0.1.canonical) })))
      labels[trial.id] = trial.label
    }
    self.rows = rows
    self.labels = labels
  }

  /// The spec as a JSON object of every trial key, numbers as numbers, in the form
  /// `TrialSpec`'s `Codable` conformance reads (written by hand: a 100,000-trial plan is
  /// encoded several times faster than with `JSONEncoder`).
  static func json(_ values: [(TrialKey, TrialValue)]) -> String {
    var text = "{"
    text.reserveCapacity(512)
    for (index, (key, value)) in values.enumerated() {
      if index > 0 { text += "," }
      text += "\""
      text += key.name
      text += "\":"
      switch value {
      case .int(let number): text += String(number)
      case .float(let number): text += TrialValue.float(number).canonical
      case .text(let string): text += jsonString(string)
      }
    }
    return text + "}"
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
