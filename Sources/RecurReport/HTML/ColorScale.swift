import Foundation

/// Values to viridis positions, linear or logarithmic, with a colour bar.
struct ColorScale: Sendable {
  let low: Double
  let high: Double
  let kind: AxisScale.Kind

  init(values: [Double], kind: AxisScale.Kind) {
    let usable = values.filter { $0.isFinite && (kind == .linear || $0 > 0) }
    low = usable.min() ?? 0
    high = usable.max() ?? 1
    self.kind = kind
  }

  /// The position of `value` in 0...1 (0.5 when every value is the same); nil if it cannot
  /// be placed.
  func fraction(_ value: Double) -> Double? {
    guard value.isFinite, high > low else { return value.isFinite ? 0.5 : nil }
    switch kind {
    case .linear:
      return (value - low) / (high - low)
    case .log:
      guard value > 0 else { return nil }
      return (log10(value) - log10(low)) / (log10(high) - log10(low))
    }
  }

  /// A horizontal bar of 32 steps with the end values and a title.
  func drawBar(on canvas: inout SVGCanvas, x: Double, y: Double, title: String) {
    let steps = 32
    let width = 260.0
    canvas.text(title, x: x, y: y + 14, size: 12, fill: Palette.text)
    for step in 0..<steps {
      canvas.rect(
        x: x + width * Double(step) / Double(steps), y: y + 20, width: width / Double(steps) + 0.5,
        height: 12, fill: Palette.viridis(Double(step) / Double(steps - 1)))
    }
    let style = NumberFormatting.style(for: [low, high])
    canvas.text(style.format(low), x: x, y: y + 46, size: 11, fill: Palette.muted)
    canvas.text(
      style.format(high), x: x + width, y: y + 46, anchor: "end", size: 11, fill: Palette.muted)
  }
}
