/// The formats `recur report --format` writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// A heading (the sweep, its grouping and progress) and an aligned table that fits the
  /// terminal's width.
  case table
  /// Every column and group, RFC 4180.
  case csv
  /// GitHub-flavoured Markdown.
  case md
  /// One JSON object with the sweep, its progress, the columns and the groups.
  case json
}

extension Report {
  /// `cells-adding: grouped by cell, seq_len. All 27 trials done: 27 finished.`
  public var heading: String {
    let name = snapshot.name ?? snapshot.directory?.path ?? "sweep"
    let grouping =
      groupKeys.isEmpty
      ? "all trials in one group" : "grouped by " + groupKeys.joined(separator: ", ")
    return "\(name): \(grouping). \(status.message)"
  }

  /// The report in `format`.
  ///
  /// - Parameters:
  ///   - width: the terminal's width for `.table` (nil: every column).
  ///   - showEveryColumn: keep columns without information (the user chose them).
  public func render(_ format: ReportFormat, width: Int? = nil, showEveryColumn: Bool = false)
    -> String
  {
    switch format {
    case .table:
      TerminalTable.wrap(heading, width: width ?? Int.max).joined(separator: "\n") + "\n\n"
        + TerminalTable.render(table, width: width, showEveryColumn: showEveryColumn)
    case .csv: CSVTable.render(table)
    case .md: MarkdownTable.render(table, showEveryColumn: showEveryColumn)
    case .json: JSONReport.render(self)
    }
  }
}
