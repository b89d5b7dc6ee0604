/// `--sort COLUMN`: rows by one column, ascending, or descending with a leading `-`
/// (`--sort -solved`). Missing values go last either way; ties keep the default order.
public struct ReportSort: Sendable, Hashable {
  public var column: String
  public var descending: Bool

  public init(column: String, descending: Bool = false) {
    self.column = column
    self.descending = descending
  }

  /// Parses `name` or `-name` (also `+name`).
  public init(parsing text: String) {
    if text.hasPrefix("-") {
      self.init(column: String(text.dropFirst()), descending: true)
    } else if text.hasPrefix("+") {
      self.init(column: String(text.dropFirst()))
    } else {
      self.init(column: text)
    }
  }
}
