import Foundation

/// A batch of metric records of one trial attempt, streamed while it trains.
///
/// The records are opaque here: each is one JSON object as `RecurTraining/METRICS.md`
/// specifies, carried byte for byte. `sequence` numbers the attempt's metrics and result
/// messages from 0 so that the coordinator can acknowledge them and drop re-sent copies.
public struct MetricsBatch: Equatable, Sendable {
  public var trial: TrialAttempt
  public var sequence: UInt64
  /// One JSON metric record per element.
  public var records: [Data]

  public init(trial: TrialAttempt, sequence: UInt64, records: [Data]) {
    self.trial = trial
    self.sequence = sequence
    self.records = records
  }
}

extension MetricsBatch {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try writer.trial(trial)
    writer.u64(sequence)
    try writer.count(
      records.count, field: "record count", limit: ProtocolLimits.maxRecordsPerBatch)
    for record in records {
      try writer.blob(record, field: "record", limit: ProtocolLimits.maxPayloadBytes)
    }
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    trial = try reader.trial()
    sequence = try reader.u64("sequence")
    let count = try reader.count(
      "record count", limit: ProtocolLimits.maxRecordsPerBatch, minimumElementBytes: 4)
    records = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      records.append(try reader.blob("record", limit: ProtocolLimits.maxPayloadBytes))
    }
  }

  /// Payload bytes this batch needs, to size the writer in one allocation.
  var estimatedSize: Int {
    records.reduce(64 + trial.trialID.utf8.count) { $0 + 4 + $1.count }
  }
}
