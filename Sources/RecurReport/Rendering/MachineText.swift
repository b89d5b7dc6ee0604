/// Values as the machine formats (CSV, JSON) write them: every digit needed to read the same
/// `Double` back.
enum MachineText {
  /// Swift's shortest representation that parses back to the same `Double` (`0.1`, `1e-05`,
  /// `3.0`), which is also a valid JSON number; nil for non-finite values.
  static func number(_ x: Double) -> String? {
    x.isFinite ? "\(x)" : nil
  }

  /// The field names a column writes: a ratio k/n writes `name` (k) and `name_of` (n).
  static func fieldNames(_ column: ReportColumn) -> [String] {
    column.kind == .ratio ? [column.name, column.name + "_of"] : [column.name]
  }

  /// The fields of one value, as text, nil where missing; one per `fieldNames` entry.
  static func fields(_ value: ReportValue, kind: ReportColumn.Kind) -> [String?] {
    switch value {
    case .text(let text): return [text]
    case .count(let n): return ["\(n)"]
    case .number(let x): return [number(x)]
    case .ratio(let k, let n): return ["\(k)", "\(n)"]
    case .missing: return kind == .ratio ? [nil, nil] : [nil]
    }
  }
}
