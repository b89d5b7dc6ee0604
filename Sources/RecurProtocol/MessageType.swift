/// The type byte of frame 1: which message the payload holds and who may send it.
///
/// Codes are stored values, append-only: a code once assigned keeps its meaning in every later
/// version. Worker messages have the high bit clear, coordinator messages have it set, so the
/// direction of a message is visible in its type alone (PROTOCOL.md, Messages).
public enum MessageType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  // worker → coordinator
  case hello = 0x01
  case ready = 0x02
  case workerHeartbeat = 0x03
  case metrics = 0x04
  case result = 0x05
  case bye = 0x06
  // coordinator → worker
  case welcome = 0x81
  case refuse = 0x82
  case assign = 0x83
  case ack = 0x84
  case coordinatorHeartbeat = 0x85
  case shutdown = 0x86
  case wait = 0x87
  case cancel = 0x88

  /// True for the messages a worker sends, false for those a coordinator sends.
  public var isFromWorker: Bool { rawValue & 0x80 == 0 }

  public var description: String {
    switch self {
    case .hello: "hello"
    case .ready: "ready"
    case .workerHeartbeat: "heartbeat (worker)"
    case .metrics: "metrics"
    case .result: "result"
    case .bye: "bye"
    case .welcome: "welcome"
    case .refuse: "refuse"
    case .assign: "assign"
    case .ack: "ack"
    case .coordinatorHeartbeat: "heartbeat (coordinator)"
    case .shutdown: "shutdown"
    case .wait: "wait"
    case .cancel: "cancel"
    }
  }
}
