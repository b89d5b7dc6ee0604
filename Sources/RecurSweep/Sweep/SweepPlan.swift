/// The configurations of a sweep and their run order, computed once when the file is read.
///
/// A configuration holds one value per parameter (nil where the parameter's `when` does not
/// hold, so the key keeps its fixed or default value). Seeds are applied on top, by
/// `Sweep.expand()`.
///
/// Grid order. Parameters without conditions are digits of a mixed-radix counter, the first
/// declared the fastest; parameters with `when`, and the keys they name, are enumerated
/// together as one "linked" digit, placed where the first of them is declared. Counting
/// straight through would keep every digit but the first at its first value for a long time
/// (all the seq_len 50 trials first). Instead, configuration i takes for digit j the value
/// (e_j + e_1 + … + e_{j-1}) mod n_j, where e is i written in the mixed radix: for each prefix
/// of digits the shift is fixed, so this is a bijection, and every digit changes at every
/// step, so the first trials already spread over the values of every parameter (with two
/// 3-value parameters: (0,0) (1,1) (2,2) (0,1) (1,2) (2,0) …, a Latin-square walk).
///
/// Random order: draw order. Draw d of key k uses its own stream (`SweepRandom`), and
/// repeated configurations are dropped (their trial ids would collide), drawing again up to
/// 10 × samples + 100 times.
struct SweepPlan: Sendable {
  /// One digit of the grid counter.
  enum Digit: Sendable {
    /// An unconditioned parameter and its values.
    case parameter(Int, values: [TrialValue])
    /// The parameters linked by `when`, enumerated together (configurations over them only).
    case linked([Int], configurations: [[TrialValue?]])

    var count: Int {
      switch self {
      case .parameter(_, let values): values.count
      case .linked(_, let configurations): configurations.count
      }
    }
  }

  let parameterCount: Int
  let isRandom: Bool
  /// Grid: the digits, fastest first. Random: empty.
  let digits: [Digit]
  /// Random: the distinct configurations drawn, in draw order. Grid: empty.
  let drawn: [[TrialValue?]]
  /// How many configurations (before seeds).
  let configurationCount: Int

  /// The configurations in run order.
  func configurations() -> [[TrialValue?]] {
    if isRandom { return drawn }
    var result: [[TrialValue?]] = []
    result.reserveCapacity(configurationCount)
    var configuration = [TrialValue?](repeating: nil, count: parameterCount)
    for i in 0..<configurationCount {
      var rest = i
      var shift = 0
      for digit in digits {
        let count = digit.count
        let e = rest % count
        rest /= count
        let d = (e + shift) % count
        shift += e
        switch digit {
        case .parameter(let p, let values): configuration[p] = values[d]
        case .linked(let ps, let linked):
          for p in ps { configuration[p] = linked[d][p] }
        }
      }
      result.append(configuration)
    }
    return result
  }
}

/// Evaluates `when` conditions on a configuration.
struct ConditionContext {
  let parameterIndex: [String: Int]
  let base: TrialSpec

  init(parameters: [SweepParameter], base: TrialSpec) {
    parameterIndex = Dictionary(
      parameters.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { a, _ in a })
    self.base = base
  }

  /// True when parameter `parameter` applies in `configuration`.
  func applies(_ parameter: SweepParameter, in configuration: [TrialValue?]) -> Bool {
    guard let condition = parameter.condition else { return true }
    return condition.holds { name in
      if let index = parameterIndex[name], let value = configuration[index] { return value }
      return base.value(of: name) ?? .text("")
    }
  }
}
