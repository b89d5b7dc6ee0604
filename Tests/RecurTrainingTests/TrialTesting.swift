import Foundation
import RecurSweep
import RecurTraining

/// Runs trials and collects what they report, for the tests.
enum TrialTesting {
  /// A trial from `key=value` arguments; the test fails on a bad key.
  static func spec(_ arguments: String) throws -> TrialSpec {
    try TrialSpec.parse(arguments: arguments.split(separator: " ").map(String.init))
  }

  /// Everything one run of a trial produced.
  struct Outcome {
    var run: TrialRun
    var records: [MetricRecord]
    var progress: [TrainingProgress]
    var starts: [TrialStart]

    var summary: TrialSummary { run.summary }

    /// The records as `metrics.jsonl` lines and the summary without its timing, as JSON: what
    /// two runs of the same trial must share byte for byte.
    func deterministicJSON() throws -> [String] {
      try records.map(JSONNumbers.line) + [JSONNumbers.line(summary.withoutTiming)]
    }
  }

  static func run(
    _ arguments: String, options: TrialOptions = TrialOptions(evaluationSequences: 128),
    isCancelled: () -> Bool = { false }
  ) throws -> Outcome {
    var records: [MetricRecord] = []
    var progress: [TrainingProgress] = []
    var starts: [TrialStart] = []
    let run = try TrialRunner(spec: spec(arguments), options: options).run(
      isCancelled: isCancelled,
      onEvent: { event in
        switch event {
        case .started(let start): starts.append(start)
        case .progress(let step): progress.append(step)
        case .record(let record): records.append(record)
        }
      })
    return Outcome(run: run, records: records, progress: progress, starts: starts)
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-training-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
