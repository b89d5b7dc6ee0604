import Foundation
import Testing

@testable import RecurStore

@Suite struct JSONTextTests {
  @Test(arguments: [
    [:], ["a": "1"], ["cell": "lstm", "lr": "0.001", "seed": "3"],
    ["q\"uote": "back\\slash", "ctl": "\n\r\t\u{01}\u{1F}", "uni": "é😀/"],
  ])
  func aWrittenMapReadsBack(map: [String: String]) {
    #expect(JSONText.decodeObject(JSONText.object(map)) == map)
  }

  @Test func keysAreWrittenSorted() {
    #expect(JSONText.object(["b": "2", "a": "1"]) == #"{"a":"1","b":"2"}"#)
    #expect(JSONText.array(["x", "y\"z"]) == #"["x","y\"z"]"#)
  }

  @Test(arguments: [
    (#"{ "a" : "1" }"#, ["a": "1"]), (#"{"a":"\u00e9\/"}"#, ["a": "é/"]),
    (#"{"a":"\b\f"}"#, ["a": "\u{08}\u{0C}"]),
  ])
  func otherValidJSONIsReadToo(text: String, map: [String: String]) {
    #expect(JSONText.decodeObject(text) == map)
  }

  @Test(arguments: [#"{"a":1}"#, #"{"a":"1""#, #"["a"]"#, "", #"{"a":"1"}x"#, #"{"a":"\q"}"#])
  func anythingElseIsNil(text: String) {
    #expect(JSONText.decodeObject(text) == nil)
  }

  @Test(arguments: [[], ["a"], ["x", "y\"z", "\u{0}\u{2028}😀"]])
  func aWrittenListReadsBack(list: [String]) {
    #expect(JSONText.decodeArray(JSONText.array(list)) == list)
  }

  @Test(arguments: [#"["a",1]"#, #"{"a":"b"}"#, "", #"["a""#])
  func anythingButAListOfStringsIsNil(text: String) {
    #expect(JSONText.decodeArray(text) == nil)
  }
}
