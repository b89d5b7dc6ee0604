/// The formats `recur report --format` writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// An aligned table that fits the terminal's width.
  case table
  /// Every column and group, RFC 4180.
  case csv
  /// GitHub-flavoured Markdown.
  case md
  /// One JSON object with the sweep, its progress, the columns and the groups.
  case json
}

extension Report {
  /// The report in `format`.
  ///
  /// - Parameters:
  ///   - width: the terminal's width for `.table` (nil: every column).
  ///   - showEveryColumn: keep columns without information (the user chose them).
  public func render(_ format: ReportFormat, width: Int? = nil, showEveryColumn: Bool = false)
    -> String
  {
    switch format {
    case .table: TerminalTable.render(table, width: width, showEveryColumn: showEveryColumn)
    case .csv: CSVTable.render(table)
    case .md: MarkdownTable.render(table, showEveryColumn: showEveryColumn)
    case .json: JSONReport.render(self)
    }
  }
}
