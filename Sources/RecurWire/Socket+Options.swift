import CZeroMQ
import Foundation

/// Socket options (zmq_setsockopt(3)), each with the reason Recur may want it.
extension Socket {
  /// How long `close()` keeps trying to deliver pending messages; nil waits forever (libzmq's
  /// default, which can hang an exit), zero drops them at once.
  public func setLinger(_ linger: Duration?) throws(WireError) {
    try setOption(ZMQ_LINGER, linger.zmqMilliseconds, "ZMQ_LINGER")
  }

  /// The routing id this socket presents to a ROUTER (1 to 255 bytes, not starting with a zero
  /// byte). Set before `connect`. A worker that keeps its id across reconnections keeps its
  /// identity at the coordinator (with `setRouterHandover(true)` there).
  public func setRoutingID(_ id: Data) throws(WireError) {
    guard (1...255).contains(id.count), id.first != 0 else {
      throw .invalidArgument("a routing id has 1 to 255 bytes and does not start with 0x00")
    }
    try setOption(ZMQ_ROUTING_ID, bytes: id, "ZMQ_ROUTING_ID")
  }

  /// The routing id this socket presents to a ROUTER.
  public func routingID() throws(WireError) -> Data {
    try bytesOption(ZMQ_ROUTING_ID, "ZMQ_ROUTING_ID")
  }

  /// Messages queued per peer before `send` blocks or drops (libzmq default 1000; 0 = none).
  public func setSendHighWaterMark(_ messages: Int) throws(WireError) {
    try setOption(ZMQ_SNDHWM, try count(messages, "ZMQ_SNDHWM"), "ZMQ_SNDHWM")
  }

  /// Messages queued per peer on receipt (libzmq default 1000; 0 = none).
  public func setReceiveHighWaterMark(_ messages: Int) throws(WireError) {
    try setOption(ZMQ_RCVHWM, try count(messages, "ZMQ_RCVHWM"), "ZMQ_RCVHWM")
  }

  /// The largest frame a peer may send; a peer that sends a larger one is disconnected before
  /// the frame is buffered. nil = no limit. The coordinator's defence against memory attacks.
  public func setMaxMessageSize(_ bytes: Int?) throws(WireError) {
    var value = Int64(bytes ?? -1)
    guard value >= -1 else { throw .invalidArgument("ZMQ_MAXMSGSIZE must not be negative") }
    try ZMQCall.check(
      zmq_setsockopt(try live("set ZMQ_MAXMSGSIZE"), ZMQ_MAXMSGSIZE, &value, 8),
      "set ZMQ_MAXMSGSIZE")
  }

  /// Queue messages only to completed connections: `send` then blocks (or returns false with
  /// `dontWait`) while no peer is connected, instead of queueing for a peer that may never come.
  public func setImmediate(_ on: Bool) throws(WireError) {
    try setOption(ZMQ_IMMEDIATE, on ? 1 : 0, "ZMQ_IMMEDIATE")
  }

  /// Wait `interval` before reconnecting a lost tcp connection, doubling up to `maximum`
  /// (libzmq's own backoff; the Guide's INTERVAL_INIT and INTERVAL_MAX).
  public func setReconnectInterval(_ interval: Duration, maximum: Duration?) throws(WireError) {
    try setOption(ZMQ_RECONNECT_IVL, interval.clampedMilliseconds, "ZMQ_RECONNECT_IVL")
    try setOption(
      ZMQ_RECONNECT_IVL_MAX, maximum?.clampedMilliseconds ?? 0, "ZMQ_RECONNECT_IVL_MAX")
  }

  /// Give up a tcp connection attempt after `timeout` (default: the OS's, often minutes).
  public func setConnectTimeout(_ timeout: Duration) throws(WireError) {
    try setOption(ZMQ_CONNECT_TIMEOUT, timeout.clampedMilliseconds, "ZMQ_CONNECT_TIMEOUT")
  }

  /// ZMTP-level heartbeats (ZMQ_HEARTBEAT_IVL, _TIMEOUT, _TTL): libzmq pings the peer every
  /// `interval` and drops the connection if nothing comes back within `timeout`. This detects
  /// dead tcp links; it does not replace the application heartbeats of PROTOCOL.md, which
  /// detect a dead process.
  public func setHeartbeat(
    interval: Duration, timeout: Duration, timeToLive: Duration? = nil
  ) throws(WireError) {
    try setOption(ZMQ_HEARTBEAT_IVL, interval.clampedMilliseconds, "ZMQ_HEARTBEAT_IVL")
    try setOption(ZMQ_HEARTBEAT_TIMEOUT, timeout.clampedMilliseconds, "ZMQ_HEARTBEAT_TIMEOUT")
    if let timeToLive {
      try setOption(ZMQ_HEARTBEAT_TTL, timeToLive.clampedMilliseconds, "ZMQ_HEARTBEAT_TTL")
    }
  }

  /// ROUTER only: sending to an unknown or disconnected peer throws `hostUnreachable` instead
  /// of silently dropping the message.
  public func setRouterMandatory(_ on: Bool) throws(WireError) {
    try setOption(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, "ZMQ_ROUTER_MANDATORY")
  }

  /// ROUTER only: a new connection with a routing id already in use takes it over (a worker
  /// reconnecting after a network failure) instead of being refused.
  public func setRouterHandover(_ on: Bool) throws(WireError) {
    try setOption(ZMQ_ROUTER_HANDOVER, on ? 1 : 0, "ZMQ_ROUTER_HANDOVER")
  }

  /// TCP keepalive (SO_KEEPALIVE): lets the OS notice a silently dead link on idle
  /// connections. `idle` and `interval` are whole seconds.
  public func setTCPKeepAlive(
    _ on: Bool, idle: Duration? = nil, interval: Duration? = nil, probes: Int? = nil
  ) throws(WireError) {
    try setOption(ZMQ_TCP_KEEPALIVE, on ? 1 : 0, "ZMQ_TCP_KEEPALIVE")
    if let idle {
      try setOption(ZMQ_TCP_KEEPALIVE_IDLE, Int32(clamping: idle.components.seconds), "idle")
    }
    if let interval {
      try setOption(
        ZMQ_TCP_KEEPALIVE_INTVL, Int32(clamping: interval.components.seconds), "interval")
    }
    if let probes {
      try setOption(ZMQ_TCP_KEEPALIVE_CNT, try count(probes, "probes"), "ZMQ_TCP_KEEPALIVE_CNT")
    }
  }

  /// A blocking `send` gives up (returns false) after `timeout`; nil blocks forever.
  public func setSendTimeout(_ timeout: Duration?) throws(WireError) {
    try setOption(ZMQ_SNDTIMEO, timeout.zmqMilliseconds, "ZMQ_SNDTIMEO")
  }

  /// SUB only: receive messages whose first frame starts with `prefix` (empty: all).
  public func subscribe(_ prefix: Data) throws(WireError) {
    try setOption(ZMQ_SUBSCRIBE, bytes: prefix, "ZMQ_SUBSCRIBE")
  }

  /// The ZAP domain sent to the authentication handler with each handshake.
  public func setZAPDomain(_ domain: String) throws(WireError) {
    try setOption(ZMQ_ZAP_DOMAIN, bytes: Data(domain.utf8), "ZMQ_ZAP_DOMAIN")
  }

  // MARK: - Raw access, for the options above

  func setOption(_ option: Int32, _ value: Int32, _ name: String) throws(WireError) {
    var value = value
    try ZMQCall.check(
      zmq_setsockopt(try live("set \(name)"), option, &value, MemoryLayout<Int32>.size),
      "set \(name)")
  }

  func setOption(_ option: Int32, bytes: Data, _ name: String) throws(WireError) {
    let handle = try live("set \(name)")
    let rc = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
    try ZMQCall.check(rc, "set \(name)")
  }

  func intOption(_ option: Int32, _ name: String) throws(WireError) -> Int32 {
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    try ZMQCall.check(
      zmq_getsockopt(try live("get \(name)"), option, &value, &size), "get \(name)")
    return value
  }

  func bytesOption(_ option: Int32, _ name: String) throws(WireError) -> Data {
    let handle = try live("get \(name)")
    var buffer = [UInt8](repeating: 0, count: 1024)
    var size = buffer.count
    try ZMQCall.check(zmq_getsockopt(handle, option, &buffer, &size), "get \(name)")
    return Data(buffer.prefix(size))
  }

  /// A string option, without libzmq's terminating zero byte.
  func stringOption(_ option: Int32, _ name: String) throws(WireError) -> String {
    let bytes = try bytesOption(option, name)
    return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
  }

  private func count(_ value: Int, _ name: String) throws(WireError) -> Int32 {
    guard value >= 0, value <= Int(Int32.max) else {
      throw .invalidArgument("\(name) must be between 0 and \(Int32.max), not \(value)")
    }
    return Int32(value)
  }
}
