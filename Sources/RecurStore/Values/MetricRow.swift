/// One metric record as a worker streamed it, for `appendMetrics`.
///
/// The store reads `step`, `train_loss` and `eval_loss` out of the JSON itself
/// (`Sources/RecurTraining/METRICS.md` is the contract), so the coordinator passes the payload
/// through without decoding it.
public struct MetricRow: Sendable, Hashable {
  public var trialID: String
  public var attempt: Int
  /// One metric record: a JSON object with at least an integer `step`.
  public var recordJSON: String

  public init(trialID: String, attempt: Int, recordJSON: String) {
    self.trialID = trialID
    self.attempt = attempt
    self.recordJSON = recordJSON
  }
}
