import Testing

@testable import RecurJSON

@Suite struct JSONNumberTests {
  @Test(arguments: [
    "0", "-0", "50", "1.5", "-0.25", "1e-3", "2E+10", "3.0e5", "123456789012345678901",
  ])
  func numbersOfTheGrammarAreValid(text: String) {
    #expect(JSONNumber.isValid(text))
  }

  @Test(arguments: [
    "", "-", "01", "+1", "1.", ".5", "1e", "1e+", "0x10", "NaN", "inf", "1 ", " 1", "1.5.2", "--1",
    "lstm",
  ])
  func otherTextsAreNot(text: String) {
    #expect(!JSONNumber.isValid(text))
  }
}
