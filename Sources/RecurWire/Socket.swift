import CZeroMQ
import Foundation

/// A ZeroMQ socket: multipart send and receive, options, bind and connect.
///
/// ## Threads
/// libzmq sockets are not thread-safe, so `Socket` is deliberately not `Sendable`: create,
/// use and close each socket in one thread. The context is shared; sockets are not.
///
/// A worker must heartbeat while a long training step runs, so its network I/O cannot live in
/// the training thread. The recommended pattern (zguide chapter 2, "Signaling Between
/// Threads"; chapter 4, Paranoid Pirate):
/// - a **network thread** owns the DEALER connected to the coordinator. It polls the DEALER
///   and its end of an inproc PAIR pipe, sends heartbeats on time, detects a silent
///   coordinator, reconnects with backoff (closing the DEALER and opening a new one), and keeps
///   unacknowledged messages for re-sending;
/// - the **training thread** never touches the DEALER: it sends metric batches and results,
///   and receives assignments, over its own PAIR socket connected to the pipe.
///
/// Both ends are made from the shared `Context`, each in its own thread:
///
/// ```swift
/// let pipe = context.uniqueInprocEndpoint("worker")      // any thread
/// let network = try context.socket(.pair)                 // network thread
/// try network.bind(pipe)
/// let training = try context.socket(.pair)                // training thread
/// try training.connect(pipe)
/// ```
///
/// To stop a thread blocked in `receive` or `Poller.poll`, send it a message on its pipe, or
/// call `Context.shutdown()` (every blocking call then throws `contextTerminated`).
public final class Socket {
  /// Keeps the context alive while this socket exists (libzmq requires it).
  public let context: Context
  public let type: SocketType
  private var handle: UnsafeMutableRawPointer?
  /// One message buffer, reused by every receive (`zmq_msg_t` must not be copied).
  let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
  /// The file descriptor of the connection the last message received came by (libzmq's
  /// ZMQ_SRCFD), -1 over inproc or before the first. It matches the value of the `accepted`
  /// and `disconnected` events of a `SocketMonitor`, so that a receiver can tell which peer a
  /// closed connection belonged to; the system reuses descriptors once closed.
  public internal(set) var lastSourceDescriptor: Int32 = -1

  init(context: Context, type: SocketType) throws(WireError) {
    self.context = context
    self.type = type
    guard let handle = zmq_socket(context.handle, type.rawValue) else {
      // fully initialised already (handle is nil), so deinit runs and frees `message`
      throw ZMQCall.lastError("create a \(type) socket")
    }
    self.handle = handle
    try setLinger(context.defaultLinger)
  }

  deinit {
    close()
    message.deallocate()
  }

  /// Closes the socket; pending outgoing messages are delivered for up to its linger time.
  /// Later calls throw `WireError.socketClosed`. Closing twice is harmless.
  public func close() {
    guard let handle else { return }
    zmq_close(handle)
    self.handle = nil
  }

  /// True until `close()`.
  public var isOpen: Bool { handle != nil }

  /// The libzmq socket, or `socketClosed` once closed.
  func live(_ operation: @autoclosure () -> String) throws(WireError) -> UnsafeMutableRawPointer {
    guard let handle else { throw .socketClosed(operation: operation()) }
    return handle
  }

  /// Accepts connections on `endpoint` (`tcp://*:5555`, `tcp://127.0.0.1:*` for an ephemeral
  /// port, `inproc://name`); `lastEndpoint()` then tells which address was bound.
  public func bind(_ endpoint: String) throws(WireError) {
    try ZMQCall.check(zmq_bind(try live("bind \(endpoint)"), endpoint), "bind \(endpoint)")
  }

  /// Connects to `endpoint`. Over tcp the connection is made in the background and retried
  /// (see `setReconnectInterval`), so this succeeds even if nobody listens yet.
  public func connect(_ endpoint: String) throws(WireError) {
    try ZMQCall.check(zmq_connect(try live("connect \(endpoint)"), endpoint), "connect \(endpoint)")
  }

  /// Stops accepting on an endpoint given to `bind` (use `lastEndpoint()` for a wildcard).
  public func unbind(_ endpoint: String) throws(WireError) {
    try ZMQCall.check(zmq_unbind(try live("unbind \(endpoint)"), endpoint), "unbind \(endpoint)")
  }

  /// Drops the connection to an endpoint given to `connect`.
  public func disconnect(_ endpoint: String) throws(WireError) {
    try ZMQCall.check(
      zmq_disconnect(try live("disconnect \(endpoint)"), endpoint), "disconnect \(endpoint)")
  }

  /// The endpoint last bound or connected, with the port chosen for `tcp://HOST:*`.
  public func lastEndpoint() throws(WireError) -> String {
    try stringOption(ZMQ_LAST_ENDPOINT, "ZMQ_LAST_ENDPOINT")
  }
}
