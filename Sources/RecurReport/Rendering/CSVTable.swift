/// The table as CSV (RFC 4180): every column and every group, a header of column names, full
/// precision numbers, empty fields for missing values, for pandas and friends.
enum CSVTable {
  static func render(_ table: ReportTable) -> String {
    var lines: [String] = []
    lines.append(table.columns.flatMap(MachineText.fieldNames).map(field).joined(separator: ","))
    for row in table.rows {
      let fields = zip(table.columns, row).flatMap { column, value in
        MachineText.fields(value, kind: column.kind)
      }
      lines.append(fields.map { field($0 ?? "") }.joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A field, quoted when it holds a comma, a quote or a line break (quotes doubled).
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false)
      .joined(separator: "\"\"") + "\""
  }
}
