import Foundation
import RecurStore
import Testing

@testable import RecurReport

@Suite struct HTMLReportTests {
  /// With RECUR_REPORT_DEMO set to a folder, the realistic sweep is kept there (for
  /// `recur report` and scripts/render-report.sh).
  static func sweep(running: Int = 0) throws -> SweepFixture {
    let keep = ProcessInfo.processInfo.environment["RECUR_REPORT_DEMO"].map {
      URL(fileURLWithPath: $0 + (running > 0 ? "-live" : ""))
    }
    return try RealisticSweep.make(running: running, keep: keep)
  }

  static func html(running: Int = 0, options: ReportOptions = ReportOptions()) throws -> String {
    let fixture = try sweep(running: running)
    let report = try Report(
      snapshot: SweepSnapshot.read(directory: fixture.directory), options: options)
    return report.html(generated: Date(timeIntervalSince1970: 0))
  }

  /// The `<section …>…</section>` blocks of a page.
  static func sections(_ html: String) -> [(attributes: String, body: String)] {
    html.components(separatedBy: "<section ").dropFirst().map { chunk in
      let attributes = String(chunk.prefix { $0 != ">" })
      let body = chunk.components(separatedBy: "</section>").first ?? ""
      return (attributes, body)
    }
  }

  @Test(arguments: [0, 4])
  func everyPlotSectionHoldsExactlyOneSVG(running: Int) throws {
    let html = try Self.html(running: running)
    let sections = Self.sections(html)
    let plots = sections.filter { $0.attributes.contains("class=\"plot\"") }
    #expect(plots.map { $0.attributes.contains("id=\"loss\"") }.contains(true))
    #expect(
      Set(plots.compactMap { Self.id($0.attributes) })
        == ["loss", "gradient-flow", "saturation", "heatmap"])
    for plot in plots {
      #expect(plot.body.components(separatedBy: "<svg").count == 2, "\(plot.attributes)")
    }
    #expect(html.components(separatedBy: "<svg").count == plots.count + 1)
  }

  /// The attributes that hold coordinates or sizes.
  static let numeric: Set<String> = [
    "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "viewBox",
    "stroke-width", "fill-opacity", "font-size", "transform",
  ]

  @Test(arguments: [0, 4])
  func everySVGCoordinateIsFinite(running: Int) throws {
    let html = try Self.html(running: running)
    var checked = 0
    for svg in html.components(separatedBy: "<svg").dropFirst() {
      let body = svg.components(separatedBy: "</svg>").first ?? ""
      for attribute in Self.attributes(body) where Self.numeric.contains(attribute.name) {
        let numbers = attribute.value.split { " ,MLZ()".contains($0) }
          .filter { $0 != "rotate" }
        for number in numbers {
          #expect(Double(number)?.isFinite == true, "\(attribute.name)=\(attribute.value)")
          checked += 1
        }
      }
    }
    #expect(checked > 1000)
  }

  @Test func aReportGroupedByOneKeySaysWhyThereIsNoHeatMap() throws {
    let html = try Self.html(options: ReportOptions(groupBy: ["cell"]))
    let heatmap = try #require(Self.sections(html).first { Self.id($0.attributes) == "heatmap" })
    #expect(heatmap.attributes.contains("class=\"note\""))
    #expect(heatmap.body.contains("needs two grouping keys"))
    #expect(!heatmap.body.contains("<svg"))
  }

  @Test func thePageIsSelfContained() throws {
    let html = try Self.html()
    #expect(
      !html.contains("http://")
        || html.components(separatedBy: "http://").dropFirst().allSatisfy {
          $0.hasPrefix("www.w3.org/2000/svg")
        })
    #expect(!html.contains("https://"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("<link"))
  }

  @Test func keyValuesAndSweepTextAreEscaped() throws {
    let fixture = try SweepFixture(
      sweptKeys: ["data"], trials: [["cell": "rnn", "data": "<b>&x"]],
      fileText: "name: </pre><script>")
    try fixture.run(
      "t0", records: [["step": 0, "eval_loss": 1.0]], summary: ["final_eval_loss": 1.0])
    let html = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory)).html()
    #expect(!html.contains("<b>&x") && html.contains("&lt;b&gt;&amp;x"))
    #expect(!html.contains("<script>"))
  }

  static func id(_ attributes: String) -> String? {
    guard let range = attributes.range(of: "id=\"") else { return nil }
    return String(attributes[range.upperBound...].prefix { $0 != "\"" })
  }

  /// Every `name="value"` attribute of the SVG's elements.
  static func attributes(_ svg: String) -> [(name: String, value: String)] {
    var result: [(String, String)] = []
    for tag in svg.components(separatedBy: "<").dropFirst() {
      var head = tag.prefix { $0 != ">" }
      if head.hasSuffix("/") { head.removeLast() }
      for piece in head.components(separatedBy: "\" ") {
        let parts = piece.components(separatedBy: "=\"")
        guard parts.count == 2, let name = parts[0].split(separator: " ").last else { continue }
        result.append((String(name), parts[1].replacingOccurrences(of: "\"", with: "")))
      }
    }
    return result
  }
}

@Suite struct HostileInputTests {
  @Test func extremeAndOddValuesGiveFiniteSVGAndReadableTables() throws {
    let keys: [[String: String]] = [
      ["cell": "rnn", "note": "a,b \"q\"", "seed": "1"],
      ["cell": "lstm", "note": "ünï <x>", "seed": "1"],
      ["cell": "gru", "seed": "1"],
    ]
    let fixture = try SweepFixture(sweptKeys: ["cell", "note", "seed"], trials: keys)
    let records: [[String: Any]] = [
      ["step": 0, "eval_loss": 1e300, "train_loss": -1e300, "grad_norm": 1e308],
      [
        "step": 1, "eval_loss": Double.leastNonzeroMagnitude,
        "hidden_grad_norm": [[0, Double.leastNonzeroMagnitude * 2024, NSNull(), 1e300]],
        "saturation": ["l0.h": 2.5, "lx.y": 0.1, "l0.": 0.3],
      ],
      ["step": 2, "eval_loss": 0, "hidden_grad_norm": [[]], "saturation": "none"],
    ]
    try fixture.run("t0", records: records, summary: ["final_eval_loss": 1e300])
    try fixture.run("t1", records: records, outcome: .diverged, summary: ["diverged": true])
    try fixture.store.write { transaction in
      let attempt = try #require(
        try transaction.startAttempt(trialID: "t2", worker: "w", host: "h"))
      _ = try transaction.recordResults([
        ResultRow(trialID: "t2", attempt: attempt, outcome: .finished, summaryJSON: "{nope")
      ])
    }
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    #expect(report.groupKeys == ["cell", "note"])
    let html = report.html()
    for attribute in HTMLReportTests.attributes(html)
    where HTMLReportTests.numeric.contains(attribute.name) {
      for number in attribute.value.split(whereSeparator: { " ,MLZ()".contains($0) })
      where number != "rotate" {
        #expect(Double(number)?.isFinite == true, "\(attribute.name)=\(attribute.value)")
      }
    }
    #expect(html.contains("ünï &lt;x&gt;"))
    let csv = CSVReader.parse(report.render(.csv))
    #expect(csv.dropFirst().map { $0[1] } == ["a,b \"q\"", "ünï <x>", ""])
    let table = report.render(.table, width: 100)
    #expect(table.contains("rnn   a,b \"q\""))
    #expect(table.contains("gru   –"))
  }
}

@Suite struct PlotDataTests {
  @Test func theHeatMapHasCellsAsRowsTheNextKeyAsColumnsAndOneMapPerFurtherKey() throws {
    let fixture = try RealisticSweep.make()
    let report = try Report(
      snapshot: SweepSnapshot.read(directory: fixture.directory),
      options: ReportOptions(groupBy: ["seed", "seq_len", "cell"]))
    let layout = PlotLayout(groupKeys: report.groupKeys, groups: report.groups)
    #expect(layout.seriesKey == "cell" && layout.facetKeys == ["seed", "seq_len"])
    let map = try #require(report.heatMap(layout: layout))
    #expect(map.rows == ["rnn", "lstm", "gru"] && map.columns == ["1", "2", "3"])
    #expect(map.panelKeys == ["seq_len"] && map.panels.map(\.values) == [["50"], ["100"], ["200"]])
    let group = try #require(
      report.groups.first { $0.keyValues == ["2", "200", "rnn"] })
    // rnn, T = 200, seed 2 diverged: no finished trial, no value.
    #expect(group.counts.diverged == 1 && map.panels[2].cells[0][1] == nil)
    let lstm = try #require(report.groups.first { $0.keyValues == ["1", "50", "lstm"] })
    #expect(map.panels[0].cells[1][0] == lstm.finalEvalMean)
  }

  @Test func lossCurvesAverageTheSeedsStepByStepWithTheirRange() throws {
    let fixture = try SweepFixture(trials: SweepFixture.cellTrials(cells: ["gru"], seeds: [1, 2]))
    try fixture.run(
      "t0", records: [["step": 0, "eval_loss": 1.0], ["step": 10, "eval_loss": 0.5]])
    try fixture.run(
      "t1", records: [["step": 0, "eval_loss": 3.0], ["step": 10, "eval_loss": NSNull()]],
      outcome: .diverged)
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    let layout = PlotLayout(groupKeys: report.groupKeys, groups: report.groups)
    let curve = try #require(report.lossCurves(layout: layout).first)
    #expect(curve.isEvalLoss)
    #expect(
      curve.points == [
        BandPoint(x: 0, mean: 2, low: 1, high: 3, count: 2),
        BandPoint(x: 10, mean: 0.5, low: 0.5, high: 0.5, count: 1),
      ])
  }

  @Test func gradientFlowIsTheGeometricMeanOverSeedsAtEachStep() throws {
    let fixture = try SweepFixture(trials: SweepFixture.cellTrials(cells: ["lstm"], seeds: [1, 2]))
    try fixture.run("t0", records: [["step": 0, "hidden_grad_norm": [[1, 4]]]])
    try fixture.run(
      "t1",
      records: [
        ["step": 0, "hidden_grad_norm": [[100, 16]]], ["step": 5, "hidden_grad_norm": [[2, 2]]],
      ])
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    let layout = PlotLayout(groupKeys: report.groupKeys, groups: report.groups)
    let flow = try #require(report.gradientFlow(layout: layout).first)
    let close = { (a: [Double], b: [Double]) in
      a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 * max(1, abs($1)) }
    }
    #expect(close(flow.initial.map(\.mean), [10, 8]))
    // The ends: t0's step 0 (its only diagnosis) and t1's step 5.
    #expect(close(flow.final.map(\.mean), [Double(2).squareRoot(), Double(8).squareRoot()]))
    #expect(flow.finalStep == 5)
  }
}
