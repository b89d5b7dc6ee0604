/// One panel of a line plot: axes with ticks and labels, grid lines, bands, horizontal rules
/// (a task's baseline) and lines with optional labels at their right end.
struct LineChart: Sendable {
  struct Line: Sendable {
    var points: [(Double, Double)]
    var color: String
    var dash: String? = nil
    var width: Double = 2
    /// Written at the line's last point, in its colour.
    var label: String? = nil
    var tooltip: String? = nil
  }

  struct Band: Sendable {
    /// (x, low, high) triples.
    var points: [(Double, Double, Double)]
    var color: String
  }

  struct Rule: Sendable {
    var y: Double
    var color: String
    var label: String
  }

  var title: String
  var xLabel: String
  var yLabel: String
  var x: (kind: AxisScale.Kind, low: Double, high: Double)
  var y: (kind: AxisScale.Kind, low: Double, high: Double)
  var lines: [Line] = []
  var bands: [Band] = []
  var rules: [Rule] = []

  /// Margins around the plotting area.
  static let left = 62.0
  static let bottom = 42.0
  static let top = 28.0

  func draw(on canvas: inout SVGCanvas, frame: Frame) {
    let hasLabels = lines.contains { $0.label != nil }
    let right = hasLabels ? 34.0 : 14.0
    let area = Frame(
      x: frame.x + Self.left, y: frame.y + Self.top, width: frame.width - Self.left - right,
      height: frame.height - Self.top - Self.bottom)
    let xScale = AxisScale(
      kind: x.kind, low: x.low, high: x.high, start: area.x, end: area.x + area.width)
    let yScale = AxisScale(
      kind: y.kind, low: y.low, high: y.high, start: area.y + area.height, end: area.y)
    canvas.text(title, x: frame.x + 4, y: frame.y + 16, size: 13, fill: Palette.text, weight: "600")
    canvas.rect(x: area.x, y: area.y, width: area.width, height: area.height, fill: "#fff")
    drawAxes(on: &canvas, area: area, xScale: xScale, yScale: yScale)
    drawData(on: &canvas, xScale: xScale, yScale: yScale)
    canvas.rect(
      x: area.x, y: area.y, width: area.width, height: area.height, fill: "none", stroke: "#bbb")
  }

  private func drawAxes(
    on canvas: inout SVGCanvas, area: Frame, xScale: AxisScale, yScale: AxisScale
  ) {
    let yTicks = yScale.ticks()
    for tick in yTicks {
      guard let py = yScale.position(tick) else { continue }
      canvas.line(x1: area.x, y1: py, x2: area.x + area.width, y2: py, stroke: Palette.grid)
      canvas.text(
        yScale.label(tick, ticks: yTicks), x: area.x - 6, y: py + 4, anchor: "end", size: 11,
        fill: Palette.muted)
    }
    let xTicks = xScale.ticks(count: 6)
    for tick in xTicks {
      guard let px = xScale.position(tick) else { continue }
      canvas.line(
        x1: px, y1: area.y + area.height, x2: px, y2: area.y + area.height + 4, stroke: "#999")
      canvas.text(
        xScale.label(tick, ticks: xTicks), x: px, y: area.y + area.height + 17, anchor: "middle",
        size: 11, fill: Palette.muted)
    }
    canvas.text(
      xLabel, x: area.x + area.width / 2, y: area.y + area.height + 35, anchor: "middle",
      size: 12, fill: Palette.text)
    canvas.text(
      yLabel, x: area.x - 48, y: area.y + area.height / 2, anchor: "middle", size: 12,
      fill: Palette.text, rotate: -90)
  }

  private func drawData(on canvas: inout SVGCanvas, xScale: AxisScale, yScale: AxisScale) {
    for band in bands {
      let upper = band.points.map { place($0.0, $0.2, xScale, yScale) }
      let lower = band.points.map { place($0.0, $0.1, xScale, yScale) }
      canvas.area(upper: upper, lower: lower, fill: band.color, opacity: 0.16)
    }
    for rule in rules {
      guard let py = yScale.position(rule.y) else { continue }
      canvas.line(
        x1: xScale.start, y1: py, x2: xScale.end, y2: py, stroke: rule.color, width: 1.5,
        dash: "6 4")
      canvas.text(
        rule.label, x: xScale.end - 4, y: py - 5, anchor: "end", size: 11, fill: rule.color)
    }
    var labels: [EndLabel] = []
    for line in lines {
      let points = line.points.map { place($0.0, $0.1, xScale, yScale) }
      canvas.polyline(
        points, stroke: line.color, width: line.width, dash: line.dash, tooltip: line.tooltip)
      if points.count == 1, let only = points.first {
        canvas.circle(x: only.0, y: only.1, radius: 3, fill: line.color)
      }
      if let label = line.label, let last = points.last(where: { $0.0.isFinite && $0.1.isFinite }) {
        labels.append((last.1, last.0, label, line.color))
      }
    }
    for label in Self.spread(labels, gap: 12, top: yScale.end + 6, bottom: yScale.start) {
      canvas.text(
        label.text, x: label.x + 5, y: label.y + 4, size: 11, fill: label.color, weight: "600")
    }
  }

  typealias EndLabel = (y: Double, x: Double, text: String, color: String)

  /// Moves labels apart vertically so that none overlaps its neighbour, keeping them between
  /// `top` and `bottom` where there is room: first down from the top, then up from the
  /// bottom.
  static func spread(_ labels: [EndLabel], gap: Double, top: Double, bottom: Double)
    -> [EndLabel]
  {
    var sorted = labels.sorted { $0.y < $1.y }
    guard !sorted.isEmpty else { return [] }
    sorted[0].y = max(sorted[0].y, top)
    for index in sorted.indices.dropFirst() where sorted[index].y < sorted[index - 1].y + gap {
      sorted[index].y = sorted[index - 1].y + gap
    }
    let last = sorted.count - 1
    sorted[last].y = min(sorted[last].y, bottom)
    for index in stride(from: last - 1, through: 0, by: -1)
    where sorted[index].y > sorted[index + 1].y - gap {
      sorted[index].y = sorted[index + 1].y - gap
    }
    return sorted
  }

  /// A data point in pixels; (nan, nan) when it cannot be placed, which breaks the line there.
  private func place(_ x: Double, _ y: Double, _ xScale: AxisScale, _ yScale: AxisScale)
    -> (Double, Double)
  {
    guard let px = xScale.position(x), let py = yScale.position(y) else { return (.nan, .nan) }
    return (px, py)
  }
}

/// A rectangle on the canvas.
struct Frame: Sendable, Hashable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double
}
