import Foundation

/// The table as GitHub-flavoured Markdown, for papers and issues: the informative columns,
/// formatted as on the terminal, numbers right-aligned.
enum MarkdownTable {
  static func render(_ table: ReportTable, showEveryColumn: Bool) -> String {
    let indices = showEveryColumn ? Array(table.columns.indices) : table.informativeColumnIndices
    let cells = TextColumns(table: table, indices: indices)
    var lines: [String] = []
    lines.append(row(indices.indices.map { cells.header($0) }))
    lines.append(
      row(
        indices.indices.map { i in
          let dashes = String(repeating: "-", count: max(3, cells.widths[i]) - 1)
          return cells.rightAligned[i] ? dashes + ":" : ":" + dashes
        }))
    for r in table.rows.indices {
      lines.append(row(indices.indices.map { cells.cell($0, row: r) }))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func row(_ cells: [String]) -> String {
    "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
      + " |"
  }
}
