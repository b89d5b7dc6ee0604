import Yams

/// Scalars of the file: integers, numbers, words and trial-key values, each with a message
/// naming what was found and what is expected.
extension SweepReader {
  /// The fields of a mapping node; unknown keys are reported with `unknown(name)`'s message.
  mutating func readFields(
    of node: Node, allowed: [String], unknown: (String) -> String
  ) -> [String: Field] {
    guard case .mapping(let mapping) = node else { return [:] }
    var fields: [String: Field] = [:]
    for (key, value) in mapping {
      guard let name = key.text else {
        report(key, "expected a key name; found \(key.kindDescription)")
        continue
      }
      guard allowed.contains(name) else {
        report(key, unknown(name))
        continue
      }
      fields[name] = Field(key: key, value: value)
    }
    return fields
  }

  /// "did you mean 'x'?" or "expected one of …".
  static func suggestion(for name: String, among names: [String]) -> String {
    if let close = Suggestion.closest(to: name, among: names) { return "did you mean '\(close)'?" }
    return "expected one of " + names.joined(separator: ", ")
  }

  /// An integer setting in `range`.
  mutating func readInteger(_ node: Node, _ label: String, _ range: ClosedRange<Int>) -> Int? {
    let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
    guard let text = plainScalar(node, label, expected) else { return nil }
    switch TrialKey.integer(from: text, in: range) {
    case .success(let value): return value
    case .failure(let problem):
      report(node, "\(label): \(problem.reason); expected \(problem.expected)")
      return nil
    }
  }

  /// A finite number (a distribution's min, max, q, mu or sigma).
  mutating func readNumber(_ node: Node, _ label: String) -> Double? {
    guard let text = plainScalar(node, label, "a number") else { return nil }
    guard let number = TrialKey.number(from: text), number.isFinite else {
      report(node, "\(label): '\(text)' is not a finite number; expected a number such as 0.01")
      return nil
    }
    return number
  }

  /// A line of text; any non-null scalar.
  mutating func readText(_ node: Node, _ label: String) -> String? {
    guard let text = node.text else {
      report(node, "\(label): expected text; found \(node.kindDescription)")
      return nil
    }
    return text
  }

  /// One of `choices`.
  mutating func readWord(_ node: Node, _ label: String, _ choices: [String]) -> String? {
    let expected = "one of " + choices.joined(separator: ", ")
    guard let word = node.text else {
      report(node, "\(label): expected \(expected); found \(node.kindDescription)")
      return nil
    }
    guard choices.contains(word) else {
      let hint = Suggestion.closest(to: word, among: choices).map { " (did you mean '\($0)'?)" }
      report(node, "\(label): '\(word)' is not allowed; expected \(expected)\(hint ?? "")")
      return nil
    }
    return word
  }

  /// A value of trial key `key`, checked against its type and range.
  mutating func readValue(_ node: Node, for key: TrialKey, _ label: String) -> TrialValue? {
    guard let text = node.text else {
      report(node, "\(label): expected \(key.expectation); found \(node.kindDescription)")
      return nil
    }
    if key.isNumeric && node.isQuoted {
      report(
        node,
        "\(label): \(node.kindDescription) is text, not a number; expected \(key.expectation), "
          + "written without quotes")
      return nil
    }
    switch key.parse(text) {
    case .success(let value): return value
    case .failure(let problem):
      report(node, "\(label): \(problem.reason); expected \(problem.expected)")
      return nil
    }
  }

  /// The text of a plain (unquoted) scalar that is not null, or nil after reporting.
  private mutating func plainScalar(_ node: Node, _ label: String, _ expected: String) -> String? {
    guard let text = node.text, !node.isQuoted else {
      report(node, "\(label): expected \(expected); found \(node.kindDescription)")
      return nil
    }
    return text
  }
}
