import Foundation

/// One trial given to one idle worker.
public struct Assignment: Equatable, Sendable {
  public var trial: TrialAttempt
  /// The sweep the trial belongs to, for the worker's logs.
  public var sweepName: String
  /// The trial's resolved keys as JSON, opaque here (RecurSweep and RecurTraining define it).
  public var spec: Data

  public init(trial: TrialAttempt, sweepName: String, spec: Data) {
    self.trial = trial
    self.sweepName = sweepName
    self.spec = spec
  }
}

extension Assignment {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try writer.trial(trial)
    try writer.text(sweepName, field: "sweep name", limit: ProtocolLimits.maxNameBytes)
    try writer.blob(spec, field: "trial spec", limit: ProtocolLimits.maxPayloadBytes)
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    trial = try reader.trial()
    sweepName = try reader.text("sweep name", limit: ProtocolLimits.maxNameBytes)
    spec = try reader.blob("trial spec", limit: ProtocolLimits.maxPayloadBytes)
  }
}
