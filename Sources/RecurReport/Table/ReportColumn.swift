/// One column of the report's table.
public struct ReportColumn: Sendable, Hashable {
  /// How a column's values are written.
  public enum Kind: Sendable, Hashable {
    /// A grouping key (text, left-aligned).
    case key
    /// A count of trials.
    case count
    /// A number, formatted per column (fixed or scientific, see `NumberFormatting`).
    case number
    /// A share between 0 and 1, with three decimals.
    case share
    /// k/n; machine formats write it as two fields, `name` and `name_of`.
    case ratio
  }

  /// The name in CSV headers, JSON and `--sort` / `--columns`.
  public var name: String
  /// The short header of the terminal, Markdown and HTML tables.
  public var title: String
  /// What the column holds and which trials it covers.
  public var summary: String
  public var kind: Kind
  /// 0: always shown; larger: dropped earlier when the terminal is narrow.
  public var importance: Int

  public init(name: String, title: String, summary: String, kind: Kind, importance: Int) {
    self.name = name
    self.title = title
    self.summary = summary
    self.kind = kind
    self.importance = importance
  }
}
