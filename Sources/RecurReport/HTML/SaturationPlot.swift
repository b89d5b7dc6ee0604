/// The saturation section: one panel per group, one line per gate of the top layer (mean
/// over seeds) against the training step, in the cell's colour with the gate's name at its
/// end; the y axis is shared by the panels.
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
    let points = curves.flatMap { $0.gates.flatMap(\.points) }
    let maxStep = points.map(\.x).max() ?? 1
    let highest = points.map(\.mean).max() ?? 1
    let yHigh = min(1, AxisScale.bounds(for: [0, max(0.1, highest)], kind: .linear).1)
    let charts = shown.map { curve in
      chart(curve, report: report, layout: layout, x: max(1, maxStep), y: yHigh)
    }
    let svg = FacetGrid.figure(
      legend: Legend(entries: LossPlot.seriesEntries(layout)), charts: charts,
      label: "Gate saturation against training step", maxColumns: 4, panelHeight: 250)
    let caption =
      "Share of saturated activations per gate of the top layer (sigmoid gates below 0.05 or "
      + "above 0.95, tanh activations beyond ±0.95), mean over seeds; the y axis is shared by "
      + "the panels. \(gateNames)"
      + HTMLSection.truncationNote(shown: shown.count, of: curves.count)
    return HTMLSection(id: "saturation", title: title, caption: caption, svg: svg)
  }

  /// One group's panel: a line per gate, dashed differently, labelled at its end.
  private static func chart(
    _ curve: SaturationCurve, report: Report, layout: PlotLayout, x: Double, y: Double
  ) -> LineChart {
    let seriesIndex = layout.seriesValues.firstIndex(of: curve.series) ?? 0
    let color = Palette.color(series: curve.series, index: seriesIndex, key: layout.seriesKey)
    let title = zip(report.groupKeys, curve.keyValues).map { "\($0) = \($1)" }
      .joined(separator: ", ")
    var chart = LineChart(
      title: title.isEmpty ? "all trials" : title, xLabel: "training step",
      yLabel: "saturated share", x: (.linear, 0, x), y: (.linear, 0, y))
    chart.lines = curve.gates.enumerated().map { index, gate in
      LineChart.Line(
        points: gate.points.map { ($0.x, $0.mean) }, color: color,
        dash: Palette.dashes[index % Palette.dashes.count], width: 1.8, label: gate.gate,
        tooltip: "gate \(gate.gate)")
    }
    return chart
  }
}
