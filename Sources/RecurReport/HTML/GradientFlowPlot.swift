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
    var entries = LossPlot.seriesEntries(layout)
    entries.append(Legend.Entry(label: "at the last diagnosis", color: "#555"))
    entries.append(Legend.Entry(label: "at initialisation (step 0)", color: "#555", dash: "5 4"))
    let legend = Legend(entries: entries)
    let legendHeight = legend.height(width: FacetGrid.width)
    let grid = FacetGrid(count: facets.count, top: legendHeight + 8)
    var canvas = SVGCanvas(
      width: FacetGrid.width, height: grid.height, label: "Gradient norm against time step")
    legend.draw(on: &canvas, x: 0, y: 0, width: FacetGrid.width)
    for (index, facet) in facets.enumerated() {
      let panelCurves = curves.filter { $0.facet == facet }
      let maxT = panelCurves.flatMap { ($0.initial + $0.final).map(\.x) }.max() ?? 1
      var chart = LineChart(
        title: layout.title(of: facet), xLabel: "time step t", yLabel: "‖dL/dh_t‖ (top layer)",
        x: (.linear, 0, max(1, maxT)), y: (yKind, yBounds.0, yBounds.1))
      for curve in panelCurves {
        let seriesIndex = layout.seriesValues.firstIndex(of: curve.series) ?? 0
        let color = Palette.color(series: curve.series, index: seriesIndex, key: layout.seriesKey)
        let name = layout.label(ofSeries: curve.series)
        chart.lines.append(
          LineChart.Line(
            points: curve.initial.map { ($0.x, $0.mean) }, color: color, dash: "5 4", width: 1.5,
            tooltip: "\(name), at initialisation"))
        chart.lines.append(
          LineChart.Line(
            points: curve.final.map { ($0.x, $0.mean) }, color: color, width: 2.2,
            tooltip: "\(name), step \(curve.finalStep.map(String.init) ?? "?")"))
      }
      chart.draw(on: &canvas, frame: grid.frame(index))
    }
    let caption =
      "How much of the loss's gradient reaches each time step: ‖dL/dh_t‖ of the top layer, "
      + "geometric mean over seeds, at initialisation (dashed) and at each trial's last "
      + "diagnosis (solid). The gradient enters at the last steps and travels back towards "
      + "t = 0; a line that falls to the left is a vanishing gradient."
      + HTMLSection.truncationNote(shown: facets.count, of: layout.facets.count)
    return HTMLSection(id: "gradient-flow", title: title, caption: caption, svg: canvas.render())
  }
}
