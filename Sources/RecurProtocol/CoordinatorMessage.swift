import Foundation

/// A message the coordinator sends to a worker (PROTOCOL.md, Messages).
public enum CoordinatorMessage: Equatable, Sendable {
  /// Answer to hello: registered, with the heartbeat settings both sides use.
  case welcome(Welcome)
  /// The worker is turned away, and why.
  case refuse(Refusal)
  /// A trial to run.
  case assign(Assignment)
  /// Metrics and results of a trial attempt that are safely stored.
  case ack(Acknowledgement)
  /// Sign of life when nothing else was sent to this worker for a heartbeat interval.
  case heartbeat
  /// Stop, after the current trial or now.
  case shutdown(ShutdownMode)
  /// Nothing to run yet: the worker stays queued as idle and sends ready again if nothing
  /// arrived after this many milliseconds.
  case wait(retryAfterMilliseconds: UInt32)
  /// Abandon this attempt: it ran longer than the coordinator's trial timeout, which has
  /// recorded its outcome. A worker that does not run it ignores the message.
  case cancel(TrialAttempt)

  /// The type code of frame 1.
  public var type: MessageType {
    switch self {
    case .welcome: .welcome
    case .refuse: .refuse
    case .assign: .assign
    case .ack: .ack
    case .heartbeat: .coordinatorHeartbeat
    case .shutdown: .shutdown
    case .wait: .wait
    case .cancel: .cancel
    }
  }

  /// The frames `[version, type, payload]` of this message.
  ///
  /// Throws if a field exceeds its limit in `ProtocolLimits`.
  public func encode() throws(ProtocolError) -> [Data] {
    var writer = PayloadWriter(capacity: estimatedSize)
    switch self {
    case .welcome(let welcome): try welcome.encode(into: &writer)
    case .refuse(let refusal): try refusal.encode(into: &writer)
    case .assign(let assignment): try assignment.encode(into: &writer)
    case .ack(let ack): try ack.encode(into: &writer)
    case .heartbeat: break
    case .shutdown(let mode): writer.u8(mode.rawValue)
    case .wait(let milliseconds): writer.u32(milliseconds)
    case .cancel(let trial): try writer.trial(trial)
    }
    return Envelope.frames(type, try writer.payload())
  }

  /// Decodes the frames `[version, type, payload]`.
  ///
  /// Any input either decodes or throws a `ProtocolError`. A `refuse` decodes whatever its
  /// version, since its layout is frozen: a worker of another version still learns why it was
  /// turned away.
  public static func decode(
    _ frames: ArraySlice<Data>
  ) throws(ProtocolError) -> CoordinatorMessage {
    let envelope = try Envelope(frames)
    if envelope.version != ProtocolVersion.current,
      envelope.typeCode == MessageType.refuse.rawValue,
      let refusal = try? decodeRefusal(envelope.payload)
    {
      return .refuse(refusal)
    }
    let type = try envelope.type(fromWorker: false)
    var reader = PayloadReader(envelope.payload)
    let message: CoordinatorMessage
    switch type {
    case .welcome: message = .welcome(try Welcome(from: &reader))
    case .refuse: message = .refuse(try Refusal(from: &reader))
    case .assign: message = .assign(try Assignment(from: &reader))
    case .ack: message = .ack(try Acknowledgement(from: &reader))
    case .coordinatorHeartbeat: message = .heartbeat
    case .shutdown: message = .shutdown(try decodeShutdown(&reader))
    case .wait: message = .wait(retryAfterMilliseconds: try reader.u32("retry after"))
    case .cancel: message = .cancel(try reader.trial())
    default: throw .wrongDirection(type)
    }
    try reader.finish(type)
    return message
  }

  /// Decodes the frames `[version, type, payload]`.
  public static func decode(_ frames: [Data]) throws(ProtocolError) -> CoordinatorMessage {
    try decode(frames[...])
  }

  private static func decodeRefusal(_ payload: Data) throws(ProtocolError) -> Refusal {
    var reader = PayloadReader(payload)
    let refusal = try Refusal(from: &reader)
    try reader.finish(.refuse)
    return refusal
  }

  private static func decodeShutdown(
    _ reader: inout PayloadReader
  ) throws(ProtocolError) -> ShutdownMode {
    let code = try reader.u8("shutdown mode")
    guard let mode = ShutdownMode(rawValue: code) else {
      throw .invalidValue(field: "shutdown mode", value: UInt64(code))
    }
    return mode
  }

  private var estimatedSize: Int {
    switch self {
    case .assign(let assignment): 96 + assignment.spec.count
    case .ack(let ack): 64 + 8 * ack.sequences.count
    default: 128
    }
  }
}
