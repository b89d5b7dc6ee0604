/// Writes JSON string literals (RFC 8259 §7): the one escaper of every JSON text Recur writes
/// by hand (store key maps, trial specs, safetensors headers, machine-readable reports).
///
/// Escaped: the quotation mark, the backslash, every control character below U+0020 (`\n`,
/// `\r`, `\t` by name, the others as `\u00XX` in lowercase hex, `\u0000` included), and
/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR as `\u2028`, `\u2029`. JSON allows
/// the last two raw, but JavaScript before ES2019 does not allow them in string literals, so
/// escaping them keeps a JSON text safe to paste into a script (an HTML report). Everything
/// else, non-BMP characters included, is written as its UTF-8 bytes: a Swift `String` holds
/// only valid scalars, so no lone surrogate can reach the output.
///
/// Hand-written rather than `JSONEncoder` because the plan encodes one key map and one spec per
/// trial (100,000 for a large sweep) and the encoder's per-call cost dominated.
public enum JSONString {
  /// `text` as a quoted JSON string literal.
  public static func quoted(_ text: String) -> String {
    var result = ""
    append(text, to: &result)
    return result
  }

  /// Appends `text` to `output` as a quoted JSON string literal.
  public static func append(_ text: String, to output: inout String) {
    var text = text
    if text.withUTF8({ !needsEscaping($0) }) {
      output.reserveCapacity(output.utf8.count + text.utf8.count + 2)
      output += "\""
      output += text
      output += "\""
      return
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    append(text, to: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `text` to `output` as a quoted JSON string literal, in UTF-8.
  public static func append(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
      output.append(UInt8(ascii: "\""))
      var index = 0
      var runStart = 0
      while index < bytes.count {
        let length = escapedLength(bytes, at: index)
        if length == 0 {
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        appendEscape(bytes, at: index, to: &output)
        index += length
        runStart = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      output.append(UInt8(ascii: "\""))
    }
  }

  /// Whether any byte of `bytes` starts something `append` escapes.
  private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for index in bytes.indices where escapedLength(bytes, at: index) > 0 { return true }
    return false
  }

  /// How many bytes at `index` form one escaped character (1, or 3 for U+2028 and U+2029), or
  /// 0 when the byte is written as it is.
  private static func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return 1 }
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
    {
      return 3
    }
    return 0
  }

  private static func appendEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, to output: inout [UInt8]
  ) {
    let byte = bytes[index]
    output.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
    case 0x0A: output.append(UInt8(ascii: "n"))
    case 0x0D: output.append(UInt8(ascii: "r"))
    case 0x09: output.append(UInt8(ascii: "t"))
    case 0xE2: output += Array((bytes[index + 2] == 0xA8 ? "u2028" : "u2029").utf8)
    default:
      let hex = Array("0123456789abcdef".utf8)
      output += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
      output += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
  }
}
