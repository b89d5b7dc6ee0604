import Yams

/// `fixed:`: trial keys that take one value in every trial.
extension SweepReader {
  struct FixedEntry {
    let key: TrialKey
    let value: TrialValue
    let keyNode: Node
  }

  mutating func readFixed(_ field: Field?) -> [String: FixedEntry] {
    guard let node = field?.value else { return [:] }
    guard case .mapping = node else {
      report(
        node,
        "fixed: expected a mapping of trial keys to values such as {task: adding, steps: 3000}; "
          + "found \(node.kindDescription)")
      return [:]
    }
    var entries: [String: FixedEntry] = [:]
    let names = TrialKey.names
    let fields = readFields(of: node, allowed: names) { SweepReader.unknownTrialKey($0) }
    for (name, field) in fields {
      guard let key = TrialKey.named(name) else { continue }
      if case .sequence = field.value {
        report(
          field.value,
          "\(name): fixed takes one value, found a list; expected \(key.expectation) "
            + "(to sweep \(name), move it under parameters with values: [...])")
        continue
      }
      if let value = readValue(field.value, for: key, name) {
        entries[name] = FixedEntry(key: key, value: value, keyNode: field.key)
      }
    }
    return entries
  }

  /// The message for a name that is not a trial key, under fixed, parameters or when.
  static func unknownTrialKey(_ name: String) -> String {
    if settingNames.contains(name) {
      return "\(name) is a sweep setting, not a trial key; expected it at the top level "
        + "(check the indentation)"
    }
    return "unknown trial key '\(name)'; " + suggestion(for: name, among: TrialKey.names)
  }
}
