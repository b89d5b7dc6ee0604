import Testing

@testable import RecurJSON

@Suite struct JSONParserTests {
  @Test func readsEveryKindOfValue() throws {
    let value = try JSONParser.parse(
      #" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "a": {}} "#)
    #expect(
      value
        == .object([
          ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
          ("b", .object([("c", .string("d"))])), ("a", .object([])),
        ]))
  }

  @Test func keepsDuplicatedKeysInOrder() throws {
    guard case .object(let members) = try JSONParser.parse(#"{"x":1,"x":2}"#) else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["x", "x"])
    #expect(members.map(\.value) == [.number("1"), .number("2")])
  }

  @Test(arguments: [
    (#""\u00e9\/\b\f\n\r\t\"\\""#, "é/\u{08}\u{0C}\n\r\t\"\\"), (#""\u0000""#, "\u{0}"),
    (#""\ud83d\ude00""#, "😀"), (#""\uD834\uDD1E""#, "𝄞"), (#""\u2028""#, "\u{2028}"),
    ("\"\u{2028}\"", "\u{2028}"),
  ])
  func decodesEscapes(text: String, expected: String) throws {
    #expect(try JSONParser.parse(text) == .string(expected))
  }

  @Test(arguments: [
    ("", 0, "unexpected end, expected a value"), ("  ", 2, "unexpected end, expected a value"),
    (#"{"a":"#, 5, "unexpected end, expected a value"),
    (#"{"a" 1}"#, 5, "expected ':' after a key"),
    (#"{1:2}"#, 1, "expected a string key"),
    (#"[1,]"#, 3, "unexpected character, expected a value"),
    (#"[1 2]"#, 3, "expected ',' or ']' in an array"),
    (#"{"a":1"#, 6, "expected ',' or '}' in an object"),
    ("1 x", 2, "unexpected text after the end"), ("01", 1, "unexpected text after the end"),
    ("1.", 2, "invalid number: digits must follow '.'"), ("1e+", 3, "invalid number: bad exponent"),
    ("-", 1, "invalid number"), ("tru", 3, "invalid literal, expected true"),
    ("nul", 3, "invalid literal, expected null"), ("\"a\nb\"", 2, "control character in a string"),
    (#""\q""#, 3, "invalid escape"), (#""\u12g4""#, 5, #"invalid hex digit in \u escape"#),
    (#""\u12"#, 5, #"unterminated \u escape"#), (#""abc"#, 4, "unterminated string"),
    (#""\ud800""#, 7, #"unpaired surrogate in \u escape"#),
    (#""\ud800\u0041""#, 13, #"unpaired surrogate in \u escape"#),
    (#""\udc00""#, 7, #"unpaired surrogate in \u escape"#),
    (#""\ud800x""#, 7, #"unpaired surrogate in \u escape"#),
  ])
  func reportsTheFirstErrorWithItsByteOffset(text: String, offset: Int, reason: String) {
    #expect(throws: JSONParser.Failure(offset: offset, reason: reason)) {
      try JSONParser.parse(text)
    }
  }

  @Test func refusesInvalidUTF8InStrings() {
    let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
    #expect(throws: JSONParser.Failure(offset: 1, reason: "invalid UTF-8 in a string")) {
      try JSONParser.parse(bytes)
    }
  }

  @Test func limitsNesting() {
    let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1)
    #expect(
      throws: JSONParser.Failure(offset: JSONParser.maximumDepth, reason: "nested too deeply")
    ) {
      try JSONParser.parse(deep)
    }
    let allowed =
      String(repeating: "[", count: JSONParser.maximumDepth)
      + String(repeating: "]", count: JSONParser.maximumDepth)
    #expect(throws: Never.self) { try JSONParser.parse(allowed) }
  }

  @Test func failuresSayWhereTheyAre() {
    #expect(
      "\(JSONParser.Failure(offset: 3, reason: "invalid escape"))" == "invalid escape at byte 3")
  }

  @Test(arguments: [
    ("12", 12), ("0", 0), ("-1", nil), ("1.0", nil), ("1e2", nil), ("99999999999999999999", nil),
  ])
  func nonNegativeIntegersAreReadExactly(text: String, expected: Int?) throws {
    #expect(try JSONParser.parse(text).nonNegativeInteger == expected)
  }
}
