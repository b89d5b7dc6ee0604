/// A report request that cannot be met: it names a key, value or column the sweep does not
/// have. Each description lists what exists, so that the user can pick.
public enum ReportError: Error, Sendable, Hashable {
  /// `--group-by` or `--where` names a key no trial has.
  case unknownKey(String, option: String, available: [String])
  /// `--where KEY=VALUE` names a value no trial of the sweep takes for that key.
  case unknownValue(key: String, value: String, available: [String])
  /// `--where` without `KEY=VALUE` form.
  case malformedFilter(String)
  /// `--sort` or `--columns` names a column the table does not have.
  case unknownColumn(String, option: String, available: [String])
}

extension ReportError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unknownKey(let key, let option, let available):
      "\(option) names the key \"\(key)\", which no trial has\(Self.hint(key, available)). "
        + "Keys: \(Self.list(available))."
    case .unknownValue(let key, let value, let available):
      "--where \(key)=\(value): no trial has \(key) = \(value)\(Self.hint(value, available)). "
        + "Its values: \(Self.list(available))."
    case .malformedFilter(let text):
      "--where \"\(text)\" is not KEY=VALUE (for example --where cell=lstm)."
    case .unknownColumn(let column, let option, let available):
      "\(option) names the column \"\(column)\", which the table does not have"
        + "\(Self.hint(column, available)). Columns: \(Self.list(available))."
    }
  }

  /// `; did you mean "cell"?` when a name is close, else "".
  private static func hint(_ name: String, _ names: [String]) -> String {
    NameSuggestion.nearest(to: name, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
  }

  private static func list(_ names: [String]) -> String {
    names.isEmpty ? "(none)" : names.joined(separator: ", ")
  }
}
