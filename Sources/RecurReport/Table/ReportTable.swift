/// The report's table: one row per group, one column per figure, values kept as numbers so
/// that every format writes them its own way.
public struct ReportTable: Sendable, Hashable {
  public var columns: [ReportColumn]
  /// One row per group, each with one value per column.
  public var rows: [[ReportValue]]

  public init(columns: [ReportColumn], rows: [[ReportValue]]) {
    self.columns = columns
    self.rows = rows
  }

  /// The index of the column called `name`.
  public func index(of name: String) -> Int? {
    columns.firstIndex { $0.name == name }
  }

  /// The value of `column` in row `row`.
  public func value(_ column: String, row: Int) -> ReportValue? {
    index(of: column).map { rows[row][$0] }
  }

  /// The table with only `names`, in that order.
  func selecting(_ names: [String]) -> ReportTable {
    let indices = names.compactMap(index(of:))
    return ReportTable(
      columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
  }

  /// Columns worth showing to a reader: a column without any value, or a count that is zero
  /// in every row (no lost trial anywhere), says nothing. `n` always stays.
  var informativeColumnIndices: [Int] {
    columns.indices.filter { index in
      let column = columns[index]
      if column.kind == .key || column.name == "n" { return true }
      let values = rows.map { $0[index] }
      if column.kind == .count { return values.contains { $0 != .count(0) && $0 != .missing } }
      return values.contains { $0 != .missing }
    }
  }
}
