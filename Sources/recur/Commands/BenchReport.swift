import ArgumentParser
import Foundation
import RecurReport

extension Recur {
  /// `recur bench report`: times how a report reads a large sweep's metric records, beside the
  /// former one-query-per-trial reading measured on the same store in the same run.
  struct BenchReport: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Time reading a large sweep's metric records: one query, against one per trial.",
      discussion: """
        Writes a synthetic store (TRIALS finished trials of RECORDS metric records each, every \
        tenth a diagnosis with a 100-step gradient-flow curve) in a temporary folder, then reads \
        every trial's records as `recur report` does (one ordered query) and as it did before \
        (one query per trial), alternately, and prints the best time of each and their ratio.
        """)

    @Option(help: "Trials in the synthetic store.")
    var trials = 20_000

    @Option(help: "Metric records per trial.")
    var records = 50

    @Option(help: "Timed readings of each kind; the best is kept.")
    var rounds = 2

    @Option(help: "Write the store in this folder and keep it (default: a temporary folder).")
    var directory: String?

    func validate() throws {
      guard trials > 0, records > 0, rounds > 0 else {
        throw ValidationError("--trials, --records and --rounds must be positive")
      }
    }

    func run() throws {
      let figures = try ReportBenchmark.run(
        trials: trials, recordsPerTrial: records, rounds: rounds,
        directory: directory.map { URL(fileURLWithPath: $0) })
      print(
        "store: \(figures.trials) trials × \(figures.recordsPerTrial) records, written in "
          + String(format: "%.1f s", figures.writeSeconds))
      print(String(format: "one query per trial: %.2f s", figures.perTrialSeconds))
      print(
        String(
          format: "one ordered query:   %.2f s  (%.1f× faster)", figures.oneQuerySeconds,
          figures.speedup))
    }
  }
}
