import Foundation
import RecurStore

/// One trial as a report reads it: its keys, its state, its summary and its metric records.
public struct TrialData: Sendable, Hashable {
  public var id: String
  /// The resolved value of every trial key, as text (`cell` → `lstm`, `lr` → `0.001`).
  public var keys: [String: String]
  public var state: TrialState
  /// The accepted summary, nil while the trial runs, when it failed without one, or when its
  /// JSON could not be read.
  var summary: TrialSummary?
  /// The metric records of the accepted attempt (of the latest one while it runs), by step.
  var points: [MetricPoint]
  /// The error message of a failed trial.
  public var error: String?
  public var startedAt: Date?
  public var finishedAt: Date?

  init(
    id: String, keys: [String: String], state: TrialState, summary: TrialSummary? = nil,
    points: [MetricPoint] = [], error: String? = nil, startedAt: Date? = nil,
    finishedAt: Date? = nil
  ) {
    self.id = id
    self.keys = keys
    self.state = state
    self.summary = summary
    self.points = points
    self.error = error
    self.startedAt = startedAt
    self.finishedAt = finishedAt
  }

  /// Trained to the end or until its loss diverged: its diagnostics describe a real run.
  var hasTrained: Bool { state == .finished || state == .diverged }
}
