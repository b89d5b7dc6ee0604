/// The heat map section: mean final eval loss over two grouping keys (rows: the cells, or
/// the first key; columns: the next key), one map per combination of any further keys, in
/// viridis (log colour scale when the losses span two decades), each cell labelled with its
/// value.
enum HeatMapPlot {
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
    let geometry = HeatMapGeometry(data: data, panelCount: panels.count)
    var canvas = SVGCanvas(
      width: geometry.width, height: geometry.height,
      label: "Mean final eval loss by \(data.rowKey) and \(data.columnKey)")
    scale.drawBar(on: &canvas, x: 0, y: 0, title: "mean final eval loss (finished trials)")
    let style = NumberFormatting.style(for: values)
    for (index, panel) in panels.enumerated() {
      let title = zip(data.panelKeys, panel.values).map { "\($0) = \($1)" }
        .joined(separator: ", ")
      draw(
        panel, data: data, title: title, on: &canvas, at: geometry.origin(index),
        geometry: geometry, scale: scale, style: style)
    }
    let perPanel =
      data.panelKeys.isEmpty ? "" : ", one map per " + data.panelKeys.joined(separator: ", ")
    let caption =
      "Mean final eval loss over seeds (finished trials) for each \(data.rowKey) and "
      + "\(data.columnKey)\(perPanel). Darker is lower. Grey cells: no finished trial. "
      + (kind == .log ? "Log colour scale." : "Linear colour scale.")
      + HTMLSection.truncationNote(shown: panels.count, of: data.panels.count)
    return HTMLSection(id: "heatmap", title: title, caption: caption, svg: canvas.render())
  }

  private static func draw(
    _ panel: HeatMapData.Panel, data: HeatMapData, title: String, on canvas: inout SVGCanvas,
    at origin: (x: Double, y: Double), geometry: HeatMapGeometry, scale: ColorScale,
    style: NumberFormatting
  ) {
    let (cellWidth, cellHeight) = (geometry.cellWidth, HeatMapGeometry.cellHeight)
    let gridX = origin.x + geometry.labelWidth
    let gridY = origin.y + HeatMapGeometry.headerHeight
    if !title.isEmpty {
      canvas.text(title, x: origin.x, y: origin.y + 14, size: 13, fill: Palette.text, weight: "600")
    }
    canvas.text(
      data.columnKey, x: gridX + cellWidth * Double(data.columns.count) / 2, y: origin.y + 34,
      anchor: "middle", size: 12, fill: Palette.muted)
    canvas.text(data.rowKey, x: origin.x, y: origin.y + 34, size: 12, fill: Palette.muted)
    for (c, column) in data.columns.enumerated() {
      canvas.text(
        geometry.columnLabel(column), x: gridX + cellWidth * (Double(c) + 0.5), y: gridY - 8,
        anchor: "middle", size: 12, fill: Palette.text)
    }
    for (r, row) in data.rows.enumerated() {
      let y = gridY + cellHeight * Double(r)
      canvas.text(
        geometry.rowLabel(row), x: gridX - 10, y: y + cellHeight / 2 + 4, anchor: "end",
        size: 12, fill: Palette.text, weight: "600")
      for c in data.columns.indices {
        let frame = Frame(
          x: gridX + cellWidth * Double(c) + 1, y: y + 1, width: cellWidth - 2,
          height: cellHeight - 2)
        let label = "\(data.rowKey) = \(row), \(data.columnKey) = \(data.columns[c])"
        drawCell(
          panel.cells[r][c], label: label, in: frame, on: &canvas, scale: scale, style: style)
      }
    }
  }

  /// One cell: its colour and value, or grey with a dash where no trial finished.
  private static func drawCell(
    _ value: Double?, label: String, in frame: Frame, on canvas: inout SVGCanvas,
    scale: ColorScale, style: NumberFormatting
  ) {
    let center = (x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 + 4)
    guard let value, let t = scale.fraction(value) else {
      canvas.rect(
        x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: "#eee",
        tooltip: "\(label): no finished trial")
      canvas.text(
        NumberFormatting.missing, x: center.x, y: center.y, anchor: "middle", size: 12,
        fill: "#999")
      return
    }
    canvas.rect(
      x: frame.x, y: frame.y, width: frame.width, height: frame.height,
      fill: Palette.viridis(t), tooltip: "\(label): \(style.format(value))")
    canvas.text(
      style.format(value), x: center.x, y: center.y, anchor: "middle", size: 12,
      fill: Palette.needsLightText(t) ? "#fff" : "#111")
  }
}
