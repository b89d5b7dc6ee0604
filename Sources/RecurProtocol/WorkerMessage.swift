import Foundation

/// A message a worker sends to the coordinator (PROTOCOL.md, Messages).
public enum WorkerMessage: Equatable, Sendable {
  /// First message on every connection, and again after `Refusal.unknownWorker`.
  case hello(Hello)
  /// The worker is idle and asks for a trial.
  case ready
  /// Sign of life when nothing else was sent for a heartbeat interval; names the trial the
  /// worker is running, if any.
  case heartbeat(running: TrialAttempt?)
  /// Metric records streamed while a trial trains.
  case metrics(MetricsBatch)
  /// The final outcome of a trial attempt.
  case result(TrialResult)
  /// The worker leaves; anything it was running goes back to the queue.
  case bye

  /// The type code of frame 1.
  public var type: MessageType {
    switch self {
    case .hello: .hello
    case .ready: .ready
    case .heartbeat: .workerHeartbeat
    case .metrics: .metrics
    case .result: .result
    case .bye: .bye
    }
  }

  /// The frames `[version, type, payload]` of this message.
  ///
  /// Throws if a field exceeds its limit in `ProtocolLimits`, so that nothing is sent that the
  /// coordinator would reject.
  public func encode() throws(ProtocolError) -> [Data] {
    var writer = PayloadWriter(capacity: estimatedSize)
    switch self {
    case .hello(let hello): try hello.encode(into: &writer)
    case .ready, .bye: break
    case .heartbeat(let running):
      writer.u8(running == nil ? 0 : 1)
      if let running { try writer.trial(running) }
    case .metrics(let batch): try batch.encode(into: &writer)
    case .result(let result): try result.encode(into: &writer)
    }
    return Envelope.frames(type, try writer.payload())
  }

  /// Decodes the frames `[version, type, payload]` (without the ROUTER's routing-id frame).
  ///
  /// Any input either decodes or throws a `ProtocolError`; nothing is allocated beyond the
  /// size of `frames`.
  public static func decode(_ frames: ArraySlice<Data>) throws(ProtocolError) -> WorkerMessage {
    let envelope = try Envelope(frames)
    let type = try envelope.type(fromWorker: true)
    var reader = PayloadReader(envelope.payload)
    let message: WorkerMessage
    switch type {
    case .hello: message = .hello(try Hello(from: &reader))
    case .ready: message = .ready
    case .workerHeartbeat: message = .heartbeat(running: try decodeRunning(&reader))
    case .metrics: message = .metrics(try MetricsBatch(from: &reader))
    case .result: message = .result(try TrialResult(from: &reader))
    case .bye: message = .bye
    default: throw .wrongDirection(type)
    }
    try reader.finish(type)
    return message
  }

  /// Decodes the frames `[version, type, payload]`.
  public static func decode(_ frames: [Data]) throws(ProtocolError) -> WorkerMessage {
    try decode(frames[...])
  }

  private static func decodeRunning(
    _ reader: inout PayloadReader
  ) throws(ProtocolError) -> TrialAttempt? {
    let flag = try reader.u8("running flag")
    switch flag {
    case 0: return nil
    case 1: return try reader.trial()
    default: throw .invalidValue(field: "running flag", value: UInt64(flag))
    }
  }

  private var estimatedSize: Int {
    switch self {
    case .metrics(let batch): batch.estimatedSize
    case .result(let result): 96 + result.summary.count + result.errorMessage.utf8.count
    default: 128
    }
  }
}
