/// Why a text is not a value of a key: what is wrong and what is expected.
public struct TrialValueProblem: Error, Equatable, Sendable {
  /// What is wrong, naming the value: `32.5 is a fraction`.
  public let reason: String
  /// What the key accepts: `an integer from 1 to 4096`.
  public let expected: String
}

extension TrialKey {
  /// What this key accepts, for messages: `one of rnn, rnn_relu, lstm, gru`.
  public var expectation: String {
    switch kind {
    case .int(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
    case .float(let range): range.expectation
    case .choice(let words): "one of " + words.joined(separator: ", ")
    case .text: "a non-empty line of text (a file path)"
    }
  }

  /// Parses `text` as a value of this key and checks it against the allowed values or range.
  ///
  /// Numbers are decimal (`100`, `1e-3`, `.5`, `1_000`); an integer key also takes an integral
  /// number written as a float (`1e4`, `32.0`) but not a fraction.
  public func parse(_ text: String) -> Result<TrialValue, TrialValueProblem> {
    switch kind {
    case .int(let range): parseInt(text, range)
    case .float(let range): parseFloat(text, range)
    case .choice(let words):
      words.contains(text)
        ? .success(.text(text)) : failure("\(quoted(text)) is not allowed")
    case .text: parseText(text)
    }
  }

  /// Checks a number already read (from YAML) against this key; `text` is how it was written.
  public func check(number: Double, written text: String) -> Result<TrialValue, TrialValueProblem> {
    switch kind {
    case .int(let range):
      guard number == number.rounded() else { return failure("\(text) is a fraction") }
      guard let whole = Int(exactly: number), range.contains(whole) else {
        return failure("\(text) is out of range")
      }
      return .success(.int(whole))
    case .float(let range):
      return range.contains(number) ? .success(.float(number)) : failure("\(text) is out of range")
    case .choice, .text:
      return parse(text)
    }
  }

  private func parseInt(_ text: String, _ range: ClosedRange<Int>) -> Result<
    TrialValue, TrialValueProblem
  > {
    TrialKey.integer(from: text, in: range).map { .int($0) }
  }

  /// An integer in `range` from decimal text (also `1e4`, `32.0`; not `32.5`).
  static func integer(from text: String, in range: ClosedRange<Int>) -> Result<
    Int, TrialValueProblem
  > {
    // Workers decode a spec per trial: the common case costs no string building.
    if let exact = Int(text), range.contains(exact) { return .success(exact) }
    let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
    guard let number = number(from: text) else {
      return .failure(.init(reason: "'\(text)' is not a number", expected: expected))
    }
    let digits = text.filter { $0 != "_" && $0 != "+" }
    let whole: Int
    if let exact = Int(digits) {  // exact even beyond 2^53, where a Double would round
      whole = exact
    } else if number != number.rounded() {
      return .failure(.init(reason: "\(text) is a fraction", expected: expected))
    } else if let converted = Int(exactly: number) {
      whole = converted
    } else {
      return .failure(.init(reason: "\(text) is out of range", expected: expected))
    }
    guard range.contains(whole) else {
      return .failure(.init(reason: "\(text) is out of range", expected: expected))
    }
    return .success(whole)
  }

  private func parseFloat(_ text: String, _ range: FloatRange) -> Result<
    TrialValue, TrialValueProblem
  > {
    guard let number = TrialKey.number(from: text) else {
      return failure("\(quoted(text)) is not a number")
    }
    return check(number: number, written: text)
  }

  private func parseText(_ text: String) -> Result<TrialValue, TrialValueProblem> {
    if text.isEmpty { return failure("the value is empty") }
    // ASCII's control characters (general category Cc) are 0x00–0x1F and 0x7F: a path of
    // printable ASCII needs no look-up of Unicode properties.
    let printableASCII = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    if !printableASCII,
      text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    {
      return failure("\(quoted(text)) holds a control character")
    }
    return .success(.text(text))
  }

  private func failure(_ reason: String) -> Result<TrialValue, TrialValueProblem> {
    .failure(TrialValueProblem(reason: reason, expected: expectation))
  }

  private func quoted(_ text: String) -> String { "'\(text)'" }

  /// A decimal number: optional sign, digits with optional `_` separators, fraction and
  /// exponent. Hexadecimal, `inf` and `nan` are refused. Overflow gives an infinite value,
  /// which every range refuses.
  static func number(from text: String) -> Double? {
    var hasDigit = false
    var hasUnderscore = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
      case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"):
        continue
      case UInt8(ascii: "_"): hasUnderscore = true
      default: return nil  // no "nan", "inf" or hexadecimal, which Double(_:) would take
      }
    }
    guard hasDigit else { return nil }
    return Double(hasUnderscore ? text.filter { $0 != "_" } : text)
  }
}
