import Foundation

/// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched
/// from the network) with the loss curves, the gradient flow, the gate saturation, the heat
/// map, the table and the sweep file.
enum HTMLReport {
  static func render(_ report: Report, generated: Date) -> String {
    let layout = PlotLayout(groupKeys: report.groupKeys, groups: report.groups)
    let sections = [
      LossPlot.section(report, layout: layout),
      GradientFlowPlot.section(report, layout: layout),
      SaturationPlot.section(report, layout: layout),
      HeatMapPlot.section(report, layout: layout),
    ]
    let name = report.snapshot.name ?? "Recur sweep"
    let status = report.status
    var body = "<header>\n<h1>\(HTMLText.escape(name))</h1>\n"
    body += "<p class=\"status \(status.isComplete ? "done" : "partial")\">"
    body += "\(HTMLText.escape(status.message))</p>\n"
    body += "<p class=\"meta\">\(HTMLText.escape(meta(report, generated: generated)))</p>\n"
    body += "</header>\n<nav>"
    body +=
      (sections.map { ($0.id, $0.title) } + [("table", "Table"), ("sweep-file", "Sweep file")])
      .map { "<a href=\"#\($0.0)\">\(HTMLText.escape($0.1))</a>" }.joined(separator: " · ")
    body += "</nav>\n"
    body += sections.map { $0.render() }.joined(separator: "\n") + "\n"
    body += HTMLTable.section(report) + "\n"
    body += sweepFile(report)
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTMLText.escape(name)) · Recur report</title>
      <style>\(style)</style>
      </head>
      <body>
      <main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  private static func meta(_ report: Report, generated: Date) -> String {
    var parts: [String] = []
    parts.append(
      report.groupKeys.isEmpty
        ? "all trials in one group"
        : "grouped by " + report.groupKeys.joined(separator: ", "))
    if !report.filters.isEmpty {
      parts.append(
        "where " + report.filters.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))
    }
    parts.append("\(report.groups.count) group\(report.groups.count == 1 ? "" : "s")")
    if let metric = report.snapshot.metric { parts.append("sweep metric \(metric)") }
    if let directory = report.snapshot.directory { parts.append(directory.path) }
    let formatter = ISO8601DateFormatter()
    parts.append("generated " + formatter.string(from: generated))
    return parts.joined(separator: " · ")
  }

  private static func sweepFile(_ report: Report) -> String {
    guard let text = report.snapshot.fileText, !text.isEmpty else { return "" }
    return """
      <section class="source" id="sweep-file">
      <h2>Sweep file</h2>
      <pre>\(HTMLText.escape(text))</pre>
      </section>
      """
  }

  static let style = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f6f6f4; color: #222;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
    main { max-width: 1340px; margin: 0 auto; padding: 24px 20px 48px; }
    header h1 { margin: 0 0 4px; font-size: 28px; }
    .status { margin: 6px 0; padding: 8px 12px; border-radius: 6px; background: #e8f3ec; }
    .status.partial { background: #fdf3dc; }
    .meta { color: #666; font-size: 13px; margin: 4px 0 12px; }
    nav { font-size: 14px; margin-bottom: 8px; }
    nav a { color: #0b5cad; text-decoration: none; }
    section { background: #fff; border: 1px solid #e2e2e2; border-radius: 8px;
      padding: 16px 20px 20px; margin: 18px 0; }
    section h2 { margin: 0 0 4px; font-size: 20px; }
    section h3 { margin: 18px 0 6px; font-size: 16px; }
    .caption { color: #555; margin: 0 0 12px; max-width: 110ch; font-size: 14px; }
    .figure { overflow-x: auto; }
    .figure svg { display: block; max-width: 100%; height: auto; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
    th, td { padding: 5px 10px; border-bottom: 1px solid #eee; white-space: nowrap; }
    th { text-align: left; border-bottom: 2px solid #ccc; cursor: help; }
    th.num, td.num { text-align: right; }
    tbody tr:nth-child(even) { background: #fafafa; }
    details { margin-top: 12px; font-size: 13px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
    dt { font-weight: 600; } dd { margin: 0; color: #555; }
    pre { background: #f7f7f7; padding: 12px; border-radius: 6px; overflow-x: auto;
      font-size: 13px; }
    """
}

extension Report {
  /// The report as one self-contained HTML page (inline SVG plots, no network access).
  public func html(generated: Date = Date()) -> String {
    HTMLReport.render(self, generated: generated)
  }
}
