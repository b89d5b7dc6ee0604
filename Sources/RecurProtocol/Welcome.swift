/// The coordinator's answer to a hello: the worker is registered, and both sides now use the
/// coordinator's heartbeat settings (PROTOCOL.md, Reliability).
public struct Welcome: Equatable, Sendable {
  /// Names the coordinator in logs (host and process id, for example).
  public var coordinatorID: String
  /// New at every coordinator start: a worker that sees it change knows the coordinator
  /// restarted and lost whatever it had not acknowledged.
  public var sessionID: String
  /// Each side sends a heartbeat when it has sent nothing else for this long. At least 1.
  public var heartbeatIntervalMilliseconds: UInt32
  /// A peer silent for `heartbeatLiveness` intervals is dead (the Guide's HEARTBEAT_LIVENESS;
  /// 3 to 5 is reasonable). At least 1.
  public var heartbeatLiveness: UInt32

  public init(
    coordinatorID: String, sessionID: String, heartbeatIntervalMilliseconds: UInt32,
    heartbeatLiveness: UInt32
  ) {
    self.coordinatorID = coordinatorID
    self.sessionID = sessionID
    self.heartbeatIntervalMilliseconds = heartbeatIntervalMilliseconds
    self.heartbeatLiveness = heartbeatLiveness
  }
}

extension Welcome {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try Self.check(heartbeatIntervalMilliseconds, heartbeatLiveness)
    try writer.text(coordinatorID, field: "coordinator id", limit: ProtocolLimits.maxNameBytes)
    try writer.text(sessionID, field: "session id", limit: ProtocolLimits.maxNameBytes)
    writer.u32(heartbeatIntervalMilliseconds)
    writer.u32(heartbeatLiveness)
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    coordinatorID = try reader.text("coordinator id", limit: ProtocolLimits.maxNameBytes)
    sessionID = try reader.text("session id", limit: ProtocolLimits.maxNameBytes)
    heartbeatIntervalMilliseconds = try reader.u32("heartbeat interval")
    heartbeatLiveness = try reader.u32("heartbeat liveness")
    try Self.check(heartbeatIntervalMilliseconds, heartbeatLiveness)
  }

  /// Zero would make every peer dead at once or heartbeat in a busy loop.
  private static func check(_ interval: UInt32, _ liveness: UInt32) throws(ProtocolError) {
    guard interval > 0 else { throw .invalidValue(field: "heartbeat interval", value: 0) }
    guard liveness > 0 else { throw .invalidValue(field: "heartbeat liveness", value: 0) }
  }
}
