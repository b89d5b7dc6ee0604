/// Reads a flat JSON object (RFC 8259): `{"task": "adding", "seq_len": 100, "lr": 0.001}`,
/// values strings, numbers, `true`, `false` or `null`, nothing nested, as its members' texts: a
/// string's unescaped contents, a number's or literal's text as written.
///
/// Why a second reader beside `JSONParser`: a worker reads one trial spec per trial and a
/// report one key map per trial, and building a `JSONValue` tree (or going through
/// Foundation's `JSONDecoder`, about 75 µs per spec in a release build) cost more than the
/// rest of a no-op trial's round trip. This reader makes one pass over the bytes and one
/// `String` per key and value. It is strict all the same: whitespace, every escape (surrogate
/// pairs joined, lone surrogates refused), the number grammar and UTF-8 are checked, and
/// anything else (nesting, malformed text) returns nil, so that the caller can fall back to a
/// full decoder for a precise error.
public enum FlatJSONObject {
  /// One member: the key and the value's text, `isString` telling `"1"` from `1`.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: String
    public var isString: Bool

    public init(key: String, value: String, isString: Bool) {
      self.key = key
      self.value = value
      self.isString = isString
    }
  }

  /// The members in order, duplicates included, or nil if `bytes` is not a flat JSON object.
  public static func members(of bytes: UnsafeRawBufferPointer) -> [Member]? {
    var reader = Reader(bytes: bytes.bindMemory(to: UInt8.self))
    return reader.object()
  }

  /// The members of `text` in order, or nil if it is not a flat JSON object.
  public static func members(of text: String) -> [Member]? {
    var text = text
    return text.withUTF8 { members(of: UnsafeRawBufferPointer($0)) }
  }

  /// The object as a map of strings (the last of duplicated keys wins), or nil if `text` is
  /// not a flat JSON object whose values are all strings.
  public static func stringMap(of text: String) -> [String: String]? {
    guard let members = members(of: text) else { return nil }
    var map: [String: String] = [:]
    map.reserveCapacity(members.count)
    for member in members {
      guard member.isString else { return nil }
      map[member.key] = member.value
    }
    return map
  }
}
