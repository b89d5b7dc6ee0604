/// The loss curves section: one panel per facet (`seq_len = 100`), one curve per series (the
/// cells), each the mean over seeds with a band from the lowest to the highest seed, and the
/// task's baseline as a dashed line. The y axis is shared by the panels, logarithmic when the
/// losses span two decades or more.
enum LossPlot {
  static func section(_ report: Report, layout: PlotLayout) -> HTMLSection {
    let curves = report.lossCurves(layout: layout)
    let title = "Loss curves"
    guard !curves.isEmpty else {
      return HTMLSection(
        id: "loss", title: title, caption: "No trial has recorded a loss yet.", svg: nil)
    }
    let isEval = curves.allSatisfy(\.isEvalLoss)
    let values =
      curves.flatMap { $0.points.flatMap { [$0.low, $0.high] } } + curves.compactMap(\.baseline)
    let yKind = AxisScale.kind(for: values)
    let yBounds = AxisScale.bounds(for: values, kind: yKind)
    let maxStep = curves.flatMap { $0.points.map(\.x) }.max() ?? 1
    let facets = Array(layout.facets.prefix(HTMLSection.maxPanels))
    let charts = facets.map { facet in
      var chart = LineChart(
        title: layout.title(of: facet), xLabel: "training step",
        yLabel: isEval ? "eval loss" : "loss", x: (.linear, 0, maxStep),
        y: (yKind, yBounds.0, yBounds.1))
      add(curves.filter { $0.facet == facet }, to: &chart, layout: layout)
      return chart
    }
    let hasBaseline = curves.contains { $0.baseline != nil }
    let lossName = isEval ? "Eval loss" : "Loss (eval where recorded, else training)"
    let svg = FacetGrid.figure(
      legend: Legend(entries: legendEntries(layout, hasBaseline: hasBaseline)), charts: charts,
      label: "\(lossName) against training step")
    let caption =
      "\(lossName) over training: the line is the mean over seeds, the band spans the lowest "
      + "to the highest seed, the dashed line is the task's baseline (a model that learned "
      + "nothing). A diverged trial leaves the mean where its loss stops being finite. "
      + (yKind == .log ? "Log y axis (the losses span decades)." : "Linear y axis.")
      + HTMLSection.truncationNote(shown: facets.count, of: layout.facets.count)
    return HTMLSection(id: "loss", title: title, caption: caption, svg: svg)
  }

  /// A band and a mean line per curve, and a dashed rule per baseline.
  private static func add(_ curves: [LossCurve], to chart: inout LineChart, layout: PlotLayout) {
    for curve in curves {
      let seriesIndex = layout.seriesValues.firstIndex(of: curve.series) ?? 0
      let color = Palette.color(series: curve.series, index: seriesIndex, key: layout.seriesKey)
      chart.bands.append(
        LineChart.Band(points: curve.points.map { ($0.x, $0.low, $0.high) }, color: color))
      chart.lines.append(
        LineChart.Line(
          points: curve.points.map { ($0.x, $0.mean) }, color: color,
          dash: Palette.dash(seriesIndex: seriesIndex, key: layout.seriesKey),
          tooltip: layout.label(ofSeries: curve.series)))
    }
    chart.rules = Set(curves.compactMap(\.baseline)).sorted().map {
      LineChart.Rule(y: $0, color: Palette.baseline, label: "baseline")
    }
  }

  static func legendEntries(_ layout: PlotLayout, hasBaseline: Bool) -> [Legend.Entry] {
    var entries = seriesEntries(layout)
    entries.append(Legend.Entry(label: "min–max over seeds", color: "#888", isSwatch: true))
    if hasBaseline {
      entries.append(Legend.Entry(label: "task baseline", color: Palette.baseline, dash: "6 4"))
    }
    return entries
  }

  /// One entry per series value, in its colour.
  static func seriesEntries(_ layout: PlotLayout) -> [Legend.Entry] {
    layout.seriesValues.enumerated().map { index, value in
      Legend.Entry(
        label: layout.label(ofSeries: value),
        color: Palette.color(series: value, index: index, key: layout.seriesKey),
        dash: Palette.dash(seriesIndex: index, key: layout.seriesKey))
    }
  }
}
