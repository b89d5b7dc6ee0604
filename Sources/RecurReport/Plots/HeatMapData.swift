/// Mean final eval loss over two grouping keys: rows are the series key's values (cells),
/// columns the first facet key's values, one map per combination of the remaining keys.
struct HeatMapData: Sendable, Hashable {
  var rowKey: String
  var columnKey: String
  var rows: [String]
  var columns: [String]
  /// The remaining keys; each map is one combination of their values.
  var panelKeys: [String]
  var panels: [Panel]

  struct Panel: Sendable, Hashable {
    var values: [String]
    /// `cells[row][column]`: mean final eval loss, nil where no trial finished.
    var cells: [[Double?]]
  }
}

extension Report {
  /// The heat map, or nil when the report groups by fewer than two keys.
  func heatMap(layout: PlotLayout) -> HeatMapData? {
    guard let rowKey = layout.seriesKey, let columnKey = layout.facetKeys.first,
      let rowIndex = groupKeys.firstIndex(of: rowKey),
      let columnIndex = groupKeys.firstIndex(of: columnKey)
    else { return nil }
    let panelKeys = Array(layout.facetKeys.dropFirst())
    let panelIndices = panelKeys.compactMap { groupKeys.firstIndex(of: $0) }
    let rows = layout.seriesValues
    let columns = KeyValueOrder.sorted(groups.map { $0.keyValues[columnIndex] }, key: columnKey)
    let panelValues = Set(groups.map { group in panelIndices.map { group.keyValues[$0] } })
      .sorted { KeyValueOrder.precedes($0, $1, keys: panelKeys) ?? false }
    let panels = panelValues.map { values in
      var cells = [[Double?]](
        repeating: [Double?](repeating: nil, count: columns.count), count: rows.count)
      for group in groups where panelIndices.map({ group.keyValues[$0] }) == values {
        guard let r = rows.firstIndex(of: group.keyValues[rowIndex]),
          let c = columns.firstIndex(of: group.keyValues[columnIndex])
        else { continue }
        cells[r][c] = group.finalEvalMean
      }
      return HeatMapData.Panel(values: values, cells: cells)
    }
    return HeatMapData(
      rowKey: rowKey, columnKey: columnKey, rows: rows, columns: columns, panelKeys: panelKeys,
      panels: panels)
  }
}
