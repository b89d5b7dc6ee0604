import Yams

/// `parameters:`: each swept trial key with its distribution (issue 4, after W&B Sweeps).
extension SweepReader {
  struct ParameterDraft {
    let key: TrialKey
    let keyNode: Node
    /// Nil when the spec had a problem (already reported).
    var distribution: SweepDistribution?
    /// Where to point when the method cannot use the distribution.
    let distributionNode: Node
    let when: Field?
    var condition: SweepCondition?
  }

  /// The keys a parameter's mapping may hold.
  static let specKeys = [
    "values", "value", "distribution", "min", "max", "q", "mu", "sigma", "when",
  ]

  /// The numeric settings of each distribution, by canonical name.
  static let distributionSettings: [String: [String]] = [
    "values": ["values"], "value": ["value"], "uniform": ["min", "max"],
    "log_uniform": ["min", "max"], "int_uniform": ["min", "max"], "q_uniform": ["min", "max", "q"],
    "q_log_uniform": ["min", "max", "q"], "normal": ["mu", "sigma"],
  ]

  mutating func readParameters(_ field: Field?) -> [ParameterDraft] {
    guard let node = field?.value else { return [] }
    guard case .mapping(let mapping) = node else {
      report(
        node,
        "parameters: expected a mapping of trial keys to distributions such as "
          + "{cell: {values: [rnn, lstm]}}; found \(node.kindDescription)")
      return []
    }
    _ = readFields(of: node, allowed: TrialKey.names) { SweepReader.unknownTrialKey($0) }
    var drafts: [ParameterDraft] = []
    for (keyNode, spec) in mapping {
      guard let name = keyNode.text, let key = TrialKey.named(name) else { continue }
      drafts.append(readParameter(key, keyNode: keyNode, spec: spec))
    }
    return drafts
  }

  private mutating func readParameter(_ key: TrialKey, keyNode: Node, spec: Node)
    -> ParameterDraft
  {
    guard case .mapping = spec else {
      report(
        spec,
        "\(key.name): expected a mapping such as {values: [a, b]} or "
          + "{distribution: uniform, min: 0, max: 1}; found \(spec.kindDescription)")
      return ParameterDraft(key: key, keyNode: keyNode, distributionNode: spec, when: nil)
    }
    let reported = diagnostics.count
    let fields = readFields(of: spec, allowed: Self.specKeys) { name in
      if TrialKey.named(name) != nil {
        return "\(name) is a trial key inside the parameter \(key.name); expected it as its "
          + "own entry under parameters (check the indentation)"
      }
      return "\(key.name): unknown key '\(name)'; "
        + SweepReader.suggestion(for: name, among: SweepReader.specKeys)
    }
    // A misspelt key was reported; "no values and no distribution" would only repeat it.
    let misspelt = diagnostics.count > reported
    let distribution = readDistribution(key, spec, fields, misspelt: misspelt)
    return ParameterDraft(
      key: key, keyNode: keyNode, distribution: distribution,
      distributionNode: fields["distribution"]?.value ?? spec, when: fields["when"])
  }

  /// The distribution's canonical name: explicit, implied by values/value, or inferred from
  /// min and max as W&B does (int_uniform for an integer key, else uniform).
  private mutating func distributionName(
    _ key: TrialKey, _ spec: Node, _ fields: [String: Field], misspelt: Bool
  ) -> String? {
    var name: String?
    if let node = fields["distribution"]?.value {
      guard let word = readWord(node, "\(key.name): distribution", SweepDistribution.names)
      else { return nil }
      name = Self.canonicalDistribution[word] ?? word
    }
    if let valueField = fields["value"], fields["values"] != nil {
      report(valueField.key, "\(key.name): values and value both given; expected one of them")
      return nil
    }
    for implied in ["values", "value"] where fields[implied] != nil {
      if let name, name != implied {
        report(
          fields["distribution"]?.value ?? spec,
          "\(key.name): distribution \(name) does not take \(implied); expected \(implied) "
            + "without a distribution, or \(name)'s "
            + (Self.distributionSettings[name] ?? []).joined(separator: " and "))
        return nil
      }
      return implied
    }
    if let name { return name }
    if fields["min"] != nil || fields["max"] != nil {
      return key.isInteger ? "int_uniform" : "uniform"
    }
    if misspelt { return nil }
    report(
      spec,
      "\(key.name): no values and no distribution; expected {values: [a, b]}, {value: a} or "
        + "{distribution: uniform, min: 0, max: 1}")
    return nil
  }

  private static let canonicalDistribution = [
    "categorical": "values", "constant": "value", "log_uniform_values": "log_uniform",
    "q_log_uniform_values": "q_log_uniform",
  ]

  private mutating func readDistribution(
    _ key: TrialKey, _ spec: Node, _ fields: [String: Field], misspelt: Bool
  ) -> SweepDistribution? {
    guard let name = distributionName(key, spec, fields, misspelt: misspelt) else { return nil }
    let settings = Self.distributionSettings[name] ?? []
    var misplaced = false
    for (fieldName, field) in fields
    where fieldName != "distribution" && fieldName != "when" && !settings.contains(fieldName) {
      report(
        field.key,
        "\(key.name): \(fieldName) does not apply to \(name); expected only "
          + settings.joined(separator: " and ")
          + (fieldName == "values" ? " (or no distribution)" : ""))
      misplaced = true
    }
    guard typeAllows(name, key, fields["distribution"]?.value ?? spec) else { return nil }
    let distribution: SweepDistribution?
    switch name {
    case "values": distribution = readValues(fields["values"]?.value, key)
    case "value":
      distribution = fields["value"].flatMap { readValue($0.value, for: key, key.name) }.map {
        .value($0)
      }
    case "normal": distribution = readNormal(key, fields)
    default: distribution = readBounded(name, key, spec, fields)
    }
    return misplaced ? nil : distribution
  }

  /// Choice and text keys take only values or value; integer keys no continuous draws.
  private mutating func typeAllows(_ name: String, _ key: TrialKey, _ node: Node) -> Bool {
    if name == "values" || name == "value" { return true }
    if !key.isNumeric {
      report(
        node,
        "\(key.name): \(name) draws numbers but \(key.name) takes \(key.expectation); "
          + "expected values or value")
      return false
    }
    if key.isInteger, ["uniform", "log_uniform", "normal"].contains(name) {
      report(
        node,
        "\(key.name): \(name) draws fractions but \(key.name) takes integers; expected "
          + "int_uniform, q_uniform or q_log_uniform with an integer q, or values")
      return false
    }
    return true
  }

  private mutating func readValues(_ node: Node?, _ key: TrialKey) -> SweepDistribution? {
    guard let node else { return nil }
    guard case .sequence(let list) = node else {
      report(
        node,
        "\(key.name): values must be a list such as [a, b]; found \(node.kindDescription)")
      return nil
    }
    guard !list.isEmpty else {
      report(node, "\(key.name): values is empty; expected at least one value")
      return nil
    }
    var values: [TrialValue] = []
    var seen = Set<TrialValue>()  // a list of 100,000 values must not take n² comparisons
    var failed = false
    for element in list {
      guard let value = readValue(element, for: key, key.name) else {
        failed = true
        continue
      }
      if !seen.insert(value).inserted {
        report(element, "\(key.name): \(value) appears twice in values; expected each value once")
        failed = true
      }
      values.append(value)
    }
    return failed ? nil : .values(values)
  }
}
