import Yams

/// The numeric distributions: uniform, log_uniform, int_uniform, q_uniform, q_log_uniform
/// and normal, checked against each other and against the key's range.
extension SweepReader {
  /// A bound as written and as read.
  private struct Bound {
    let node: Node
    let value: Double
    let which: String
    var written: String { node.text ?? String(value) }
  }

  mutating func readBounded(
    _ name: String, _ key: TrialKey, _ spec: Node, _ fields: [String: Field]
  ) -> SweepDistribution? {
    let missing = ["min", "max"].filter { fields[$0] == nil }
    if !missing.isEmpty {
      report(
        spec,
        "\(key.name): \(name) needs min and max; expected "
          + missing.map { "\($0): NUMBER" }.joined(separator: " and "))
      return nil
    }
    guard let minField = fields["min"], let maxField = fields["max"],
      let low = readBound(minField.value, "min", key),
      let high = readBound(maxField.value, "max", key)
    else { return nil }
    guard checkBounds(name, key, low, high) else { return nil }
    switch name {
    case "uniform": return .uniform(min: low.value, max: high.value)
    case "log_uniform": return .logUniform(min: low.value, max: high.value)
    case "int_uniform": return .intUniform(min: Int(low.value), max: Int(high.value))
    default:
      guard let q = readQ(fields["q"]?.value, key, low, high, spec) else { return nil }
      return name == "q_uniform"
        ? .qUniform(min: low.value, max: high.value, q: q)
        : .qLogUniform(min: low.value, max: high.value, q: q)
    }
  }

  mutating func readNormal(_ key: TrialKey, _ fields: [String: Field]) -> SweepDistribution? {
    var mu = 0.0
    var sigma = 1.0
    if let node = fields["mu"]?.value {
      guard let value = readNumber(node, "\(key.name): mu") else { return nil }
      if case .failure(let problem) = key.check(number: value, written: node.text ?? "") {
        report(node, "\(key.name): mu \(problem.reason); expected \(problem.expected)")
        return nil
      }
      mu = value
    }
    if let node = fields["sigma"]?.value {
      guard let value = readNumber(node, "\(key.name): sigma") else { return nil }
      guard value > 0 else {
        report(node, "\(key.name): sigma \(node.text ?? "") is not positive; expected sigma > 0")
        return nil
      }
      sigma = value
    }
    return .normal(mu: mu, sigma: sigma)
  }

  private mutating func readBound(_ node: Node, _ which: String, _ key: TrialKey) -> Bound? {
    readNumber(node, "\(key.name): \(which)").map { Bound(node: node, value: $0, which: which) }
  }

  /// Integral bounds where integers are drawn, min ≤ max, min > 0 for log draws, both inside
  /// the key's range. Stops at the first problem so that one mistake gives one message.
  private mutating func checkBounds(
    _ name: String, _ key: TrialKey, _ low: Bound, _ high: Bound
  ) -> Bool {
    if key.isInteger || name == "int_uniform" {
      let why = key.isInteger ? "\(key.name) takes integers" : "int_uniform draws integers"
      for bound in [low, high] where bound.value != bound.value.rounded() {
        report(
          bound.node,
          "\(key.name): \(bound.which) \(bound.written) is a fraction; expected an integer (\(why))"
        )
        return false
      }
    }
    if low.value > high.value {
      report(
        low.node,
        "\(key.name): min \(low.written) is greater than max \(high.written); expected min ≤ max")
      return false
    }
    if name.contains("log"), low.value <= 0 {
      report(
        low.node,
        "\(key.name): min \(low.written) is not positive; expected min > 0, since \(name) "
          + "draws the logarithm")
      return false
    }
    for bound in [low, high] {
      if case .failure(let problem) = key.check(number: bound.value, written: bound.written) {
        report(
          bound.node, "\(key.name): \(bound.which) \(problem.reason); expected \(problem.expected)")
        return false
      }
    }
    return true
  }

  /// q > 0, an integer for integer keys, with at least one multiple between min and max.
  private mutating func readQ(
    _ node: Node?, _ key: TrialKey, _ low: Bound, _ high: Bound, _ spec: Node
  ) -> Double? {
    var q = 1.0
    if let node {
      guard let value = readNumber(node, "\(key.name): q") else { return nil }
      q = value
    }
    let blame = node ?? spec
    let written = node?.text ?? "1"
    guard q > 0 else {
      report(blame, "\(key.name): q \(written) is not positive; expected q > 0")
      return nil
    }
    if key.isInteger, q != q.rounded() {
      report(
        blame,
        "\(key.name): q \(written) is a fraction; expected an integer q (\(key.name) takes "
          + "integers)")
      return nil
    }
    guard SweepDistribution.multiples(low.value, high.value, q) != nil else {
      report(
        blame,
        "\(key.name): no multiple of q \(written) lies between min \(low.written) and max "
          + "\(high.written); expected a smaller q or wider bounds")
      return nil
    }
    return q
  }
}
