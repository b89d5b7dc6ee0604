import Foundation
import RecurProtocol

/// Runs one trial for a worker: the seam between the cluster and the training code.
///
/// Called on the worker's training thread, one trial at a time. It must not throw: a trial
/// that raises an error is a result (`failed`, with the message), as is one that diverges.
public protocol TrialExecutor: Sendable {
  /// Trains the trial whose spec (JSON, as the coordinator sent it) is `spec`.
  ///
  /// - Parameters:
  ///   - emit: called with each metric record (JSON, `RecurTraining/METRICS.md`) as it is
  ///     measured; the worker streams it to the coordinator at once.
  ///   - isCancelled: true once the worker abandons the trial; return soon after.
  func run(spec: Data, emit: (Data) -> Void, isCancelled: () -> Bool) -> TrialReport
}

/// How a trial ended, as a worker reports it.
public struct TrialReport: Sendable, Equatable {
  public var outcome: RecurProtocol.TrialOutcome
  /// The trial summary as JSON (`RecurTraining/METRICS.md`, "Trial summary"); may be empty.
  public var summary: Data
  /// Why the trial failed; empty unless `outcome` is `.failed`.
  public var errorMessage: String

  public init(outcome: RecurProtocol.TrialOutcome, summary: Data, errorMessage: String = "") {
    self.outcome = outcome
    self.summary = summary
    self.errorMessage = errorMessage
  }

  /// A failed trial with `message`.
  public static func failed(_ message: String, summary: Data = Data()) -> TrialReport {
    TrialReport(outcome: .failed, summary: summary, errorMessage: message)
  }
}
