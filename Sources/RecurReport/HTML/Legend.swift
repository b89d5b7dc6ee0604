/// A row of legend entries (a line sample or a swatch, then a label), wrapped to a width.
struct Legend: Sendable {
  struct Entry: Sendable {
    var label: String
    var color: String
    var dash: String? = nil
    /// A filled swatch (a band) rather than a line.
    var isSwatch = false
  }

  var entries: [Entry]

  static let rowHeight = 22.0

  /// The height `draw` uses within `width`.
  func height(width: Double) -> Double {
    var canvas = SVGCanvas(width: width, height: 0, label: "")
    return draw(on: &canvas, x: 0, y: 0, width: width)
  }

  /// Draws the entries from (x, y) and returns the height used.
  @discardableResult
  func draw(on canvas: inout SVGCanvas, x: Double, y: Double, width: Double) -> Double {
    var cursor = x
    var row = y + 14
    for entry in entries {
      // About 7 pixels per character at 12 px.
      let needed = 34 + Double(entry.label.count) * 7 + 18
      if cursor > x && cursor + needed > x + width {
        cursor = x
        row += Self.rowHeight
      }
      if entry.isSwatch {
        canvas.rect(x: cursor, y: row - 9, width: 26, height: 10, fill: entry.color, opacity: 0.25)
      } else {
        canvas.line(
          x1: cursor, y1: row - 4, x2: cursor + 26, y2: row - 4, stroke: entry.color, width: 2.5,
          dash: entry.dash)
      }
      canvas.text(entry.label, x: cursor + 32, y: row, size: 12, fill: Palette.text)
      cursor += needed
    }
    return entries.isEmpty ? 0 : row - y + 10
  }
}
