import Foundation

/// The final report of one trial attempt; re-sent until acknowledged.
public struct TrialResult: Equatable, Sendable {
  public var trial: TrialAttempt
  /// The attempt's last sequence number: its metrics batches used 0..<sequence.
  public var sequence: UInt64
  public var outcome: TrialOutcome
  /// The trial summary as JSON (`RecurTraining/METRICS.md`), opaque here.
  public var summary: Data
  /// Why the trial failed; empty unless `outcome` is `.failed`. At most
  /// `ProtocolLimits.maxTextBytes` (see `ProtocolLimits.truncate`).
  public var errorMessage: String

  public init(
    trial: TrialAttempt, sequence: UInt64, outcome: TrialOutcome, summary: Data,
    errorMessage: String = ""
  ) {
    self.trial = trial
    self.sequence = sequence
    self.outcome = outcome
    self.summary = summary
    self.errorMessage = errorMessage
  }
}

extension TrialResult {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try writer.trial(trial)
    writer.u64(sequence)
    writer.u8(outcome.rawValue)
    try writer.blob(summary, field: "summary", limit: ProtocolLimits.maxPayloadBytes)
    try writer.text(errorMessage, field: "error message", limit: ProtocolLimits.maxTextBytes)
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    trial = try reader.trial()
    sequence = try reader.u64("sequence")
    let code = try reader.u8("outcome")
    guard let outcome = TrialOutcome(rawValue: code) else {
      throw .invalidValue(field: "outcome", value: UInt64(code))
    }
    self.outcome = outcome
    summary = try reader.blob("summary", limit: ProtocolLimits.maxPayloadBytes)
    errorMessage = try reader.text("error message", limit: ProtocolLimits.maxTextBytes)
  }
}
