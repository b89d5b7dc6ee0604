import Foundation

/// An SVG drawing built element by element.
///
/// Every coordinate goes through `number(_:)`: an element with a non-finite coordinate (a NaN
/// from a diverged trial that slipped through) is left out rather than written, so the SVG
/// never holds `NaN` or `inf`, which browsers reject.
struct SVGCanvas: Sendable {
  let width: Double
  let height: Double
  /// A short description for screen readers.
  let label: String
  private(set) var elements: [String] = []

  init(width: Double, height: Double, label: String) {
    self.width = width
    self.height = height
    self.label = label
  }

  /// The `<svg>` element.
  func render() -> String {
    let w = Self.number(width) ?? "0"
    let h = Self.number(height) ?? "0"
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(w) \(h)" width="\(w)" \
      height="\(h)" role="img" aria-label="\(HTMLText.escape(label))" \
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif">
      \(elements.joined(separator: "\n"))
      </svg>
      """
  }

  /// A coordinate with one decimal; nil if not finite.
  static func number(_ x: Double) -> String? {
    guard x.isFinite else { return nil }
    let text = String(format: "%.1f", x)
    return text == "-0.0" ? "0.0" : text
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
    opacity: Double? = nil, tooltip: String? = nil
  ) {
    guard let xs = Self.number(x), let ys = Self.number(y), let ws = Self.number(max(0, width)),
      let hs = Self.number(max(0, height))
    else { return }
    var attributes = "x=\"\(xs)\" y=\"\(ys)\" width=\"\(ws)\" height=\"\(hs)\" fill=\"\(fill)\""
    if let stroke { attributes += " stroke=\"\(stroke)\"" }
    if let opacity, let o = Self.number(opacity) { attributes += " fill-opacity=\"\(o)\"" }
    elements.append(element("rect", attributes, tooltip: tooltip))
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dash: String? = nil
  ) {
    guard let a = Self.number(x1), let b = Self.number(y1), let c = Self.number(x2),
      let d = Self.number(y2), let w = Self.number(width)
    else { return }
    var attributes =
      "x1=\"\(a)\" y1=\"\(b)\" x2=\"\(c)\" y2=\"\(d)\" stroke=\"\(stroke)\" stroke-width=\"\(w)\""
    if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
    elements.append("<line \(attributes)/>")
  }

  /// A polyline through `points`; non-finite points split it into separate runs.
  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil,
    tooltip: String? = nil
  ) {
    let data = Self.pathData(points)
    guard !data.isEmpty, let w = Self.number(width) else { return }
    var attributes =
      "d=\"\(data)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(w)\" "
      + "stroke-linejoin=\"round\" stroke-linecap=\"round\""
    if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
    elements.append(element("path", attributes, tooltip: tooltip))
  }

  /// A closed area between `upper` (left to right) and `lower` (drawn back right to left).
  mutating func area(
    upper: [(Double, Double)], lower: [(Double, Double)], fill: String,
    opacity: Double
  ) {
    let points = (upper + lower.reversed()).filter { $0.0.isFinite && $0.1.isFinite }
    guard points.count >= 3, let o = Self.number(opacity) else { return }
    let data = Self.pathData(points) + " Z"
    elements.append(
      "<path d=\"\(data)\" fill=\"\(fill)\" fill-opacity=\"\(o)\" stroke=\"none\"/>")
  }

  mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
    guard let a = Self.number(x), let b = Self.number(y), let r = Self.number(radius) else {
      return
    }
    elements.append("<circle cx=\"\(a)\" cy=\"\(b)\" r=\"\(r)\" fill=\"\(fill)\"/>")
  }

  /// Text; `anchor` is `start`, `middle` or `end`; `rotate` turns it about its anchor.
  mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
    fill: String = "#333", weight: String? = nil, rotate: Double? = nil
  ) {
    guard let a = Self.number(x), let b = Self.number(y), let s = Self.number(size) else {
      return
    }
    var attributes =
      "x=\"\(a)\" y=\"\(b)\" text-anchor=\"\(anchor)\" font-size=\"\(s)\" fill=\"\(fill)\""
    if let weight { attributes += " font-weight=\"\(weight)\"" }
    if let rotate, let r = Self.number(rotate) {
      attributes += " transform=\"rotate(\(r) \(a) \(b))\""
    }
    elements.append("<text \(attributes)>\(HTMLText.escape(content))</text>")
  }

  /// `M x y L x y …`, starting a new run (`M`) after every non-finite point.
  static func pathData(_ points: [(Double, Double)]) -> String {
    var parts: [String] = []
    var move = true
    for (x, y) in points {
      guard let a = number(x), let b = number(y) else {
        move = true
        continue
      }
      parts.append("\(move ? "M" : "L")\(a) \(b)")
      move = false
    }
    return parts.joined(separator: " ")
  }

  private func element(_ name: String, _ attributes: String, tooltip: String?) -> String {
    guard let tooltip else { return "<\(name) \(attributes)/>" }
    return "<\(name) \(attributes)><title>\(HTMLText.escape(tooltip))</title></\(name)>"
  }
}
