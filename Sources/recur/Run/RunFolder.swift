import Foundation
import RecurEngine
import RecurSweep
import RecurTraining

/// The output folder of `recur run`: `trial.json` (the resolved keys, to run the trial again)
/// and `metrics.jsonl`, written record by record as the trial runs (so an interrupted run keeps
/// what it measured), then `model.safetensors` and `summary.json`.
///
/// Nothing is created until the trial has started (`open`), so that a run refused for a bad
/// key or data file leaves no folder behind.
final class RunFolder {
  let url: URL
  private let spec: TrialSpec
  private var metrics: FileHandle?
  /// The first error met while writing; the run stops at the next step.
  private(set) var failure: RunFolderError?

  static let metricsFile = "metrics.jsonl"
  static let modelFile = "model.safetensors"
  static let summaryFile = "summary.json"
  static let trialFile = "trial.json"

  init(path: String, spec: TrialSpec) {
    url = URL(fileURLWithPath: path, isDirectory: true)
    self.spec = spec
  }

  deinit {
    try? metrics?.close()
  }

  /// Creates the folder (and its parents), `trial.json` and an empty `metrics.jsonl`, once;
  /// a failure is kept in `failure`.
  func open() {
    guard metrics == nil, failure == nil else { return }
    let metricsURL = url.appendingPathComponent(Self.metricsFile)
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try Self.write(JSONNumbers.line(spec) + "\n", to: url.appendingPathComponent(Self.trialFile))
      try Data().write(to: metricsURL)
      metrics = try FileHandle(forWritingTo: metricsURL)
    } catch {
      failure = RunFolderError(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Appends one record as a line of `metrics.jsonl`.
  func append(_ record: MetricRecord) {
    open()
    guard let metrics, failure == nil else { return }
    do {
      try metrics.write(contentsOf: Data((JSONNumbers.line(record) + "\n").utf8))
    } catch {
      failure = RunFolderError(
        path: url.appendingPathComponent(Self.metricsFile).path, reason: "\(error)")
    }
  }

  /// Writes the trained model and the summary; returns the summary's JSON line.
  func finish(_ run: TrialRun) throws(RunFolderError) -> String {
    open()
    if let failure { throw failure }
    do {
      try metrics?.synchronize()
      if let model = run.model {
        try Checkpoint.save(
          config: model.config, parameters: model.parameters,
          to: url.appendingPathComponent(Self.modelFile))
      }
      let line = try JSONNumbers.line(run.summary)
      try Self.write(line + "\n", to: url.appendingPathComponent(Self.summaryFile))
      return line
    } catch {
      throw RunFolderError(path: url.path, reason: "\(error)")
    }
  }

  private static func write(_ text: String, to url: URL) throws {
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}

/// The output folder or one of its files cannot be written.
struct RunFolderError: Error, CustomStringConvertible {
  let path: String
  let reason: String

  var description: String {
    "cannot write the run's files in \(path) (\(reason)); choose another folder with --out"
  }
}
