/// Sizes of the heat map: label and cell widths fitted to the labels and the column count,
/// panels side by side as the width allows.
struct HeatMapGeometry: Sendable {
  static let cellHeight = 40.0
  static let headerHeight = 62.0
  /// Above the panels: the colour bar.
  static let top = 54.0
  static let gap = (x: 24.0, y: 18.0)
  /// Pixels per character of 12-pixel text, for fitting labels.
  static let characterWidth = 7.0

  let labelWidth: Double
  let cellWidth: Double
  let panelWidth: Double
  let panelHeight: Double
  let perRow: Int
  let width: Double
  let height: Double

  init(data: HeatMapData, panelCount: Int) {
    let longestRow = Double(data.rows.map(\.count).max() ?? 0)
    labelWidth = min(260, max(96, Self.characterWidth * longestRow + 24))
    let columns = Double(max(1, data.columns.count))
    cellWidth = min(130, max(56, (FacetGrid.width / 2 - labelWidth) / columns))
    panelWidth = labelWidth + cellWidth * columns
    panelHeight = Self.headerHeight + Self.cellHeight * Double(data.rows.count) + 10
    perRow = max(
      1, min(panelCount, Int((FacetGrid.width + Self.gap.x) / (panelWidth + Self.gap.x))))
    let rows = (panelCount + perRow - 1) / perRow
    width = max(FacetGrid.width, panelWidth)
    height = Self.top + Double(rows) * (panelHeight + Self.gap.y)
  }

  /// The top-left corner of panel `index`.
  func origin(_ index: Int) -> (x: Double, y: Double) {
    (
      x: Double(index % perRow) * (panelWidth + Self.gap.x),
      y: Self.top + Double(index / perRow) * (panelHeight + Self.gap.y)
    )
  }

  func rowLabel(_ text: String) -> String {
    Self.shortened(text, to: Int((labelWidth - 14) / Self.characterWidth))
  }

  func columnLabel(_ text: String) -> String {
    Self.shortened(text, to: Int(cellWidth / Self.characterWidth) - 1)
  }

  /// `text` (`–` when empty), or its start and an ellipsis when longer than `count`
  /// characters (the cell's tooltip keeps the whole value).
  static func shortened(_ text: String, to count: Int) -> String {
    if text.isEmpty { return NumberFormatting.missing }
    guard text.count > count, count > 1 else { return text }
    return String(text.prefix(count - 1)) + "…"
  }
}
