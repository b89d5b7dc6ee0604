/// The allowed range of a float trial key: `min ≤ x ≤ max`, or `min < x ≤ max` when the lower
/// bound is exclusive (a learning rate of 0 trains nothing).
public struct FloatRange: Sendable, Equatable {
  public let min: Double
  public let max: Double
  public let minExclusive: Bool

  public init(_ min: Double, _ max: Double, minExclusive: Bool = false) {
    self.min = min
    self.max = max
    self.minExclusive = minExclusive
  }

  public func contains(_ value: Double) -> Bool {
    value.isFinite && (minExclusive ? value > min : value >= min) && value <= max
  }

  /// "a number from 0 to 1", "a number greater than 0 and at most 10".
  public var expectation: String {
    let low = FloatRange.format(min)
    let high = FloatRange.format(max)
    return minExclusive
      ? "a number greater than \(low) and at most \(high)"
      : "a number from \(low) to \(high)"
  }

  /// A number for messages: integral values without a fraction (`1000000`, not `1000000.0`).
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return value.description
  }
}
