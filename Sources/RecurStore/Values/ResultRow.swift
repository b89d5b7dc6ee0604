/// The final result of one attempt, as a worker sent it, for `recordResults`.
public struct ResultRow: Sendable, Hashable {
  public var trialID: String
  public var attempt: Int
  public var outcome: TrialOutcome
  /// The trial summary as JSON text (METRICS.md, "Trial summary"), when there is one.
  public var summaryJSON: String?
  /// The error message of a failed trial.
  public var error: String?

  public init(
    trialID: String, attempt: Int, outcome: TrialOutcome, summaryJSON: String? = nil,
    error: String? = nil
  ) {
    self.trialID = trialID
    self.attempt = attempt
    self.outcome = outcome
    self.summaryJSON = summaryJSON
    self.error = error
  }
}
