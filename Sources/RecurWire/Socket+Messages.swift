import CZeroMQ
import Foundation

/// Multipart send and receive.
extension Socket {
  /// Sends `frames` as one multipart message (all frames arrive, or none).
  ///
  /// - Parameter dontWait: return false at once instead of blocking when the message cannot be
  ///   queued (high-water mark reached, or no peer with `setImmediate(true)`).
  /// - Returns: true if queued; false if it would block (with `dontWait`, or after the send
  ///   timeout).
  /// - Throws: `hostUnreachable` from a ROUTER with router_mandatory whose peer is gone, and
  ///   any other libzmq failure.
  @discardableResult
  public func send(_ frames: [Data], dontWait: Bool = false) throws(WireError) -> Bool {
    let handle = try live("send")
    guard !frames.isEmpty else { throw .invalidArgument("a message needs at least one frame") }
    for (index, frame) in frames.enumerated() {
      var flags = dontWait ? ZMQ_DONTWAIT : 0
      if index < frames.count - 1 { flags |= ZMQ_SNDMORE }
      let sent = try sendFrame(handle, frame, flags: flags, first: index == 0)
      if !sent { return false }
    }
    return true
  }

  /// Sends `frames` as one multipart message; see `send(_:dontWait:)` for `[Data]`.
  @discardableResult
  public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(WireError) -> Bool {
    try send(frames.map { Data($0) }, dontWait: dontWait)
  }

  /// One frame; false if it would block, which libzmq reports only on a message's first frame
  /// (the rest of a multipart message is accepted with it).
  private func sendFrame(
    _ handle: UnsafeMutableRawPointer, _ frame: Data, flags: Int32, first: Bool
  ) throws(WireError) -> Bool {
    while true {
      let rc = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
      if rc >= 0 { return true }
      let code = zmq_errno()
      if code == EINTR { continue }
      if code == EAGAIN && first { return false }
      throw ZMQCall.error(errno: code, "send")
    }
  }

  /// Receives one multipart message.
  ///
  /// - Parameters:
  ///   - timeout: nil blocks until a message arrives; `.zero` only takes a message already
  ///     queued; otherwise waits at most this long.
  ///   - maxFrames: a message with more frames is drained and dropped, and `tooManyFrames`
  ///     thrown, so that a hostile peer cannot make the receiver hold unbounded frame lists.
  ///   - maxFrameBytes: a message with a larger frame is drained and dropped without copying
  ///     that frame, and `frameTooLarge` thrown (with the message's first frame, a ROUTER's
  ///     routing id, so that the receiver can tell who sent it). libzmq's own hard limit
  ///     (`setMaxMessageSize`) closes the connection instead, silently; this one lets the
  ///     receiver count and report what it refuses.
  /// - Returns: the frames, or nil if no message arrived in time (or a signal interrupted the
  ///   wait, which callers treat as a timeout and loop on).
  public func receive(
    timeout: Duration? = nil, maxFrames: Int = 1024, maxFrameBytes: Int = .max
  ) throws(WireError) -> [Data]? {
    let handle = try live("receive")
    var flags: Int32 = 0
    if let timeout {
      if timeout > .zero {
        let ready = try Poller.poll([PollItem(self, .readable)], timeout: timeout)
        guard ready[0].contains(.readable) else { return nil }
      }
      flags = ZMQ_DONTWAIT
    }
    guard let first = try receiveFrame(handle, flags: flags, maxBytes: maxFrameBytes) else {
      return nil
    }
    lastSourceDescriptor = first.source
    var frames = [first.data]
    var more = first.more
    var tooMany = false
    var largest = first.size
    while more {
      guard let next = try receiveFrame(handle, flags: 0, maxBytes: maxFrameBytes) else { break }
      more = next.more
      largest = max(largest, next.size)
      // A ROUTER makes the routing id frame itself: the descriptor comes with the next one.
      if lastSourceDescriptor < 0 { lastSourceDescriptor = next.source }
      if frames.count < maxFrames { frames.append(next.data) } else { tooMany = true }
    }
    if largest > maxFrameBytes {
      throw .frameTooLarge(
        bytes: largest, limit: maxFrameBytes,
        firstFrame: first.size > maxFrameBytes ? Data() : first.data)
    }
    if tooMany { throw .tooManyFrames(limit: maxFrames) }
    return frames
  }

  /// One frame (empty if larger than `maxBytes`, which is then not copied), its size, whether
  /// more follow and the descriptor of the connection it came by; nil if none is queued (with
  /// ZMQ_DONTWAIT).
  private func receiveFrame(
    _ handle: UnsafeMutableRawPointer, flags: Int32, maxBytes: Int
  ) throws(WireError) -> (data: Data, size: Int, more: Bool, source: Int32)? {
    zmq_msg_init(message)
    defer { zmq_msg_close(message) }
    while zmq_msg_recv(message, handle, flags) < 0 {
      let code = zmq_errno()
      if code == EINTR { continue }
      if code == EAGAIN { return nil }
      throw ZMQCall.error(errno: code, "receive")
    }
    let size = zmq_msg_size(message)
    let data =
      size == 0 || size > maxBytes ? Data() : Data(bytes: zmq_msg_data(message), count: size)
    // ZMQ_SRCFD (zmq_msg_get(3)): the connection's file descriptor, -1 over inproc.
    return (data, size, zmq_msg_more(message) != 0, zmq_msg_get(message, ZMQ_SRCFD))
  }
}
