/// The saturation section: one panel per group, one line per gate of the top layer (mean
/// over seeds) against the training step, in the cell's colour with the gate's name at its
/// end.
enum SaturationPlot {
  static let gateNames =
    "Gates: LSTM i input, f forget, g candidate, o output, c the tanh of the cell state; GRU r "
    + "reset, z update, n candidate; RNN h the hidden state's tanh."

  static func section(_ report: Report, layout: PlotLayout) -> HTMLSection {
    let curves = report.saturationCurves(layout: layout)
    let title = "Gate saturation"
    guard !curves.isEmpty else {
      return HTMLSection(
        id: "saturation", title: title,
        caption: "No trial has recorded gate saturation yet (it comes with diagnoses).", svg: nil)
    }
    let shown = Array(curves.prefix(HTMLSection.maxPanels))
    let maxStep = curves.flatMap { $0.gates.flatMap { $0.points.map(\.x) } }.max() ?? 1
    let highest = curves.flatMap { $0.gates.flatMap { $0.points.map(\.mean) } }.max() ?? 1
    let yHigh = min(1, AxisScale.bounds(for: [0, max(0.1, highest)], kind: .linear).1)
    let legend = Legend(entries: LossPlot.seriesEntries(layout))
    let legendHeight = legend.height(width: FacetGrid.width)
    let grid = FacetGrid(count: shown.count, maxColumns: 4, panelHeight: 250, top: legendHeight + 8)
    var canvas = SVGCanvas(
      width: FacetGrid.width, height: grid.height, label: "Gate saturation against training step")
    legend.draw(on: &canvas, x: 0, y: 0, width: FacetGrid.width)
    for (index, curve) in shown.enumerated() {
      let seriesIndex = layout.seriesValues.firstIndex(of: curve.series) ?? 0
      let color = Palette.color(series: curve.series, index: seriesIndex, key: layout.seriesKey)
      let panelTitle = zip(report.groupKeys, curve.keyValues).map { "\($0) = \($1)" }
        .joined(separator: ", ")
      var chart = LineChart(
        title: panelTitle.isEmpty ? "all trials" : panelTitle, xLabel: "training step",
        yLabel: "saturated share", x: (.linear, 0, max(1, maxStep)), y: (.linear, 0, yHigh))
      for (gateIndex, gate) in curve.gates.enumerated() {
        chart.lines.append(
          LineChart.Line(
            points: gate.points.map { ($0.x, $0.mean) }, color: color,
            dash: Palette.dashes[gateIndex % Palette.dashes.count], width: 1.8, label: gate.gate,
            tooltip: "gate \(gate.gate)"))
      }
      chart.draw(on: &canvas, frame: grid.frame(index))
    }
    let caption =
      "Share of saturated activations per gate of the top layer (sigmoid gates below 0.05 or "
      + "above 0.95, tanh activations beyond ±0.95), mean over seeds; the y axis is shared by "
      + "the panels. \(gateNames)"
      + HTMLSection.truncationNote(shown: shown.count, of: curves.count)
    return HTMLSection(id: "saturation", title: title, caption: caption, svg: canvas.render())
  }
}
