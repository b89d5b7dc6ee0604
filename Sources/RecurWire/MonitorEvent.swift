/// One event reported by a `SocketMonitor`.
public struct MonitorEvent: Equatable, Sendable {
  /// What happened, or nil for an event code this build does not know.
  public let kind: MonitorEventKind?
  /// The raw event code (`ZMQ_EVENT_*`).
  public let code: UInt16
  /// The event's value: a file descriptor, an errno, a retry interval, or a ZAP status code
  /// (zmq_socket_monitor(3) lists which).
  public let value: UInt32
  /// The endpoint concerned (`tcp://127.0.0.1:5555`).
  public let endpoint: String

  public init(code: UInt16, value: UInt32, endpoint: String) {
    self.kind = MonitorEventKind(code: code)
    self.code = code
    self.value = value
    self.endpoint = endpoint
  }

  /// The error a worker should exit with when its coordinator refused its key; nil otherwise.
  public var authenticationFailure: WireError? {
    guard kind == .handshakeFailedAuth else { return nil }
    return .authenticationRefused(endpoint: endpoint, status: Int(value))
  }
}
