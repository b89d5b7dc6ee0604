import RecurJSON

/// The few JSON texts the store writes itself: string maps and string lists.
///
/// Written by hand (with `RecurJSON`'s escaper) rather than `JSONEncoder` because
/// `registerPlan` encodes one key map per trial (100,000 for a large sweep) and the encoder's
/// per-call cost dominated. Keys are sorted, so that the same map always gives the same text.
enum JSONText {
  /// `{"a":"1","b":"x"}` with keys in ascending order.
  static func object(_ map: [String: String]) -> String {
    var text = "{"
    for (index, key) in map.keys.sorted().enumerated() {
      if index > 0 { text += "," }
      JSONString.append(key, to: &text)
      text += ":"
      JSONString.append(map[key] ?? "", to: &text)
    }
    return text + "}"
  }

  /// `["a","b"]`.
  static func array(_ list: [String]) -> String {
    var text = "["
    for (index, item) in list.enumerated() {
      if index > 0 { text += "," }
      JSONString.append(item, to: &text)
    }
    return text + "]"
  }

  /// Decodes a string map written by `object` (or any flat JSON object of strings); nil if
  /// the text is not one.
  ///
  /// `FlatJSONObject` reads the UTF-8 bytes in one pass: reading 100,000 trials through
  /// `JSONDecoder` spent most of its time in the decoder's generic machinery.
  static func decodeObject(_ text: String) -> [String: String]? {
    FlatJSONObject.stringMap(of: text)
  }

  /// Decodes a string list written by `array`; nil if the text is not one.
  static func decodeArray(_ text: String) -> [String]? {
    guard case .array(let items) = try? JSONParser.parse(text) else { return nil }
    var list: [String] = []
    for item in items {
      guard case .string(let string) = item else { return nil }
      list.append(string)
    }
    return list
  }
}
