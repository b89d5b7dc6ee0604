import Testing

@testable import RecurJSON

@Suite struct FlatJSONObjectTests {
  @Test func flatObjectsAreReadAsTexts() throws {
    let members = try #require(
      FlatJSONObject.members(of: #" { "a": "x y", "b": -1.5e-3 ,"c":true, "d":null } "#))
    #expect(members.map(\.key) == ["a", "b", "c", "d"])
    #expect(members.map(\.value) == ["x y", "-1.5e-3", "true", "null"])
    #expect(members.map(\.isString) == [true, false, false, false])
    #expect(FlatJSONObject.members(of: "{}")?.isEmpty == true)
  }

  @Test(arguments: [
    (#"{"a": "x\"y"}"#, "x\"y"), (#"{"a":"\u00e9\/"}"#, "é/"), (#"{"a":"\b\f"}"#, "\u{08}\u{0C}"),
    (#"{"a":"\n\r\t\\"}"#, "\n\r\t\\"), (#"{"a":"\u0000"}"#, "\u{0}"),
    (#"{"a":"\ud83d\ude00!"}"#, "😀!"),
    (#"{"a":"\u2028"}"#, "\u{2028}"), ("{\"a\":\"é😀\"}", "é😀"),
  ])
  func escapesAreDecoded(text: String, value: String) {
    #expect(FlatJSONObject.members(of: text) == [.init(key: "a", value: value, isString: true)])
  }

  @Test(arguments: [
    #"{"a": {"b": 1}}"#, #"{"a": [1]}"#, #"{"a" 1}"#, #"{"a": 1,}"#, #"{"a": 1} x"#, #"["a"]"#, "",
    #"{"a": 1"#, #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": tru}"#, #"{"a": nan}"#, #"{"a": +1}"#,
    #"{"a": truex}"#, #"{"a":"\q"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#,
    #"{"a":"\ud800\u0041"}"#,
    #"{"a":"\u12"}"#, "{\"a\":\"x\ny\"}", #"{"a":"1""#, #"{a:1}"#, #"{"a":1 "b":2}"#,
  ])
  func anythingElseIsNil(text: String) {
    #expect(FlatJSONObject.members(of: text) == nil)
  }

  @Test func invalidUTF8IsNil() {
    for bytes: [UInt8] in [
      [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D],
      [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0x5C, 0x6E, 0xFF, 0x22, 0x7D],
    ] {
      #expect(bytes.withUnsafeBytes { FlatJSONObject.members(of: $0) } == nil)
    }
  }

  @Test func stringMapsNeedStringValues() {
    #expect(FlatJSONObject.stringMap(of: #"{"b":"2","a":"1","b":"3"}"#) == ["a": "1", "b": "3"])
    #expect(FlatJSONObject.stringMap(of: #"{"a":1}"#) == nil)
    #expect(FlatJSONObject.stringMap(of: "{}") == [:])
  }

  @Test(arguments: [
    [:], ["a": "1"], ["cell": "lstm", "lr": "0.001", "seed": "3"],
    ["q\"uote": "back\\slash", "ctl": "\n\r\t\u{01}\u{1F}\u{0}", "uni": "é😀/\u{2028}"],
  ])
  func writtenMapsReadBack(map: [String: String]) {
    var text = "{"
    for (index, (key, value)) in map.enumerated() {
      if index > 0 { text += "," }
      JSONString.append(key, to: &text)
      text += ":"
      JSONString.append(value, to: &text)
    }
    text += "}"
    #expect(FlatJSONObject.stringMap(of: text) == map)
  }
}
