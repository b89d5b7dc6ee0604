/// Where a parameter's values come from, as in W&B Sweeps' `parameters` (issue 4).
///
/// One departure from W&B: `log_uniform` and `q_log_uniform` take their bounds as values
/// (W&B's `log_uniform_values`), not as natural logarithms, because that is how learning
/// rates are written; the `_values` spellings are accepted as synonyms.
public enum SweepDistribution: Sendable, Equatable {
  /// One of the listed values, each equally likely (`values: [rnn, lstm]`).
  case values([TrialValue])
  /// Always this value (`value: 0.5`).
  case value(TrialValue)
  /// Uniform on [min, max].
  case uniform(min: Double, max: Double)
  /// log x uniform on [log min, log max] (Bergstra & Bengio, 2012, for scale parameters).
  case logUniform(min: Double, max: Double)
  /// An integer uniform on min...max.
  case intUniform(min: Int, max: Int)
  /// A multiple of q: round(x / q) · q with x uniform on [min, max], kept within [min, max].
  case qUniform(min: Double, max: Double, q: Double)
  /// A multiple of q: round(x / q) · q with x log-uniform on [min, max], kept within [min, max].
  case qLogUniform(min: Double, max: Double, q: Double)
  /// Normal with mean mu and standard deviation sigma, redrawn until inside the key's range.
  case normal(mu: Double, sigma: Double)

  /// The `distribution:` names of sweep files, with their synonyms.
  static let names: [String] = [
    "categorical", "constant", "uniform", "log_uniform", "log_uniform_values", "int_uniform",
    "q_uniform", "q_log_uniform", "q_log_uniform_values", "normal",
  ]

  /// The name a sweep file uses for this distribution.
  public var name: String {
    switch self {
    case .values: "values"
    case .value: "value"
    case .uniform: "uniform"
    case .logUniform: "log_uniform"
    case .intUniform: "int_uniform"
    case .qUniform: "q_uniform"
    case .qLogUniform: "q_log_uniform"
    case .normal: "normal"
    }
  }

  /// True for the distributions a grid can enumerate: lists, constants and the discrete
  /// ones (every integer of int_uniform, every multiple of q of the q distributions).
  public var isDiscrete: Bool {
    switch self {
    case .values, .value, .intUniform, .qUniform, .qLogUniform: true
    case .uniform, .logUniform, .normal: false
    }
  }

  /// How many values a grid enumerates (saturating at `Int.max`); nil if not discrete.
  public var gridCount: Int? {
    switch self {
    case .values(let values): values.count
    case .value: 1
    case .intUniform(let min, let max):
      max.subtractingReportingOverflow(min).overflow || max - min == .max ? .max : max - min + 1
    case .qUniform(let min, let max, let q), .qLogUniform(let min, let max, let q):
      Self.multiples(min, max, q).map { Self.saturatingInt($0.high - $0.low + 1) } ?? 0
    case .uniform, .logUniform, .normal: nil
    }
  }

  /// Every value a grid enumerates, typed for `key`; nil if not discrete. Call only when
  /// `gridCount` is small enough to hold.
  func gridValues(for key: TrialKey) -> [TrialValue]? {
    switch self {
    case .values(let values): return values
    case .value(let value): return [value]
    case .intUniform(let min, let max):
      return (min...max).map { key.isInteger ? .int($0) : .float(Double($0)) }
    case .qUniform(let min, let max, let q), .qLogUniform(let min, let max, let q):
      guard let range = Self.multiples(min, max, q) else { return [] }
      return stride(from: range.low, through: range.high, by: 1).map {
        Self.multiple($0, of: q, for: key)
      }
    case .uniform, .logUniform, .normal: return nil
    }
  }

  /// True when a value may be drawn (for `when` checks on discrete keys).
  func canTake(_ value: TrialValue, for key: TrialKey) -> Bool {
    switch self {
    case .values(let values): return values.contains(value)
    case .value(let constant): return constant == value
    case .intUniform(let min, let max):
      guard let number = value.number else { return false }
      return number == number.rounded() && number >= Double(min) && number <= Double(max)
    case .qUniform(let min, let max, let q), .qLogUniform(let min, let max, let q):
      guard let number = value.number, let range = Self.multiples(min, max, q) else {
        return false
      }
      let k = (number / q).rounded()
      return k >= range.low && k <= range.high && Self.multiple(k, of: q, for: key) == value
    case .uniform, .logUniform, .normal: return false
    }
  }

  /// The range of k with k·q in [min, max], or nil if there is no such multiple. Quotients
  /// within 1e-9 of an integer count as that integer, so that 0.3 / 0.1 = 2.9999999999999996
  /// still admits k = 3.
  static func multiples(_ min: Double, _ max: Double, _ q: Double) -> (low: Double, high: Double)? {
    guard q > 0, min <= max else { return nil }
    let low = (min / q - 1e-9).rounded(.up)
    let high = (max / q + 1e-9).rounded(.down)
    return low <= high ? (low, high) : nil
  }

  /// k·q as a value of `key`: an integer for integer keys, else rounded to 12 significant
  /// digits so that 3 · 0.1 reads 0.3 and not 0.30000000000000004.
  static func multiple(_ k: Double, of q: Double, for key: TrialKey) -> TrialValue {
    let product = k * q
    if key.isInteger { return .int(saturatingInt(product.rounded())) }
    return .float(SignificantDigits.round(product, to: 12))
  }

  static func saturatingInt(_ value: Double) -> Int {
    if value >= 9.2e18 { return .max }
    if value <= -9.2e18 { return .min }
    return Int(value)
  }
}
