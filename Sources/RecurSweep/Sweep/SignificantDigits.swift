import Foundation

/// Rounding to significant decimal digits, exactly: the result is the Double nearest to the
/// rounded decimal, so its shortest description has at most that many digits.
///
/// Drawn values are rounded to 6 digits so that trial keys read well (`lr=0.00123457`) and
/// survive text round trips (`key=value`, JSON, SQLite) bit for bit. The arithmetic divides or
/// multiplies an integer-valued Double by an exact power of ten; IEEE 754 rounds those
/// operations correctly, which is what makes the result the nearest Double.
enum SignificantDigits {
  static func round(_ value: Double, to digits: Int) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let magnitude = abs(value)
    var exponent = Int(log10(magnitude).rounded(.down))
    if magnitude < power(exponent) { exponent -= 1 }  // log10 may be off by one ulp
    if magnitude >= power(exponent + 1) { exponent += 1 }
    let shift = digits - 1 - exponent
    guard abs(shift) <= 22 else { return value }  // beyond exact powers of ten: leave as is
    return shift >= 0
      ? (value * power(shift)).rounded() / power(shift)
      : (value / power(-shift)).rounded() * power(-shift)
  }

  /// 10^k, exact for |k| ≤ 22 (every such power of ten is a Double).
  private static func power(_ k: Int) -> Double {
    if k < 0 { return 1 / power(-k) }
    var result = 1.0
    for _ in 0..<min(k, 308) { result *= 10 }
    return result
  }
}
