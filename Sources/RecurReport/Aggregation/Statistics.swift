import Foundation

/// Summary statistics over a sample, each ignoring non-finite values (NaN, ±inf), so that a
/// diverged trial never turns a whole column into NaN. Every function returns nil when too few
/// finite values remain.
enum Statistics {
  /// The arithmetic mean; nil for no finite value.
  static func mean(_ values: [Double]) -> Double? {
    let finite = values.filter(\.isFinite)
    guard !finite.isEmpty else { return nil }
    return finite.reduce(0, +) / Double(finite.count)
  }

  /// The sample standard deviation, with Bessel's correction (n − 1), as pandas' `std()` and
  /// numpy's `std(ddof=1)`; nil below two finite values. Two passes (mean, then squared
  /// deviations), which is accurate for the few seeds of a group.
  static func standardDeviation(_ values: [Double]) -> Double? {
    let finite = values.filter(\.isFinite)
    guard finite.count >= 2, let mean = mean(finite) else { return nil }
    let squares = finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (squares / Double(finite.count - 1)).squareRoot()
  }

  /// The median: the middle value, or the mean of the two middle values.
  static func median(_ values: [Double]) -> Double? {
    let sorted = values.filter(\.isFinite).sorted()
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    return (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The geometric mean exp(mean(ln x)), for ratios that span decades (gradient retention).
  /// Negative values are not ratios and are dropped; a zero (a gradient that vanished to
  /// nothing) makes the mean zero, as the formula's limit does.
  static func geometricMean(_ values: [Double]) -> Double? {
    let usable = values.filter { $0.isFinite && $0 >= 0 }
    guard !usable.isEmpty else { return nil }
    if usable.contains(0) { return 0 }
    let logs = usable.map { Foundation.log($0) }
    return mean(logs).map { Foundation.exp($0) }
  }

  /// The least-squares slope of y over x: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², over the pairs where
  /// both are finite; nil for fewer than two such pairs or when every x is the same.
  static func slope(x: [Double], y: [Double]) -> Double? {
    let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
    guard pairs.count >= 2 else { return nil }
    let n = Double(pairs.count)
    let meanX = pairs.reduce(0) { $0 + $1.0 } / n
    let meanY = pairs.reduce(0) { $0 + $1.1 } / n
    var covariance = 0.0
    var variance = 0.0
    for (xi, yi) in pairs {
      covariance += (xi - meanX) * (yi - meanY)
      variance += (xi - meanX) * (xi - meanX)
    }
    guard variance > 0 else { return nil }
    return covariance / variance
  }

  /// The slope of ln ‖dL/dh_t‖ over t (t = 0, 1, …, T − 1), in nepers per time step. The
  /// gradient starts at the last step and travels back to t = 0, so a positive slope means it
  /// shrinks on the way back (vanishing: ln retention ≈ −slope · (T − 1)) and a negative one
  /// that it grows (exploding). Entries that are missing or not positive (ln undefined) are
  /// skipped.
  static func logSlope(_ curve: [Double?]) -> Double? {
    var x: [Double] = []
    var y: [Double] = []
    for (t, value) in curve.enumerated() {
      guard let value, value.isFinite, value > 0 else { continue }
      x.append(Double(t))
      y.append(Foundation.log(value))
    }
    return slope(x: x, y: y)
  }
}
