import Foundation

/// One stored trial with its outcome (`trials()`), for reports and `recur status`.
public struct TrialRecord: Sendable, Hashable {
  public var id: String
  public var ordinal: Int
  /// The resolved keys, as registered.
  public var keys: [String: String]
  public var specJSON: String
  public var state: TrialState
  /// Whether the current plan has this trial (false: an edited sweep file dropped it).
  public var inPlan: Bool
  /// Attempts started so far.
  public var attempts: Int
  /// The attempt whose result was accepted.
  public var outcomeAttempt: Int?
  /// The accepted summary JSON (METRICS.md, "Trial summary").
  public var summaryJSON: String?
  /// The error message of a failed trial.
  public var error: String?
  /// `final_eval_loss` from the summary, when finite.
  public var finalEvalLoss: Double?
  /// The worker of the accepted attempt, or of the running one.
  public var worker: String?
  public var host: String?
  /// When the first attempt started.
  public var startedAt: Date?
  /// When the outcome was recorded (also when the trial was declared lost).
  public var finishedAt: Date?
}
