import Foundation

/// How one column's numbers are written for people (terminal, Markdown, HTML): one style per
/// column, so that its numbers line up on the right and read at a glance.
///
/// A column whose values span two decades or more, or reach below 0.001 or above 10⁵, is
/// written in scientific notation with three significant digits (`1.23e-04`); otherwise in
/// fixed notation with enough decimals to give its smallest value three significant digits
/// (at most five), and no decimals when every value is a whole number. Shares have three
/// decimals; counts are integers. Missing values are written `–`.
enum NumberFormatting: Sendable, Hashable {
  case fixed(decimals: Int)
  case scientific
  case whole

  /// What missing values are written as.
  static let missing = "–"

  /// The style of a column of this kind with these values.
  init(kind: ReportColumn.Kind, values: [ReportValue]) {
    switch kind {
    case .key, .count, .ratio:
      self = .whole
    case .share:
      self = .fixed(decimals: 3)
    case .number:
      self = Self.style(for: values.compactMap(\.numeric))
    }
  }

  /// The style for a list of numbers (see the type's documentation).
  static func style(for numbers: [Double]) -> NumberFormatting {
    let magnitudes = numbers.filter(\.isFinite).map(abs)
    let nonzero = magnitudes.filter { $0 > 0 }
    guard let low = nonzero.min(), let high = nonzero.max() else { return .whole }
    if high >= 1e5 || low < 1e-3 || high / low >= 100 { return .scientific }
    if magnitudes.allSatisfy({ $0.rounded() == $0 }) { return .whole }
    let decimals = 2 - Int(Foundation.floor(Foundation.log10(low)))
    return .fixed(decimals: min(5, max(0, decimals)))
  }

  /// One value as text.
  func format(_ value: ReportValue) -> String {
    switch value {
    case .text(let text): text.isEmpty ? Self.missing : text
    case .count(let n): "\(n)"
    case .ratio(let k, let n): "\(k)/\(n)"
    case .missing: Self.missing
    case .number(let x): format(x)
    }
  }

  /// One number as text.
  func format(_ x: Double) -> String {
    guard x.isFinite else { return Self.missing }
    switch self {
    case .whole: return String(format: "%.0f", x)
    case .fixed(let decimals): return String(format: "%.\(decimals)f", x)
    case .scientific: return String(format: "%.2e", x)
    }
  }
}
