import Foundation

/// The heat map section: mean final eval loss over two grouping keys (rows: the cells, or
/// the first key; columns: the next key), one map per combination of any further keys, in
/// viridis (log colour scale when the losses span two decades), each cell labelled with its
/// value.
enum HeatMapPlot {
  static let labelWidth = 96.0
  static let cellHeight = 40.0
  static let headerHeight = 62.0

  static func section(_ report: Report, layout: PlotLayout) -> HTMLSection {
    let title = "Final loss heat map"
    guard let data = report.heatMap(layout: layout) else {
      let keys = report.groupKeys.isEmpty ? "no key" : report.groupKeys.joined(separator: ", ")
      return HTMLSection(
        id: "heatmap", title: title,
        caption: "A heat map needs two grouping keys; this report groups by \(keys). Group by "
          + "two keys (for example --group-by cell,seq_len) to see one.",
        svg: nil)
    }
    let values = data.panels.flatMap { $0.cells.flatMap { $0.compactMap { $0 } } }
    guard !values.isEmpty else {
      return HTMLSection(
        id: "heatmap", title: title,
        caption: "No configuration has a finished trial yet: nothing to map.", svg: nil)
    }
    let panels = Array(data.panels.prefix(HTMLSection.maxPanels))
    let kind = AxisScale.kind(for: values)
    let scale = ColorScale(values: values, kind: kind)
    let cellWidth = min(
      130, max(56, (FacetGrid.width / 2 - labelWidth) / Double(data.columns.count)))
    let panelWidth = labelWidth + cellWidth * Double(data.columns.count)
    let panelHeight = headerHeight + cellHeight * Double(data.rows.count) + 10
    let perRow = max(1, min(panels.count, Int((FacetGrid.width + 24) / (panelWidth + 24))))
    let rowsOfPanels = (panels.count + perRow - 1) / perRow
    let top = 54.0
    var canvas = SVGCanvas(
      width: FacetGrid.width, height: top + Double(rowsOfPanels) * (panelHeight + 18),
      label: "Mean final eval loss by \(data.rowKey) and \(data.columnKey)")
    scale.drawBar(on: &canvas, x: 0, y: 0, title: "mean final eval loss (finished trials)")
    let style = NumberFormatting.style(for: values)
    for (index, panel) in panels.enumerated() {
      let origin = (
        x: Double(index % perRow) * (panelWidth + 24),
        y: top + Double(index / perRow) * (panelHeight + 18)
      )
      let panelTitle = zip(data.panelKeys, panel.values).map { "\($0) = \($1)" }
        .joined(separator: ", ")
      drawPanel(
        panel, data: data, title: panelTitle, on: &canvas, at: origin, cellWidth: cellWidth,
        scale: scale, style: style)
    }
    let caption =
      "Mean final eval loss over seeds (finished trials) for each \(data.rowKey) and "
      + "\(data.columnKey)\(data.panelKeys.isEmpty ? "" : ", one map per " + data.panelKeys.joined(separator: ", ")). "
      + "Darker is lower. Grey cells: no finished trial. "
      + (kind == .log ? "Log colour scale." : "Linear colour scale.")
      + HTMLSection.truncationNote(shown: panels.count, of: data.panels.count)
    return HTMLSection(id: "heatmap", title: title, caption: caption, svg: canvas.render())
  }

  private static func drawPanel(
    _ panel: HeatMapData.Panel, data: HeatMapData, title: String, on canvas: inout SVGCanvas,
    at origin: (x: Double, y: Double), cellWidth: Double, scale: ColorScale,
    style: NumberFormatting
  ) {
    if !title.isEmpty {
      canvas.text(title, x: origin.x, y: origin.y + 14, size: 13, fill: Palette.text, weight: "600")
    }
    let gridX = origin.x + labelWidth
    let gridY = origin.y + headerHeight
    canvas.text(
      data.columnKey, x: gridX + cellWidth * Double(data.columns.count) / 2, y: origin.y + 34,
      anchor: "middle", size: 12, fill: Palette.muted)
    for (c, column) in data.columns.enumerated() {
      canvas.text(
        column.isEmpty ? NumberFormatting.missing : column,
        x: gridX + cellWidth * (Double(c) + 0.5), y: gridY - 8, anchor: "middle", size: 12,
        fill: Palette.text)
    }
    canvas.text(data.rowKey, x: origin.x, y: origin.y + 34, size: 12, fill: Palette.muted)
    for (r, row) in data.rows.enumerated() {
      let y = gridY + cellHeight * Double(r)
      canvas.text(
        row.isEmpty ? NumberFormatting.missing : row, x: gridX - 10, y: y + cellHeight / 2 + 4,
        anchor: "end", size: 12, fill: Palette.text, weight: "600")
      for c in data.columns.indices {
        let x = gridX + cellWidth * Double(c)
        let label = "\(data.rowKey) = \(row), \(data.columnKey) = \(data.columns[c])"
        guard let value = panel.cells[r][c], let t = scale.fraction(value) else {
          canvas.rect(
            x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2, fill: "#eee",
            tooltip: "\(label): no finished trial")
          canvas.text(
            NumberFormatting.missing, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4,
            anchor: "middle", size: 12, fill: "#999")
          continue
        }
        canvas.rect(
          x: x + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2,
          fill: Palette.viridis(t), tooltip: "\(label): \(style.format(value))")
        canvas.text(
          style.format(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle",
          size: 12, fill: Palette.needsLightText(t) ? "#fff" : "#111")
      }
    }
  }
}

/// Values to viridis positions, linear or logarithmic, with a colour bar.
struct ColorScale: Sendable {
  let low: Double
  let high: Double
  let kind: AxisScale.Kind

  init(values: [Double], kind: AxisScale.Kind) {
    let usable = values.filter { $0.isFinite && (kind == .linear || $0 > 0) }
    low = usable.min() ?? 0
    high = usable.max() ?? 1
    self.kind = kind
  }

  /// The position of `value` in 0...1 (0.5 when every value is the same); nil if it cannot
  /// be placed.
  func fraction(_ value: Double) -> Double? {
    guard value.isFinite, high > low else { return value.isFinite ? 0.5 : nil }
    switch kind {
    case .linear:
      return (value - low) / (high - low)
    case .log:
      guard value > 0 else { return nil }
      return (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
  }

  /// A horizontal bar of 32 steps with the end values and a title.
  func drawBar(on canvas: inout SVGCanvas, x: Double, y: Double, title: String) {
    let steps = 32
    let width = 260.0
    canvas.text(title, x: x, y: y + 14, size: 12, fill: Palette.text)
    for step in 0..<steps {
      canvas.rect(
        x: x + width * Double(step) / Double(steps), y: y + 20, width: width / Double(steps) + 0.5,
        height: 12, fill: Palette.viridis(Double(step) / Double(steps - 1)))
    }
    let style = NumberFormatting.style(for: [low, high])
    canvas.text(style.format(low), x: x, y: y + 46, size: 11, fill: Palette.muted)
    canvas.text(
      style.format(high), x: x + width, y: y + 46, anchor: "end", size: 11, fill: Palette.muted)
  }
}
