/// The number grammar of RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
public enum JSONNumber {
  /// Whether `text` is exactly one JSON number, so that a value like `50` or `1e-3` can be
  /// written unquoted.
  public static func isValid(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in end(in: bytes, from: 0) == bytes.count }
  }

  /// The index just past the number that starts at `start`, or nil if no number starts there.
  /// A number ends at the first byte that cannot continue it; the caller checks what follows.
  static func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      let digitsStart = index
      index = digitsEnd(in: bytes, from: index)
      guard index > digitsStart else { return nil }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      let digitsStart = index + 1
      index = digitsEnd(in: bytes, from: digitsStart)
      guard index > digitsStart else { return nil }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      let digitsStart = index
      index = digitsEnd(in: bytes, from: index)
      guard index > digitsStart else { return nil }
    }
    return index
  }

  /// The index of the first byte at or after `start` that is not an ASCII digit.
  private static func digitsEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
    return index
  }
}
