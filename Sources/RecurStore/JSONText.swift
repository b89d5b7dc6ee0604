import Foundation

/// The few JSON texts the store writes itself: string maps and string lists.
///
/// Hand-written rather than `JSONEncoder` because `registerPlan` encodes one key map per trial
/// (100,000 for a large sweep) and the encoder's per-call cost dominated. Output follows
/// RFC 8259 §7 (quote, backslash and control characters escaped), keys sorted, so that the same
/// map always gives the same text.
enum JSONText {
  /// `{"a":"1","b":"x"}` with keys in ascending order.
  static func object(_ map: [String: String]) -> String {
    var text = "{"
    for (index, key) in map.keys.sorted().enumerated() {
      if index > 0 { text += "," }
      appendString(key, to: &text)
      text += ":"
      appendString(map[key] ?? "", to: &text)
    }
    return text + "}"
  }

  /// `["a","b"]`.
  static func array(_ list: [String]) -> String {
    var text = "["
    for (index, item) in list.enumerated() {
      if index > 0 { text += "," }
      appendString(item, to: &text)
    }
    return text + "]"
  }

  /// Decodes a string map written by `object`; nil if the text is not one.
  ///
  /// A direct scan of the UTF-8 bytes comes first: reading 100,000 trials spent most of its
  /// time in `JSONDecoder`'s generic machinery. Anything the scan does not expect (spaces,
  /// `\\u` escapes beyond what `object` writes, other types) goes to `JSONDecoder`.
  static func decodeObject(_ text: String) -> [String: String]? {
    var text = text
    if let map = text.withUTF8({ FlatObjectScanner(bytes: $0).scan() }) { return map }
    return try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
  }

  /// Decodes a string list written by `array`; nil if the text is not one.
  static func decodeArray(_ text: String) -> [String]? {
    try? JSONDecoder().decode([String].self, from: Data(text.utf8))
  }

  private static func appendString(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        text +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
