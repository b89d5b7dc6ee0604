/// One section of the HTML report: a heading, a caption, and a plot or a note saying why
/// there is none.
struct HTMLSection: Sendable {
  var id: String
  var title: String
  var caption: String
  /// The section's one SVG; nil: `caption` explains what is missing.
  var svg: String?

  func render() -> String {
    let kind = svg == nil ? "note" : "plot"
    return """
      <section class="\(kind)" id="\(id)">
      <h2>\(HTMLText.escape(title))</h2>
      <p class="caption">\(HTMLText.escape(caption))</p>
      \(svg.map { "<div class=\"figure\">\($0)</div>" } ?? "")
      </section>
      """
  }

  /// At most this many panels per plot; a larger sweep is better read from the table.
  static let maxPanels = 24

  /// "Showing the first 24 of 30 panels." when some were left out, else "".
  static func truncationNote(shown: Int, of total: Int) -> String {
    total > shown ? " Showing the first \(shown) of \(total) panels." : ""
  }
}
