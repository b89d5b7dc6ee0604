import CZeroMQ
import Foundation

/// A libzmq context: the I/O threads and the inproc namespace that its sockets share.
///
/// Thread-safe (zmq_ctx_new(3): contexts may be shared between threads), hence `Sendable`:
/// each thread makes its own sockets from one shared context. Every socket keeps its context
/// alive; the context is terminated when the last reference goes, after all its sockets are
/// closed, so termination never waits on an open socket. Sockets are created with
/// `defaultLinger`, never libzmq's infinite default, so that termination cannot hang on a
/// message to a peer that is gone (zguide chapter 1, "Making a Clean Exit").
public final class Context: @unchecked Sendable {
  let handle: UnsafeMutableRawPointer
  /// How long a closed socket may keep trying to deliver pending messages.
  public let defaultLinger: Duration
  private let inprocCounter = Counter()

  /// A context with `ioThreads` I/O threads (one handles about a gigabyte per second).
  public init(ioThreads: Int = 1, defaultLinger: Duration = .milliseconds(1000)) throws(WireError) {
    guard let handle = zmq_ctx_new() else { throw ZMQCall.lastError("create a ZeroMQ context") }
    self.handle = handle
    self.defaultLinger = defaultLinger
    try ZMQCall.check(
      zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(clamping: ioThreads)), "set ZMQ_IO_THREADS")
  }

  deinit {
    while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
  }

  /// Makes every blocking call on this context's sockets, in any thread, fail at once with
  /// `WireError.contextTerminated`: the way to stop threads that wait in `receive` or `poll`.
  public func shutdown() {
    zmq_ctx_shutdown(handle)
  }

  /// A new socket of `type` in this context.
  public func socket(_ type: SocketType) throws(WireError) -> Socket {
    try Socket(context: self, type: type)
  }

  /// An inproc endpoint no other caller of this context gets, for pipes between threads.
  public func uniqueInprocEndpoint(_ label: String) -> String {
    "inproc://recur.\(label).\(String(Int(bitPattern: handle), radix: 16)).\(inprocCounter.next())"
  }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  /// Adds one and returns the new value.
  func next() -> Int {
    lock.withLock {
      value += 1
      return value
    }
  }

  /// The current value.
  var current: Int { lock.withLock { value } }
}
