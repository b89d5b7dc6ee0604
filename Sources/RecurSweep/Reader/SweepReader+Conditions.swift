import Yams

/// `when:` conditions: each names keys the sweep fixes or sweeps with a list of values, and
/// values those keys actually take; the conditions must not depend on each other in a loop.
extension SweepReader {
  /// What a key named in a `when` can take in this sweep.
  private struct Taken {
    let contains: (TrialValue) -> Bool
    let summary: String
  }

  mutating func resolveConditions(
    _ drafts: inout [ParameterDraft], settings: Settings, fixed: [String: FixedEntry],
    base: TrialSpec
  ) {
    for index in drafts.indices {
      guard let when = drafts[index].when else { continue }
      drafts[index].condition = readCondition(
        when, of: drafts[index].key, drafts, settings, fixed, base)
    }
    let (_, cyclic) = Self.dependencyOrder(drafts)
    for index in cyclic {
      guard let when = drafts[index].when else { continue }
      let names = cyclic.map { drafts[$0].key.name }.joined(separator: ", ")
      report(
        when.key,
        "\(drafts[index].key.name): the when conditions of \(names) depend on each other in a "
          + "loop; expected conditions that can be resolved one after another")
    }
  }

  private mutating func readCondition(
    _ when: Field, of owner: TrialKey, _ drafts: [ParameterDraft], _ settings: Settings,
    _ fixed: [String: FixedEntry], _ base: TrialSpec
  ) -> SweepCondition? {
    guard case .mapping(let mapping) = when.value, !mapping.isEmpty else {
      report(
        when.value,
        "\(owner.name): when must be a mapping such as {cell: lstm}; found "
          + (when.value.mapping != nil ? "an empty mapping" : when.value.kindDescription))
      return nil
    }
    var clauses: [SweepCondition.Clause] = []
    var failed = false
    for (keyNode, valuesNode) in mapping {
      guard let clause = readClause(keyNode, valuesNode, owner, drafts, settings, fixed, base)
      else {
        failed = true
        continue
      }
      clauses.append(clause)
    }
    return failed ? nil : SweepCondition(clauses: clauses)
  }

  private mutating func readClause(
    _ keyNode: Node, _ valuesNode: Node, _ owner: TrialKey, _ drafts: [ParameterDraft],
    _ settings: Settings, _ fixed: [String: FixedEntry], _ base: TrialSpec
  ) -> SweepCondition.Clause? {
    let label = "\(owner.name): when"
    guard let name = keyNode.text else {
      report(keyNode, "\(label): expected a key name; found \(keyNode.kindDescription)")
      return nil
    }
    guard let key = TrialKey.named(name) else {
      report(keyNode, "\(label) names " + Self.unknownTrialKey(name))
      return nil
    }
    guard name != owner.name else {
      report(keyNode, "\(label) names \(name) itself; expected another key, such as cell")
      return nil
    }
    if name == "seed" && settings.seedsGiven {
      report(
        keyNode,
        "\(label) names seed, which seeds or repeats sets for every configuration; expected "
          + "another key")
      return nil
    }
    guard let taken = taken(by: key, keyNode, label, drafts, fixed, base) else { return nil }
    let elements: [Node]
    if case .sequence(let list) = valuesNode {
      guard !list.isEmpty else {
        report(valuesNode, "\(label) \(name): the list is empty; expected at least one value")
        return nil
      }
      elements = Array(list)
    } else {
      elements = [valuesNode]
    }
    var values: [TrialValue] = []
    for element in elements {
      guard let value = readValue(element, for: key, "\(label) \(name)") else { return nil }
      guard taken.contains(value) else {
        report(
          element,
          "\(label) \(name): \(name) never takes \(value) in this sweep; expected "
            + taken.summary)
        return nil
      }
      values.append(value)
    }
    return SweepCondition.Clause(key: name, values: values)
  }

  /// The values `key` takes: a swept list (plus its fixed or default value where its own
  /// `when` fails), its fixed value, or its default. Nil (after reporting, unless an earlier
  /// problem explains it) when a condition cannot name it.
  private mutating func taken(
    by key: TrialKey, _ keyNode: Node, _ label: String, _ drafts: [ParameterDraft],
    _ fixed: [String: FixedEntry], _ base: TrialSpec
  ) -> Taken? {
    let baseValue = key.value(in: base)
    if let draft = drafts.first(where: { $0.key.name == key.name }) {
      guard let distribution = draft.distribution else { return nil }
      guard distribution.isDiscrete else {
        report(
          keyNode,
          "\(label) names \(key.name), which is drawn from \(distribution.name); expected a key "
            + "swept with values or fixed")
        return nil
      }
      let conditional = draft.when != nil && !key.isRequired
      let summary =
        Self.summary(of: distribution)
        + (conditional ? " (or \(baseValue) where its own when does not hold)" : "")
      return Taken(
        contains: { distribution.canTake($0, for: key) || (conditional && $0 == baseValue) },
        summary: summary)
    }
    if let entry = fixed[key.name] {
      return Taken(contains: { $0 == entry.value }, summary: "\(entry.value) (its fixed value)")
    }
    if key.isRequired { return nil }  // reported as missing
    return Taken(contains: { $0 == baseValue }, summary: "\(baseValue) (its default)")
  }

  private static func summary(of distribution: SweepDistribution) -> String {
    switch distribution {
    case .values(let values):
      let shown = values.prefix(20).map(\.canonical).joined(separator: ", ")
      return "one of " + shown + (values.count > 20 ? ", …" : "")
    case .value(let value): return "\(value)"
    case .intUniform(let min, let max): return "an integer from \(min) to \(max)"
    case .qUniform(let min, let max, let q), .qLogUniform(let min, let max, let q):
      return "a multiple of \(q) from \(min) to \(max)"
    case .uniform, .logUniform, .normal: return "a drawn number"
    }
  }

  /// Parameters in an order where each comes after the swept keys its `when` names (ties in
  /// file order, Kahn's algorithm), and those caught in a loop.
  static func dependencyOrder(_ drafts: [ParameterDraft]) -> (order: [Int], cyclic: [Int]) {
    let index = Dictionary(
      drafts.enumerated().map { ($0.element.key.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let dependencies: [Set<Int>] = drafts.map { draft in
      Set((draft.condition?.clauses ?? []).compactMap { index[$0.key] })
    }
    var order: [Int] = []
    var placed = Set<Int>()
    while order.count < drafts.count {
      guard
        let next = drafts.indices.first(where: {
          !placed.contains($0) && dependencies[$0].isSubset(of: placed)
        })
      else { break }
      order.append(next)
      placed.insert(next)
    }
    return (order, drafts.indices.filter { !placed.contains($0) })
  }
}
