import Foundation

extension SweepDistribution {
  /// One random draw, typed for `key`. The distribution was validated against the key when
  /// the file was read, so every draw is inside the key's range.
  func draw(for key: TrialKey, using random: inout SweepRandom) -> TrialValue {
    switch self {
    case .values(let values):
      return values[Int(random.int(below: UInt64(values.count)))]
    case .value(let value):
      return value
    case .uniform(let min, let max):
      return .float(Self.rounded(min + (max - min) * random.unit(), min, max))
    case .logUniform(let min, let max):
      return .float(Self.rounded(Self.logUniform(min, max, random.unit()), min, max))
    case .intUniform(let min, let max):
      let offset = random.int(below: UInt64(max - min) + 1)
      let value = min + Int(offset)
      return key.isInteger ? .int(value) : .float(Double(value))
    case .qUniform(let min, let max, let q):
      return Self.quantised(min + (max - min) * random.unit(), min, max, q, key)
    case .qLogUniform(let min, let max, let q):
      return Self.quantised(Self.logUniform(min, max, random.unit()), min, max, q, key)
    case .normal(let mu, let sigma):
      return .float(Self.normal(mu, sigma, key, &random))
    }
  }

  private static func logUniform(_ min: Double, _ max: Double, _ u: Double) -> Double {
    exp(log(min) + (log(max) - log(min)) * u)
  }

  /// Rounded to 6 significant digits, kept within [min, max].
  private static func rounded(_ value: Double, _ min: Double, _ max: Double) -> Double {
    Swift.min(max, Swift.max(min, SignificantDigits.round(value, to: 6)))
  }

  private static func quantised(
    _ value: Double, _ min: Double, _ max: Double, _ q: Double, _ key: TrialKey
  ) -> TrialValue {
    guard let range = multiples(min, max, q) else { return .float(min) }
    let k = Swift.min(range.high, Swift.max(range.low, (value / q).rounded()))
    return multiple(k, of: q, for: key)
  }

  /// Redraws up to 1000 times until the value is inside the key's range (the reader checked
  /// that mu is), then falls back to mu.
  private static func normal(
    _ mu: Double, _ sigma: Double, _ key: TrialKey, _ random: inout SweepRandom
  ) -> Double {
    for _ in 0..<1000 {
      let value = SignificantDigits.round(mu + sigma * random.normal(), to: 6)
      if case .float(let range) = key.kind, !range.contains(value) { continue }
      return value
    }
    return mu
  }
}
