/// A bad `key=value` argument of `recur run` (exit code 64); the description names the key
/// and what is allowed.
public enum TrialKeyError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An argument without `=`.
  case malformed(argument: String)
  /// A key that is not in `TrialKey.all`, with the closest key name if one is close.
  case unknownKey(argument: String, key: String, suggestion: String?)
  /// A value the key does not accept.
  case invalidValue(argument: String, key: String, reason: String, expected: String)
  /// The same key given twice.
  case duplicate(key: String)
  /// A required key (`task`, `cell`) not given.
  case missing(key: String, expected: String)

  public var description: String {
    switch self {
    case .malformed(let argument):
      "\(argument): expected key=value, such as cell=lstm (keys: \(Self.keyList))"
    case .unknownKey(let argument, let key, let suggestion?):
      "\(argument): unknown key \(key); did you mean \(suggestion)?"
    case .unknownKey(let argument, let key, nil):
      "\(argument): unknown key \(key); expected one of \(Self.keyList)"
    case .invalidValue(let argument, _, _, let expected):
      "\(argument): expected \(expected)"
    case .duplicate(let key):
      "\(key) is given twice; give each key once"
    case .missing(let key, let expected):
      "missing \(key): expected \(key)=VALUE with VALUE \(expected)"
    }
  }

  private static var keyList: String { TrialKey.names.joined(separator: ", ") }
}
