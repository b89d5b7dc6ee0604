import Foundation

/// Reads a flat JSON object (RFC 8259) — `{"task": "adding", "seq_len": 100, "lr": 0.001}`,
/// values strings, numbers, booleans or null, nothing nested — as its members' texts: a
/// string's unescaped contents, a number's digits as written.
///
/// Why: a worker decodes one trial spec per trial, and Foundation's `JSONDecoder` spent
/// about 75 µs on one (measured with `recur bench dispatch`, release build), more than the
/// rest of a no-op trial's round trip. Anything this reader does not accept (nesting,
/// malformed text) returns nil, and the caller falls back to `JSONDecoder` for its precise
/// error.
enum FlatJSONObject {
  /// The members in order, or nil if `data` is not a flat JSON object.
  static func members(of data: Data) -> [(key: String, value: String)]? {
    data.withUnsafeBytes { raw in
      var reader = Reader(bytes: raw.bindMemory(to: UInt8.self))
      return reader.object()
    }
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func object() -> [(key: String, value: String)]? {
      skipSpace()
      guard take(UInt8(ascii: "{")) else { return nil }
      var members: [(key: String, value: String)] = []
      skipSpace()
      if take(UInt8(ascii: "}")) { return end(members) }
      while true {
        skipSpace()
        guard let key = string() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        guard let value = scalar() else { return nil }
        members.append((key, value))
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        guard take(UInt8(ascii: "}")) else { return nil }
        return end(members)
      }
    }

    /// The members, if nothing but white space follows the object.
    mutating func end(_ members: [(key: String, value: String)]) -> [(key: String, value: String)]?
    {
      skipSpace()
      return index == bytes.count ? members : nil
    }

    mutating func scalar() -> String? {
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: "\"") { return string() }
      let start = index
      while index < bytes.count, Self.isBareByte(bytes[index]) { index += 1 }
      guard index > start else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A string literal's contents; nil for an escape this reader does not handle.
    mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = index
      while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
        bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20
      {
        index += 1
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      guard take(UInt8(ascii: "\"")) else { return nil }
      return text
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func skipSpace() {
      while index < bytes.count,
        bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
          || bytes[index] == 0x09
      {
        index += 1
      }
    }

    /// Bytes of numbers, `true`, `false` and `null`.
    static func isBareByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "E"):
        true
      default: false
      }
    }
  }
}
