extension SweepPlan {
  /// Why a plan was not made: more configurations than `limit`; `count` when known exactly.
  struct Overflow: Error {
    let count: Int?
  }

  /// The grid plan, or `Overflow` past `limit` configurations (checked before anything large
  /// is built).
  static func grid(
    _ parameters: [SweepParameter], order: [Int], keys: [TrialKey], base: TrialSpec, limit: Int
  ) -> Result<SweepPlan, Overflow> {
    let linked = linkedParameters(parameters)
    var total = 1
    for p in parameters.indices where !linked.contains(p) {
      let count = parameters[p].distribution.gridCount ?? 1
      let (product, overflow) = total.multipliedReportingOverflow(by: count)
      guard !overflow, count != .max else { return .failure(Overflow(count: nil)) }
      total = product
    }
    if total > limit { return .failure(Overflow(count: total)) }
    var linkedConfigurations: [[TrialValue?]] = []
    if !linked.isEmpty {
      let context = ConditionContext(parameters: parameters, base: base)
      let linkedOrder = order.filter(linked.contains)
      guard
        let enumerated = enumerate(
          linkedOrder, parameters, keys, context, limit: limit / max(total, 1))
      else { return .failure(Overflow(count: nil)) }
      linkedConfigurations = interleave(enumerated, by: linkedOrder)
      total *= linkedConfigurations.count
    }
    var digits: [Digit] = []
    for p in parameters.indices {
      if !linked.contains(p) {
        let values = parameters[p].distribution.gridValues(for: keys[p]) ?? []
        digits.append(.parameter(p, values: values))
      } else if p == linked.min() {
        digits.append(.linked(linked.sorted(), configurations: linkedConfigurations))
      }
    }
    return .success(
      SweepPlan(
        parameterCount: parameters.count, isRandom: false, digits: digits, drawn: [],
        configurationCount: total))
  }

  /// `samples` distinct random configurations (fewer if the space is smaller).
  static func random(
    _ parameters: [SweepParameter], order: [Int], keys: [TrialKey], base: TrialSpec,
    samples: Int, seed: UInt64
  ) -> SweepPlan {
    let context = ConditionContext(parameters: parameters, base: base)
    var seen = Set<[TrialValue?]>()
    var drawn: [[TrialValue?]] = []
    var draw = 0
    while drawn.count < samples && draw < samples * 10 + 100 {
      var configuration = [TrialValue?](repeating: nil, count: parameters.count)
      for p in order where context.applies(parameters[p], in: configuration) {
        var random = SweepRandom(seed: seed, draw: draw, key: keys[p].name)
        configuration[p] = parameters[p].distribution.draw(for: keys[p], using: &random)
      }
      if seen.insert(configuration).inserted { drawn.append(configuration) }
      draw += 1
    }
    return SweepPlan(
      parameterCount: parameters.count, isRandom: true, digits: [], drawn: drawn,
      configurationCount: drawn.count)
  }

  /// Parameters with a `when`, and the swept keys those conditions name.
  private static func linkedParameters(_ parameters: [SweepParameter]) -> Set<Int> {
    var names = Set<String>()
    for parameter in parameters {
      guard let condition = parameter.condition else { continue }
      names.insert(parameter.key)
      for clause in condition.clauses { names.insert(clause.key) }
    }
    return Set(parameters.indices.filter { names.contains(parameters[$0].key) })
  }

  /// Every combination of the linked parameters, each applied only where its `when` holds;
  /// nil past `limit`.
  private static func enumerate(
    _ order: [Int], _ parameters: [SweepParameter], _ keys: [TrialKey],
    _ context: ConditionContext, limit: Int
  ) -> [[TrialValue?]]? {
    var configurations = [[TrialValue?](repeating: nil, count: parameters.count)]
    for p in order {
      guard let count = parameters[p].distribution.gridCount, count <= limit else { return nil }
      let values = parameters[p].distribution.gridValues(for: keys[p]) ?? []
      var next: [[TrialValue?]] = []
      for configuration in configurations {
        guard context.applies(parameters[p], in: configuration) else {
          next.append(configuration)
          continue
        }
        for value in values {
          var extended = configuration
          extended[p] = value
          next.append(extended)
        }
        if next.count > limit { return nil }
      }
      configurations = next
    }
    return configurations
  }

  /// Round-robin over the values of the first key, recursively over the others, so that
  /// linked configurations also alternate (rnn, lstm/fb0, gru, lstm/fb1 rather than
  /// rnn, lstm/fb0, lstm/fb1, gru).
  static func interleave(_ configurations: [[TrialValue?]], by order: ArraySlice<Int>)
    -> [[TrialValue?]]
  {
    guard let first = order.first, configurations.count > 1 else { return configurations }
    var groups: [[[TrialValue?]]] = []
    var groupOf: [TrialValue?: Int] = [:]
    for configuration in configurations {
      let value = configuration[first]
      if let g = groupOf[value] {
        groups[g].append(configuration)
      } else {
        groupOf[value] = groups.count
        groups.append([configuration])
      }
    }
    let ordered = groups.map { interleave($0, by: order.dropFirst()) }
    var result: [[TrialValue?]] = []
    result.reserveCapacity(configurations.count)
    for round in 0..<(ordered.map(\.count).max() ?? 0) {
      for group in ordered where round < group.count { result.append(group[round]) }
    }
    return result
  }

  static func interleave(_ configurations: [[TrialValue?]], by order: [Int]) -> [[TrialValue?]] {
    interleave(configurations, by: order[...])
  }
}
