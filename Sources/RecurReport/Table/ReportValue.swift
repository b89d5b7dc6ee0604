/// One cell of the report's table.
public enum ReportValue: Sendable, Hashable {
  /// A key's value, as stored.
  case text(String)
  /// A count of trials.
  case count(Int)
  /// A finite number.
  case number(Double)
  /// k of n (solved trials of those judged).
  case ratio(Int, of: Int)
  /// Nothing to show: no trial contributed.
  case missing

  /// The value as a number for sorting and colour scales; nil for text and missing values.
  var numeric: Double? {
    switch self {
    case .count(let n): Double(n)
    case .number(let x): x
    case .ratio(let k, let n): n > 0 ? Double(k) / Double(n) : nil
    case .text, .missing: nil
    }
  }

  /// A number, or `.missing` for nil and non-finite values.
  static func of(_ value: Double?) -> ReportValue {
    guard let value, value.isFinite else { return .missing }
    return .number(value)
  }
}
