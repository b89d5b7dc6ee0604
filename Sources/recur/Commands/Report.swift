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
        seeds. Losses, loss/baseline, accuracy and timing cover finished trials; best loss, \
        gradient retention and decay, saturation, gradient norm and clipping cover trials \
        that trained (finished or diverged, up to their last finite diagnosis); solved is k \
        of the trials with an outcome. Non-finite values are left out; a figure no trial \
        gives is shown as – (empty in CSV, null in JSON). Retention is a geometric mean, std \
        uses n − 1.

        The table fits the terminal (COLUMNS, else the terminal's width; no limit when \
        writing to a pipe or a file), dropping the least important columns first. CSV and \
        JSON carry every column at full precision. HTML is one self-contained page with SVG \
        plots.

        Reads the store read-only: safe while a coordinator writes it; a partial sweep gets \
        its counts and a note. Exit codes: 64 unknown key, value or column; 65 not a Recur \
        store or a newer schema; 66 no such folder or store.
        """
    )

    @Argument(help: "The results folder (the one `recur coordinator --results` wrote).")
    var directory: String

    @Option(
      name: .customLong("group-by"),
      help: ArgumentHelp(
        "Keys to group by, comma-separated (default: the swept keys but seed; '' for one group).",
        valueName: "keys"))
    var groupBy: String?

    @Option(
      name: .customLong("where"),
      help: ArgumentHelp(
        "Keep trials with KEY=VALUE (repeatable; the same key twice means either value).",
        valueName: "key=value"))
    var filters: [String] = []

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp(
        "Sort rows by COLUMN (a leading - sorts descending, as --sort -solved).",
        valueName: "column"))
    var sort: String?

    @Option(help: "Output format.")
    var format: ReportOutput = .table

    @Option(
      help: ArgumentHelp("Only these columns, comma-separated, in this order.", valueName: "names"))
    var columns: String?

    @Option(
      help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "file"))
    var out: String?

    /// The report must never replace the store it reads (or the store's log beside it).
    func validate() throws {
      guard let out else { return }
      let store = ResultsFolder.url(directory).appendingPathComponent(ResultsStore.fileName)
      let protected = ["", "-wal", "-shm"].map { ResolvedPath.of(store.path + $0) }
      if protected.contains(ResolvedPath.of(out)) {
        throw ValidationError(
          "--out \(out) is the results store (or its log); expected another file, such as "
            + "report.\(format == .table ? "txt" : format.rawValue)")
      }
    }

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
      let snapshot = try SweepSnapshot.read(directory: ResultsFolder.url(directory))
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
