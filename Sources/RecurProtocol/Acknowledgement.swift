/// The coordinator confirming that messages of one trial attempt are safely stored, so that
/// the worker stops keeping them for re-sending.
///
/// The coordinator acknowledges only what it has committed to the store; it acknowledges a
/// duplicate again (without storing it twice) so that the worker can let go of it.
public struct Acknowledgement: Equatable, Sendable {
  public var trial: TrialAttempt
  /// The sequence numbers of the metrics and result messages acknowledged.
  public var sequences: [UInt64]

  public init(trial: TrialAttempt, sequences: [UInt64]) {
    self.trial = trial
    self.sequences = sequences
  }
}

extension Acknowledgement {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try writer.trial(trial)
    try writer.count(
      sequences.count, field: "sequence count",
      limit: ProtocolLimits.maxAcknowledgedSequences)
    for sequence in sequences { writer.u64(sequence) }
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    trial = try reader.trial()
    let count = try reader.count(
      "sequence count", limit: ProtocolLimits.maxAcknowledgedSequences, minimumElementBytes: 8)
    sequences = []
    sequences.reserveCapacity(count)
    for _ in 0..<count { sequences.append(try reader.u64("sequence")) }
  }
}
