/// The table for a terminal: as many columns as fit the width, most important first, numbers
/// right-aligned in a per-column style (`NumberFormatting`), keys left-aligned.
enum TerminalTable {
  /// Columns are separated by two spaces.
  static let gap = 2

  /// Renders `table` within `width` characters (nil: no limit). With `showEveryColumn` false,
  /// columns without information (no value anywhere, counts that are always zero) are left
  /// out; a last line names the columns that did not fit.
  static func render(_ table: ReportTable, width: Int?, showEveryColumn: Bool) -> String {
    let candidates = showEveryColumn ? Array(table.columns.indices) : table.informativeColumnIndices
    let cells = TextColumns(table: table, indices: candidates)
    let kept = fit(cells, width: width)
    var lines: [String] = []
    lines.append(line(kept.map { cells.header($0) }))
    lines.append(line(kept.map { String(repeating: "─", count: cells.widths[$0]) }))
    for row in table.rows.indices {
      lines.append(line(kept.map { cells.cell($0, row: row) }))
    }
    let dropped = candidates.indices.filter { !kept.contains($0) }
    if !dropped.isEmpty {
      let names = dropped.map { table.columns[candidates[$0]].name }.joined(separator: ", ")
      let note =
        "(\(dropped.count) more column\(dropped.count == 1 ? "" : "s") did not fit: \(names); "
        + "widen the terminal, choose with --columns, or use --format csv, json or md)"
      lines += wrap(note, width: width ?? note.count)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Splits `text` at spaces into lines of at most `width` characters (longer words stay
  /// whole).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width < text.count else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// The positions (into `cells`) of the columns that fit, in display order: importance 0
  /// always, then by importance (ties: display order) while the width allows.
  private static func fit(_ cells: TextColumns, width: Int?) -> [Int] {
    let all = Array(cells.widths.indices)
    guard let width else { return all }
    let byImportance = all.sorted { a, b in
      let (ia, ib) = (cells.importance[a], cells.importance[b])
      return ia != ib ? ia < ib : a < b
    }
    var kept: Set<Int> = []
    var used = -gap
    for index in byImportance {
      let needed = cells.widths[index] + gap
      guard cells.importance[index] == 0 || used + needed <= width else { continue }
      kept.insert(index)
      used += needed
    }
    return all.filter(kept.contains)
  }

  private static func line(_ parts: [String]) -> String {
    var text = parts.joined(separator: String(repeating: " ", count: gap))
    while text.last == " " { text.removeLast() }
    return text
  }
}

/// The text of each candidate column, padded to its width.
struct TextColumns {
  let titles: [String]
  let texts: [[String]]
  let widths: [Int]
  let importance: [Int]
  let rightAligned: [Bool]

  init(table: ReportTable, indices: [Int]) {
    var titles: [String] = []
    var texts: [[String]] = []
    for index in indices {
      let column = table.columns[index]
      let values = table.rows.map { $0[index] }
      let style = NumberFormatting(kind: column.kind, values: values)
      titles.append(column.title)
      texts.append(values.map(style.format))
    }
    self.titles = titles
    self.texts = texts
    widths = indices.indices.map { i in
      ([titles[i]] + texts[i]).map(\.count).max() ?? 0
    }
    importance = indices.map { table.columns[$0].importance }
    rightAligned = indices.map { table.columns[$0].kind != .key }
  }

  func header(_ column: Int) -> String { pad(titles[column], column) }

  func cell(_ column: Int, row: Int) -> String { pad(texts[column][row], column) }

  private func pad(_ text: String, _ column: Int) -> String {
    let padding = String(repeating: " ", count: max(0, widths[column] - text.count))
    return rightAligned[column] ? padding + text : text + padding
  }
}
