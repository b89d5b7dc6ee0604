import Testing

@testable import RecurJSON

@Suite struct JSONStringTests {
  @Test func controlCharactersAreEscaped() {
    #expect(JSONString.quoted("a\u{1}b\n\"") == "\"a\\u0001b\\n\\\"\"")
  }

  @Test(arguments: [
    ("", #""""#), ("plain", #""plain""#), ("q\"uote", #""q\"uote""#),
    ("back\\slash", #""back\\slash""#), ("\n\r\t", #""\n\r\t""#), ("\u{0}", #""\u0000""#),
    ("\u{08}\u{0C}", #""\u0008\u000c""#), ("\u{1F}", #""\u001f""#), ("/", #""/""#),
    ("\u{7F}", "\"\u{7F}\""), ("é😀", "\"é😀\""), ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),
    ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
  ])
  func escapesWhatRFC8259AndJavaScriptNeed(text: String, literal: String) {
    #expect(JSONString.quoted(text) == literal)
  }

  @Test func everyControlCharacterIsEscaped() {
    for value in UInt32(0)..<0x20 {
      let text = String(Character(Unicode.Scalar(value) ?? "?"))
      let literal = JSONString.quoted(text)
      #expect(literal.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "\(value)")
      #expect(literal.count == 4 || literal.count == 8, "\(value)")
    }
  }

  @Test(arguments: [
    "", "x", "\u{0}\u{1}\u{1F} \"\\/", "é😀 𝄞 \u{2028}\u{2029}", "\u{FEFF}\u{FFFF}\u{10FFFF}",
    String(repeating: "ab\n", count: 100),
  ])
  func literalsParseBackToTheSameText(text: String) throws {
    #expect(try JSONParser.parse(JSONString.quoted(text)) == .string(text))
  }

  @Test func byteAndStringOutputsAreTheSame() {
    for text in ["", "a", "\u{1}\u{2028}😀\"", "plain text"] {
      var bytes: [UInt8] = [UInt8(ascii: "x")]
      JSONString.append(text, to: &bytes)
      var string = "x"
      JSONString.append(text, to: &string)
      #expect(bytes == Array(string.utf8))
    }
  }
}
