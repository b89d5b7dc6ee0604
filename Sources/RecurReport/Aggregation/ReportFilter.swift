import Foundation

/// One `--where KEY=VALUE`: keep the trials whose key has this value.
///
/// Filters on different keys must all hold; several filters on the same key keep trials that
/// match any of them (`--where cell=lstm --where cell=gru`). Values compare as text, or as
/// numbers when both sides are numbers, so that `lr=1e-3` matches a stored `0.001`.
public struct ReportFilter: Sendable, Hashable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Parses `KEY=VALUE` (spaces around either side are dropped).
  public init(parsing text: String) throws(ReportError) {
    guard let equals = text.firstIndex(of: "=") else { throw .malformedFilter(text) }
    let key = text[..<equals].trimmingCharacters(in: .whitespaces)
    let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else { throw .malformedFilter(text) }
    self.init(key: key, value: value)
  }

  /// Whether a trial's value of the key matches.
  func matches(_ stored: String?) -> Bool {
    guard let stored else { return false }
    return KeyValueOrder.sameValue(stored, value)
  }
}
