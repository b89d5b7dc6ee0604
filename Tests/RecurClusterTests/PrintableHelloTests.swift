import RecurProtocol
import Testing

@testable import RecurCluster

@Suite struct PrintableHelloTests {
  @Test func controlCharactersOfAHelloBecomeQuestionMarks() {
    let hello = Hello(
      name: "w\u{1B}[2J\nforged line", host: "h\u{7}", cores: 1, engineVersion: "1\r",
      processID: 1)
    let printable = hello.printable
    #expect(printable.name == "w?[2J?forged line")
    #expect(printable.host == "h?")
    #expect(printable.engineVersion == "1?")
    #expect(Hello.printable("plain é ✓") == "plain é ✓")
  }
}
