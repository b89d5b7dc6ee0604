/// The pieces of RFC 8259 §7's string escapes that `JSONParser` and `FlatJSONObject` share;
/// each reader keeps its own loop and error reporting (the parser names what is wrong, the flat
/// reader only gives up).
enum JSONEscape {
  /// The character `\X` stands for, for each one-character escape X; nil for `u` and anything
  /// that is not an escape.
  @inline(__always)
  static func character(after byte: UInt8) -> Unicode.Scalar? {
    switch byte {
    case UInt8(ascii: "\""): "\""
    case UInt8(ascii: "\\"): "\\"
    case UInt8(ascii: "/"): "/"
    case UInt8(ascii: "b"): "\u{08}"
    case UInt8(ascii: "f"): "\u{0C}"
    case UInt8(ascii: "n"): "\n"
    case UInt8(ascii: "r"): "\r"
    case UInt8(ascii: "t"): "\t"
    default: nil
    }
  }

  /// The value of one hex digit of a `\u` escape, or nil.
  @inline(__always)
  static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// Whether a `\u` unit opens a surrogate pair (it must be followed by a low surrogate).
  static func isHighSurrogate(_ unit: UInt32) -> Bool { (0xD800..<0xDC00).contains(unit) }

  /// The scalar of a surrogate pair, or nil when `low` is not a low surrogate.
  static func scalar(high: UInt32, low: UInt32) -> Unicode.Scalar? {
    guard (0xDC00..<0xE000).contains(low) else { return nil }
    return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
  }
}
