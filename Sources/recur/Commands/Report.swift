import ArgumentParser
import Foundation
import RecurReport
import RecurStore

extension Recur {
  /// `recur report DIR`: tables and plots comparing the groups of a sweep, from its results
  /// store; also while the sweep runs.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare the trials of a sweep: tables (terminal, CSV, Markdown, JSON) or HTML.",
      discussion: """
        Groups trials by every swept key except the seed (or --group-by) and aggregates over \
        seeds. Reads the store read-only: safe while a coordinator writes it. Exit codes: 64 \
        unknown key, value or column; 65 not a Recur store or a newer schema; 66 no such \
        folder or store.
        """
    )

    @Argument(help: "The results folder (the one `recur coordinator --results` wrote).")
    var directory: String

    @Option(
      name: .customLong("group-by"),
      help:
        "Keys to group by, comma-separated (default: the swept keys but seed; '' for one group)."
    )
    var groupBy: String?

    @Option(
      name: .customLong("where"),
      help: "Keep trials with KEY=VALUE (repeatable; the same key twice means either value).")
    var filters: [String] = []

    @Option(
      parsing: .unconditional,
      help: "Sort rows by COLUMN (a leading - sorts descending, as --sort -solved).")
    var sort: String?

    @Option(help: "Output format: \(ReportOutput.allValueStrings.joined(separator: ", ")).")
    var format: ReportOutput = .table

    @Option(help: "Only these columns, comma-separated, in this order.")
    var columns: String?

    @Option(help: "Write the report to FILE instead of standard output.")
    var out: String?

    func run() throws {
      let report = try Self.mapErrors { try makeReport() }
      let text = render(report)
      let status = report.status
      if let out {
        try Self.write(text, to: out)
        Self.printError("\(status.message)\nWrote \(out).")
      } else {
        if format != .table && !status.isComplete {
          Self.printError(status.message)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    }

    private func makeReport() throws -> RecurReport.Report {
      let snapshot = try SweepSnapshot.read(directory: URL(fileURLWithPath: directory))
      let options = ReportOptions(
        groupBy: groupBy.map(Self.list), filters: try filters.map(ReportFilter.init(parsing:)),
        sort: sort.map(ReportSort.init(parsing:)), columns: columns.map(Self.list))
      return try RecurReport.Report(snapshot: snapshot, options: options)
    }

    private func render(_ report: RecurReport.Report) -> String {
      let chosen = columns != nil
      switch format {
      case .table:
        let width = out == nil ? TerminalWidth.current() : nil
        return report.render(.table, width: width, showEveryColumn: chosen)
      case .csv: return report.render(.csv)
      case .md: return report.render(.md, showEveryColumn: chosen)
      case .json: return report.render(.json)
      case .html: return report.html()
      }
    }

    /// `a, b,c` → `["a", "b", "c"]`; empty items are dropped.
    static func list(_ text: String) -> [String] {
      text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
    }
  }
}
