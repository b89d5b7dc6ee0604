/// A JSON value as `JSONParser` reads it.
///
/// Objects keep their members in file order, duplicates included, so that the reader can
/// reject a duplicated tensor name (a dictionary would silently keep one of them); numbers
/// keep their text so that integers are read exactly, never through a Double.
public enum JSONValue: Sendable, Equatable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let a), .array(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    default: false
    }
  }

  /// What the value is, for error messages ("a string", "an array", …).
  public var kindDescription: String {
    switch self {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    }
  }

  /// The value as a non-negative integer that fits in an Int, or nil (fractions, exponents,
  /// signs and overflow all give nil).
  public var nonNegativeInteger: Int? {
    guard case .number(let text) = self, !text.isEmpty,
      text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    return Int(text)
  }
}
