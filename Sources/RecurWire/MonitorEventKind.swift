import CZeroMQ

/// The socket events libzmq reports to a monitor (zmq_socket_monitor(3)).
public enum MonitorEventKind: Sendable, CaseIterable {
  case connected
  case connectDelayed
  case connectRetried
  case listening
  case bindFailed
  case accepted
  case acceptFailed
  case closed
  case closeFailed
  case disconnected
  case monitorStopped
  /// The security handshake failed for a reason libzmq does not detail (peer went away…).
  case handshakeFailedNoDetail
  case handshakeSucceeded
  /// The peer broke the ZMTP or CURVE protocol (a wrong server key, a foreign client…).
  case handshakeFailedProtocol
  /// Authentication refused; the event value is the ZAP status code (400 for a refused key).
  case handshakeFailedAuth

  /// The event's bit in libzmq's event mask.
  public var mask: Int32 {
    switch self {
    case .connected: ZMQ_EVENT_CONNECTED
    case .connectDelayed: ZMQ_EVENT_CONNECT_DELAYED
    case .connectRetried: ZMQ_EVENT_CONNECT_RETRIED
    case .listening: ZMQ_EVENT_LISTENING
    case .bindFailed: ZMQ_EVENT_BIND_FAILED
    case .accepted: ZMQ_EVENT_ACCEPTED
    case .acceptFailed: ZMQ_EVENT_ACCEPT_FAILED
    case .closed: ZMQ_EVENT_CLOSED
    case .closeFailed: ZMQ_EVENT_CLOSE_FAILED
    case .disconnected: ZMQ_EVENT_DISCONNECTED
    case .monitorStopped: ZMQ_EVENT_MONITOR_STOPPED
    case .handshakeFailedNoDetail: ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
    case .handshakeSucceeded: ZMQ_EVENT_HANDSHAKE_SUCCEEDED
    case .handshakeFailedProtocol: ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
    case .handshakeFailedAuth: ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
    }
  }

  /// The kind whose mask is `code`, or nil for an event this build does not know.
  init?(code: UInt16) {
    guard let kind = Self.allCases.first(where: { $0.mask == Int32(code) }) else { return nil }
    self = kind
  }

  /// Whether the event ends a security handshake, one way or the other.
  public var endsHandshake: Bool {
    switch self {
    case .handshakeSucceeded, .handshakeFailedAuth, .handshakeFailedProtocol,
      .handshakeFailedNoDetail:
      true
    default: false
    }
  }
}
