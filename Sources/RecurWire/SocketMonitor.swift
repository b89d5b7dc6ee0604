import CZeroMQ
import Foundation

/// Watches another socket's connection and handshake events (zmq_socket_monitor(3)).
///
/// The way a CURVE client learns that the server refused its key: libzmq reports
/// `handshakeFailedAuth` with the ZAP status code (400) on the client's monitor, and keeps
/// retrying silently otherwise. A worker polls `socket` beside its DEALER and exits with
/// `MonitorEvent.authenticationFailure` when it appears. Use it in the thread that owns the
/// watched socket.
public final class SocketMonitor {
  /// The PAIR socket the events arrive on; poll it with `Poller.poll` beside other sockets.
  public let socket: Socket
  private weak var watched: Socket?

  /// Starts monitoring `watched` for `events`.
  public init(
    _ watched: Socket, events: Set<MonitorEventKind> = Set(MonitorEventKind.allCases)
  ) throws(WireError) {
    let endpoint = watched.context.uniqueInprocEndpoint("monitor")
    let mask = events.reduce(Int32(0)) { $0 | $1.mask }
    try ZMQCall.check(
      zmq_socket_monitor(try watched.live("monitor"), endpoint, mask), "monitor \(endpoint)")
    socket = try watched.context.socket(.pair)
    try socket.setLinger(.zero)
    try socket.connect(endpoint)
    self.watched = watched
  }

  deinit {
    if let handle = watched.flatMap({ try? $0.live("stop monitor") }) {
      zmq_socket_monitor(handle, nil, 0)
    }
  }

  /// The next event, waiting at most `timeout` (nil: without limit); nil if none came.
  public func next(timeout: Duration? = nil) throws(WireError) -> MonitorEvent? {
    guard let frames = try socket.receive(timeout: timeout, maxFrames: 2) else { return nil }
    guard frames.count == 2, frames[0].count == 6 else {
      throw .invalidArgument("malformed monitor event of \(frames.count) frames")
    }
    // Frame 0: u16 event code then u32 value, in the host's byte order (libzmq memcpy's them).
    let header = [UInt8](frames[0])
    let code = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 0, as: UInt16.self) }
    let value = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 2, as: UInt32.self) }
    return MonitorEvent(
      code: code, value: value, endpoint: String(decoding: frames[1], as: UTF8.self))
  }

  /// Waits for the first event that ends a security handshake (succeeded or failed), skipping
  /// the others; nil if none came within `timeout`.
  public func awaitHandshake(timeout: Duration) throws(WireError) -> MonitorEvent? {
    let deadline = ContinuousClock.now + timeout
    while true {
      let left = deadline - ContinuousClock.now
      guard left > .zero, let event = try next(timeout: left) else { return nil }
      if event.kind?.endsHandshake == true { return event }
    }
  }
}
