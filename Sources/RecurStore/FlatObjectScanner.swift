/// Reads a compact JSON object of strings, `{"k":"v",…}`, as `JSONText.object` writes it.
///
/// Returns nil at the first thing it does not expect (whitespace, a non-string value, a
/// `\u` escape other than a control character): the caller then falls back to a full parser.
/// Escapes follow RFC 8259 §7.
struct FlatObjectScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  consuming func scan() -> [String: String]? {
    guard take(UInt8(ascii: "{")) else { return nil }
    var map: [String: String] = [:]
    if take(UInt8(ascii: "}")) { return index == bytes.count ? map : nil }
    repeat {
      guard let key = string(), take(UInt8(ascii: ":")), let value = string() else { return nil }
      map[key] = value
    } while take(UInt8(ascii: ","))
    guard take(UInt8(ascii: "}")), index == bytes.count else { return nil }
    return map
  }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard index < bytes.count, bytes[index] == byte else { return false }
    index += 1
    return true
  }

  /// A quoted string; nil if it is not one this scanner handles.
  private mutating func string() -> String? {
    guard take(UInt8(ascii: "\"")) else { return nil }
    var decoded: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: decoded, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard let unescaped = escape() else { return nil }
        decoded.append(unescaped)
      case 0..<0x20: return nil
      default: decoded.append(byte)
      }
    }
    return nil
  }

  /// The byte an escape stands for (the backslash already taken).
  private mutating func escape() -> UInt8? {
    guard index < bytes.count else { return nil }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return byte
    case UInt8(ascii: "n"): return 0x0A
    case UInt8(ascii: "r"): return 0x0D
    case UInt8(ascii: "t"): return 0x09
    case UInt8(ascii: "b"): return 0x08
    case UInt8(ascii: "f"): return 0x0C
    case UInt8(ascii: "u"):
      guard index + 4 <= bytes.count,
        let code = UInt8(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
        code < 0x20
      else { return nil }
      index += 4
      return code
    default: return nil
    }
  }
}
