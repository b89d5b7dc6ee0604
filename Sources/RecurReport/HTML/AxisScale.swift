import Foundation

/// A map from data values to pixels along one axis, linear or logarithmic, with tick values
/// and labels.
struct AxisScale: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case linear
    case log
  }

  let kind: Kind
  let low: Double
  let high: Double
  /// Pixel positions of `low` and `high` (for a y axis, `start` is the bottom).
  let start: Double
  let end: Double

  /// A scale over `low...high`; an empty or inverted range is widened so that positions stay
  /// finite. Log scales need positive bounds.
  init(kind: Kind, low: Double, high: Double, start: Double, end: Double) {
    var (a, b) = (low, high)
    if kind == .log {
      a = a > 0 && a.isFinite ? a : 1e-3
      b = b > 0 && b.isFinite ? b : a * 10
      if b <= a { (a, b) = (a / 2, a * 2) }
    } else {
      if !a.isFinite { a = 0 }
      if !b.isFinite { b = a + 1 }
      if b <= a { (a, b) = (a - 0.5, a + 0.5) }
    }
    self.kind = kind
    self.low = a
    self.high = b
    self.start = start
    self.end = end
  }

  /// The pixel position of `value`, or nil if it cannot be placed (non-finite, or not
  /// positive on a log scale).
  func position(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    let fraction: Double
    switch kind {
    case .linear:
      fraction = (value - low) / (high - low)
    case .log:
      guard value > 0 else { return nil }
      fraction = (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
    let pixel = start + fraction * (end - start)
    return pixel.isFinite ? pixel : nil
  }

  /// Tick values inside the range: "nice" steps of 1, 2 or 5 × 10ⁿ for linear scales
  /// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990); powers of ten for log
  /// scales (every few powers when they span more than eight decades), with 2× and 5× in
  /// between when the range spans under two decades.
  func ticks(count: Int = 5) -> [Double] {
    switch kind {
    case .linear:
      let step = Self.niceStep((high - low) / Double(max(1, count - 1)))
      let first = (low / step).rounded(.up) * step
      // Extreme ranges (a diverging loss of 1e300) must not produce millions of ticks.
      let steps = ((high - first) / step).rounded(.down)
      guard steps.isFinite, steps >= 0, steps <= 50 else { return [low, high] }
      return (0...Int(steps)).map { index in
        let value = first + Double(index) * step
        return abs(value) < step * 1e-9 ? 0 : value
      }
    case .log:
      let lowExponent = Int(floor(log10(low)))
      let highExponent = Int(ceil(log10(high)))
      let decades = highExponent - lowExponent
      let multiples: [Double] = decades <= 2 ? [1, 2, 5] : [1]
      // Every decade up to 8 of them, then every second, third… so that about 6 remain.
      let every = decades > 8 ? (decades + 5) / 6 : 1
      var ticks: [Double] = []
      for exponent in stride(from: highExponent, through: lowExponent, by: -every).reversed() {
        for multiple in multiples {
          let value = multiple * pow(10, Double(exponent))
          if value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9) { ticks.append(value) }
        }
      }
      return ticks
    }
  }

  /// A tick label: as few digits as the ticks need (`0.25`, `1e-5`).
  func label(_ value: Double, ticks: [Double]) -> String {
    switch kind {
    case .log:
      let wide = (ticks.min() ?? 1) < 1e-3 || (ticks.max() ?? 1) > 1e4
      let exponent = log10(value).rounded()
      if wide, abs(pow(10, exponent) - value) <= value * 1e-9 {
        return Self.powerOfTen(Int(exponent))
      }
      return Self.compact(value)
    case .linear:
      let step = zip(ticks, ticks.dropFirst()).map { $1 - $0 }.min() ?? (high - low)
      if abs(value) >= 1e5 || (abs(value) < 1e-3 && value != 0) { return Self.compact(value) }
      let decimals = max(0, min(6, -Int(floor(log10(step)))))
      return String(format: "%.\(decimals)f", value)
    }
  }

  /// `10⁻⁴`: a power of ten with a superscript exponent.
  static func powerOfTen(_ exponent: Int) -> String {
    let superscripts: [Character: Character] = [
      "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
      "8": "⁸", "9": "⁹",
    ]
    return "10" + String(String(exponent).compactMap { superscripts[$0] })
  }

  /// `%g` without the exponent's leading zero: `1e-05` → `1e-5`.
  static func compact(_ value: Double) -> String {
    String(format: "%g", value).replacingOccurrences(of: "e-0", with: "e-")
      .replacingOccurrences(of: "e+0", with: "e").replacingOccurrences(of: "e+", with: "e")
  }

  /// 1, 2 or 5 × 10ⁿ, the smallest not below `rough`.
  static func niceStep(_ rough: Double) -> Double {
    guard rough > 0, rough.isFinite else { return 1 }
    let magnitude = pow(10, floor(log10(rough)))
    let fraction = rough / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * magnitude
  }

  /// The log kind when positive values span two decades or more, else linear.
  static func kind(for values: [Double]) -> Kind {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    guard let low = positive.min(), let high = positive.max(),
      positive.count == values.filter(\.isFinite).count
    else { return .linear }
    return high / low >= 100 ? .log : .linear
  }

  /// Bounds that frame `values`: for log, the data range with a little margin; for linear,
  /// rounded out to nice steps, from 0 when the values are non-negative and start low.
  static func bounds(for values: [Double], kind: Kind) -> (Double, Double) {
    let finite = values.filter(\.isFinite).filter { kind == .linear || $0 > 0 }
    guard var low = finite.min(), var high = finite.max() else { return (0, 1) }
    switch kind {
    case .log:
      // 4% of the decades spanned on each side (at least a factor 1.2).
      let margin = max(log10(1.2), 0.04 * log10(high / low))
      return (low / pow(10, margin), high * pow(10, margin))
    case .linear:
      if low >= 0 && low < high * 0.5 { low = 0 }
      if high == low { return (low - 0.5, high + 0.5) }
      let step = niceStep((high - low) / 4)
      low = (low / step).rounded(.down) * step
      high = (high / step).rounded(.up) * step
      return (low, high)
    }
  }
}
