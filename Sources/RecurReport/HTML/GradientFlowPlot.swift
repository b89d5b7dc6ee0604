/// The gradient flow section: ‖dL/dh_t‖ of the top layer against t on a log axis, one panel
/// per facet, one colour per cell; dashed at initialisation, solid at the last diagnosis.
enum GradientFlowPlot {
  static func section(_ report: Report, layout: PlotLayout) -> HTMLSection {
    let curves = report.gradientFlow(layout: layout)
    let title = "Gradient flow"
    guard !curves.isEmpty else {
      return HTMLSection(
        id: "gradient-flow", title: title,
        caption: "No trial has recorded a diagnosis with hidden_grad_norm yet (diagnose_every "
          + "= 0 turns diagnoses off).",
        svg: nil)
    }
    let values = curves.flatMap { ($0.initial + $0.final).map(\.mean) }
    let yKind: AxisScale.Kind = values.contains { $0 > 0 } ? .log : .linear
    let yBounds = AxisScale.bounds(for: values, kind: yKind)
    let facets = Array(layout.facets.prefix(HTMLSection.maxPanels))
    let charts = facets.map { facet in
      let panelCurves = curves.filter { $0.facet == facet }
      let maxT = panelCurves.flatMap { ($0.initial + $0.final).map(\.x) }.max() ?? 1
      var chart = LineChart(
        title: layout.title(of: facet), xLabel: "time step t", yLabel: "‖dL/dh_t‖ (top layer)",
        x: (.linear, 0, max(1, maxT)), y: (yKind, yBounds.0, yBounds.1))
      chart.lines = panelCurves.flatMap { lines($0, layout: layout) }
      return chart
    }
    var entries = LossPlot.seriesEntries(layout)
    entries.append(Legend.Entry(label: "at the last diagnosis", color: "#555"))
    entries.append(Legend.Entry(label: "at initialisation (step 0)", color: "#555", dash: "5 4"))
    let svg = FacetGrid.figure(
      legend: Legend(entries: entries), charts: charts, label: "Gradient norm against time step")
    let caption =
      "How much of the loss's gradient reaches each time step: ‖dL/dh_t‖ of the top layer, "
      + "geometric mean over seeds, at initialisation (dashed) and at each trial's last "
      + "finite diagnosis (solid). The gradient enters at the last steps and travels back "
      + "towards t = 0; a line that falls to the left is a vanishing gradient."
      + HTMLSection.truncationNote(shown: facets.count, of: layout.facets.count)
    return HTMLSection(id: "gradient-flow", title: title, caption: caption, svg: svg)
  }

  /// The dashed initial and the solid final line of one group.
  private static func lines(_ curve: GradientFlowCurve, layout: PlotLayout) -> [LineChart.Line] {
    let seriesIndex = layout.seriesValues.firstIndex(of: curve.series) ?? 0
    let color = Palette.color(series: curve.series, index: seriesIndex, key: layout.seriesKey)
    let name = layout.label(ofSeries: curve.series)
    return [
      LineChart.Line(
        points: curve.initial.map { ($0.x, $0.mean) }, color: color, dash: "5 4", width: 1.5,
        tooltip: "\(name), at initialisation"),
      LineChart.Line(
        points: curve.final.map { ($0.x, $0.mean) }, color: color, width: 2.2,
        tooltip: "\(name), step \(curve.finalStep.map(String.init) ?? "?")"),
    ]
  }
}
