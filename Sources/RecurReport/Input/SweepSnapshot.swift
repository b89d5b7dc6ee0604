import Foundation
import RecurStore

/// What a report knows about a sweep: the sweep as registered and every trial of its current
/// plan with its summary and metric records.
///
/// Read once, then aggregated and rendered without touching the store again.
public struct SweepSnapshot: Sendable {
  /// The sweep's name, nil for a store without a registered plan.
  public var name: String?
  /// The keys the sweep varies, in sweep-file order (`seed` included when several seeds run).
  public var sweptKeys: [String]
  /// The metric the sweep ranks trials by.
  public var metric: String?
  /// The sweep file's text as registered.
  public var fileText: String?
  /// The results folder.
  public var directory: URL?
  public var trials: [TrialData]

  public init(
    name: String?, sweptKeys: [String], metric: String? = nil, fileText: String? = nil,
    directory: URL? = nil, trials: [TrialData]
  ) {
    self.name = name
    self.sweptKeys = sweptKeys
    self.metric = metric
    self.fileText = fileText
    self.directory = directory
    self.trials = trials
  }

  /// Trial counts by state, from the trials read (so they always agree with the tables).
  public var counts: StatusCounts {
    var counts = StatusCounts()
    for trial in trials {
      counts[trial.state] += 1
      counts.trials += 1
    }
    return counts
  }

  /// Every key some trial has, sorted.
  public var availableKeys: [String] {
    Array(Set(trials.flatMap(\.keys.keys))).sorted()
  }
}
