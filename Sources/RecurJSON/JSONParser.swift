/// A strict JSON parser (RFC 8259) over UTF-8 bytes, written for safetensors headers.
///
/// Why not `JSONSerialization`: it silently keeps one of two duplicated keys, turns integers
/// into Doubles and has no nesting limit; a checkpoint reader must report duplicated tensor
/// names, read offsets exactly and never exhaust the stack on hostile input. This parser
/// accepts exactly the RFC grammar (whitespace around values, escapes with surrogate pairs,
/// strings of valid UTF-8), limits nesting to `maximumDepth`, and reports the byte offset of
/// the first error.
public struct JSONParser {
  /// Nesting deeper than this is rejected; a safetensors header needs 3 levels.
  public static let maximumDepth = 64

  /// Why the text is not JSON, and where: `offset` counts bytes from the start of the input.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
      self.offset = offset
      self.reason = reason
    }

    public var description: String { "\(reason) at byte \(offset)" }
  }

  private let bytes: [UInt8]
  private var position = 0

  /// Parses `text` as one JSON value followed only by whitespace.
  public static func parse(_ text: String) throws(Failure) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses `bytes` as one JSON value followed only by whitespace.
  public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw parser.failure("unexpected text after the end")
    }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func failure(_ reason: String) -> Failure { Failure(offset: position, reason: reason) }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      position += 1
    }
  }

  private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
    guard depth < Self.maximumDepth else { throw failure("nested too deeply") }
    guard let byte = current else { throw failure("unexpected end, expected a value") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
    default: throw failure("unexpected character, expected a value")
    }
  }

  private mutating func expectLiteral(_ literal: String) throws(Failure) {
    for expected in literal.utf8 {
      guard current == expected else { throw failure("invalid literal, expected \(literal)") }
      position += 1
    }
  }

  private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
    position += 1  // {
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
      position += 1
      skipWhitespace()
      members.append((key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      default: throw failure("expected ',' or '}' in an object")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
    position += 1  // [
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      default: throw failure("expected ',' or ']' in an array")
      }
    }
  }

  /// The number's text, checked against the RFC grammar:
  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
  private mutating func parseNumber() throws(Failure) -> String {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    if current == UInt8(ascii: "0") {
      position += 1
    } else {
      guard skipDigits() > 0 else { throw failure("invalid number") }
    }
    if current == UInt8(ascii: ".") {
      position += 1
      guard skipDigits() > 0 else { throw failure("invalid number: digits must follow '.'") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard skipDigits() > 0 else { throw failure("invalid number: bad exponent") }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func skipDigits() -> Int {
    let start = position
    while let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      position += 1
    }
    return position - start
  }

  /// A string's contents. Runs of plain bytes are taken whole; a string without escapes (most
  /// of them) becomes a `String` in one step, without the UTF-8 check when it is ASCII.
  private mutating func parseString() throws(Failure) -> String {
    position += 1  // opening quote
    var scalars = String.UnicodeScalarView()
    var runStart = position
    while true {
      var bits: UInt8 = 0  // the OR of the run's bytes: below 0x80, the run is ASCII
      while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"),
        byte >= 0x20
      {
        bits |= byte
        position += 1
      }
      guard let byte = current else { throw failure("unterminated string") }
      let run = try decodeRun(runStart..<position, ascii: bits < 0x80)
      if byte == UInt8(ascii: "\"") {
        position += 1
        if scalars.isEmpty { return run }
        scalars.append(contentsOf: run.unicodeScalars)
        return String(scalars)
      }
      scalars.append(contentsOf: run.unicodeScalars)
      guard byte == UInt8(ascii: "\\") else { throw failure("control character in a string") }
      position += 1
      scalars.append(try parseEscape())
      runStart = position
    }
  }

  /// The bytes of `range` as a string; they must be valid UTF-8.
  private mutating func decodeRun(_ range: Range<Int>, ascii: Bool) throws(Failure) -> String {
    if ascii { return String(decoding: bytes[range], as: UTF8.self) }
    guard let run = String(validating: bytes[range], as: UTF8.self) else {
      position = range.lowerBound
      throw failure("invalid UTF-8 in a string")
    }
    return run
  }

  /// One escape after its backslash; a \u high surrogate must be followed by \u low surrogate.
  private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
    guard let byte = current else { throw failure("unterminated escape") }
    position += 1
    if let character = JSONEscape.character(after: byte) { return character }
    guard byte == UInt8(ascii: "u") else { throw failure("invalid escape") }
    let unit = try parseHex4()
    guard JSONEscape.isHighSurrogate(unit) else {
      guard let scalar = Unicode.Scalar(unit) else {
        throw failure("unpaired surrogate in \\u escape")
      }
      return scalar
    }
    guard current == UInt8(ascii: "\\"), position + 1 < bytes.count,
      bytes[position + 1] == UInt8(ascii: "u")
    else { throw failure("unpaired surrogate in \\u escape") }
    position += 2
    guard let scalar = JSONEscape.scalar(high: unit, low: try parseHex4()) else {
      throw failure("unpaired surrogate in \\u escape")
    }
    return scalar
  }

  private mutating func parseHex4() throws(Failure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw failure("unterminated \\u escape") }
      guard let digit = JSONEscape.hexDigit(byte) else {
        throw failure("invalid hex digit in \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }
}
