/// Panels laid out in rows of at most `columns`, under a legend.
struct FacetGrid: Sendable {
  /// The SVG width; the page is designed for a 1400-pixel window.
  static let width = 1300.0
  static let gap = 18.0

  let count: Int
  let columns: Int
  let panelHeight: Double
  let top: Double

  init(count: Int, maxColumns: Int = 3, panelHeight: Double = 290, top: Double) {
    self.count = count
    columns = max(1, min(maxColumns, count))
    self.panelHeight = panelHeight
    self.top = top
  }

  var panelWidth: Double { (Self.width - Self.gap * Double(columns - 1)) / Double(columns) }

  var height: Double {
    let rows = (count + columns - 1) / columns
    return top + Double(rows) * (panelHeight + Self.gap)
  }

  func frame(_ index: Int) -> Frame {
    let row = index / columns
    let column = index % columns
    return Frame(
      x: Double(column) * (panelWidth + Self.gap), y: top + Double(row) * (panelHeight + Self.gap),
      width: panelWidth, height: panelHeight)
  }
}

extension FacetGrid {
  /// An SVG with `legend` on top and `charts` in rows of at most `maxColumns` panels.
  static func figure(
    legend: Legend, charts: [LineChart], label: String, maxColumns: Int = 3,
    panelHeight: Double = 290
  ) -> String {
    let grid = FacetGrid(
      count: charts.count, maxColumns: maxColumns, panelHeight: panelHeight,
      top: legend.height(width: width) + 8)
    var canvas = SVGCanvas(width: width, height: grid.height, label: label)
    legend.draw(on: &canvas, x: 0, y: 0, width: width)
    for (index, chart) in charts.enumerated() {
      chart.draw(on: &canvas, frame: grid.frame(index))
    }
    return canvas.render()
  }
}
