import Foundation

/// Colours of the report: one per cell type, the same in every plot, and a colour-blind-safe
/// set for other series (Okabe & Ito, "Color Universal Design", 2008).
enum Palette {
  /// The cells' colours: vermillion, reddish purple, blue and bluish green of the Okabe–Ito
  /// set.
  static let cells = [
    "rnn": "#D55E00", "rnn_relu": "#CC79A7", "lstm": "#0072B2", "gru": "#009E73",
  ]
  /// Series colours for keys other than `cell`, in order.
  static let series = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C564B", "#555555",
  ]
  /// Dash patterns that tell apart series beyond the colours, and gates within a cell.
  static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "1 4"]
  static let text = "#222"
  static let muted = "#666"
  static let grid = "#e6e6e6"
  static let baseline = "#444"

  /// The colour of series value `value` (at `index` among the series) of `key`.
  static func color(series value: String, index: Int, key: String?) -> String {
    if key == "cell", let color = cells[value] { return color }
    return series[index % series.count]
  }

  /// The dash pattern of the series at `index`: solid until the colours run out.
  static func dash(seriesIndex index: Int, key: String?) -> String? {
    key == "cell" && index < cells.count ? nil : dashes[(index / series.count) % dashes.count]
  }

  /// Viridis (Smith & van der Walt, matplotlib 2015) at `t` in 0...1, from 9 stops.
  static func viridis(_ t: Double) -> String {
    let stops: [(Double, Double, Double)] = [
      (68, 1, 84), (72, 40, 120), (62, 73, 137), (49, 104, 142), (38, 130, 142),
      (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ]
    let clamped = min(1, max(0, t.isFinite ? t : 0))
    let position = clamped * Double(stops.count - 1)
    let index = min(stops.count - 2, Int(position))
    let f = position - Double(index)
    let (a, b) = (stops[index], stops[index + 1])
    let rgb = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
    return "#" + rgb.map { String(format: "%02X", Int($0.rounded())) }.joined()
  }

  /// Whether text on the viridis colour at `t` should be white (the dark half).
  static func needsLightText(_ t: Double) -> Bool { t < 0.55 }
}
