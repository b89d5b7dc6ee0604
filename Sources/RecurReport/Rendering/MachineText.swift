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

  /// Whether `text` is a JSON number (RFC 8259 §6), so that a key value like `50` or `1e-3`
  /// can be written unquoted.
  static func isJSONNumber(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars[...]
    func digits() -> Int {
      var count = 0
      while let c = scalars.first, ("0"..."9").contains(c) {
        scalars.removeFirst()
        count += 1
      }
      return count
    }
    if scalars.first == "-" { scalars.removeFirst() }
    if scalars.first == "0" {
      scalars.removeFirst()
    } else if digits() == 0 {
      return false
    }
    if scalars.first == "." {
      scalars.removeFirst()
      if digits() == 0 { return false }
    }
    if scalars.first == "e" || scalars.first == "E" {
      scalars.removeFirst()
      if scalars.first == "+" || scalars.first == "-" { scalars.removeFirst() }
      if digits() == 0 { return false }
    }
    return scalars.isEmpty
  }

  /// A JSON string literal (RFC 8259 §7).
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
