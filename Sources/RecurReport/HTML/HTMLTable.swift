/// The report's table in HTML: the informative columns, formatted as on the terminal, in two
/// tables that fit the page without scrolling (the comparison: keys, loss against baseline,
/// solved, retention, saturation, counts and losses; then the details: diagnostics and
/// timing, keys repeated), each header carrying its column's description as a tooltip, with
/// a glossary. The per-gate saturation columns are folded into one `gates` column
/// (`f 0.31 · o 0.12`).
enum HTMLTable {
  /// Columns of this importance or less go to the first table.
  static let comparisonImportance = 3

  static func section(_ report: Report) -> String {
    let table = report.table
    let shown = table.informativeColumnIndices.filter {
      !table.columns[$0].name.hasPrefix("saturation_")
    }
    let keys = shown.filter { table.columns[$0].kind == .key }
    let comparison = shown.filter { table.columns[$0].importance <= comparisonImportance }
    let details = keys + shown.filter { table.columns[$0].importance > comparisonImportance }
    var html = "<section class=\"table\" id=\"table\">\n<h2>Table</h2>\n"
    html += "<p class=\"caption\">One row per group, aggregated over seeds. "
    html += "Hover a header for its definition; CSV and JSON (recur report --format csv|json) "
    html += "carry every column at full precision.</p>\n"
    html += render(report, indices: comparison, withGates: true)
    if details.count > keys.count {
      html += "<h3>Diagnostics and timing</h3>\n"
      html += render(report, indices: details, withGates: false)
    }
    html += glossary(report, indices: comparison + details.filter { !keys.contains($0) })
    return html + "</section>"
  }

  static let gatesSummary =
    "saturation of each gate, top layer, last diagnosis, mean over trained trials "
    + "(columns saturation_<gate> in CSV and JSON)"

  /// `i 0.07 · f 0.13 · o 0.07`, gates in `ReportTable.gateOrder`.
  static func gates(_ group: GroupSummary) -> String {
    let style = NumberFormatting.fixed(decimals: 2)
    return ReportTable.sortedGates(group.saturation.keys).compactMap { gate in
      group.saturation[gate].map { "\(gate) \(style.format($0))" }
    }.joined(separator: " · ")
  }

  private static func render(_ report: Report, indices: [Int], withGates: Bool) -> String {
    let table = report.table
    let cells = TextColumns(table: table, indices: indices)
    let gatesAfter =
      withGates && report.groups.contains { !$0.saturation.isEmpty }
      ? indices.firstIndex { table.columns[$0].name == "saturation" } : nil
    var html = "<div class=\"scroll\"><table>\n<thead><tr>"
    for (position, index) in indices.enumerated() {
      let column = table.columns[index]
      html += header(column.title, summary: column.summary, numeric: cells.rightAligned[position])
      if position == gatesAfter { html += header("gates", summary: gatesSummary, numeric: false) }
    }
    html += "</tr></thead>\n<tbody>\n"
    for row in table.rows.indices {
      html += "<tr>"
      for position in indices.indices {
        let text = HTMLText.escape(cells.texts[position][row])
        html +=
          cells.rightAligned[position]
          ? "<td class=\"num\">\(text)</td>" : "<td><b>\(text)</b></td>"
        if position == gatesAfter, row < report.groups.count {
          html += "<td class=\"gates\">\(HTMLText.escape(gates(report.groups[row])))</td>"
        }
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table></div>\n"
  }

  private static func header(_ title: String, summary: String, numeric: Bool) -> String {
    "<th\(numeric ? " class=\"num\"" : "") title=\"\(HTMLText.escape(summary))\">"
      + "\(HTMLText.escape(title))</th>"
  }

  private static func glossary(_ report: Report, indices: [Int]) -> String {
    let columns = indices.map { report.table.columns[$0] }
    var entries = columns.map { ($0.title, $0.name, $0.summary) }
    if report.groups.contains(where: { !$0.saturation.isEmpty }) {
      entries.append(("gates", "saturation_<gate>", gatesSummary))
    }
    var html = "<details><summary>Columns</summary><dl>\n"
    for (title, name, summary) in entries {
      html +=
        "<dt>\(HTMLText.escape(title)) <code>\(HTMLText.escape(name))</code></dt>"
        + "<dd>\(HTMLText.escape(summary))</dd>\n"
    }
    return html + "</dl></details>\n"
  }
}
