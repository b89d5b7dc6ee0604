import CZeroMQ
import Foundation

/// Waits on several sockets at once (zmq_poll(3); the draft zmq_poller API is not available in
/// Debian's libzmq).
public enum Poller {
  /// Waits until at least one item has one of its events, or `timeout` passes.
  ///
  /// - Parameter timeout: nil waits without limit; `.zero` returns at once.
  /// - Returns: for each item, in order, the events that are ready (empty on timeout, or when a
  ///   signal interrupted the wait: poll loops simply go round again).
  /// - Throws: `contextTerminated` after `Context.shutdown()`, and any other libzmq failure.
  public static func poll(
    _ items: [PollItem], timeout: Duration? = nil
  ) throws(WireError) -> [PollEvents] {
    var raw = [zmq_pollitem_t]()
    raw.reserveCapacity(items.count)
    for item in items {
      let handle = try item.socket.live("poll")
      raw.append(zmq_pollitem_t(socket: handle, fd: 0, events: item.events.rawValue, revents: 0))
    }
    let rc = zmq_poll(&raw, Int32(raw.count), Int(timeout.zmqMilliseconds))
    if rc < 0 {
      let code = zmq_errno()
      if code == EINTR { return Array(repeating: [], count: items.count) }
      throw ZMQCall.error(errno: code, "poll")
    }
    return raw.map { PollEvents(rawValue: $0.revents) }
  }
}
