/// Which peer each connection of the coordinator's ROUTER belongs to, so that a connection
/// libzmq closes can be told apart: a worker that left or is reconnecting, or a peer that never
/// said hello, whose connection libzmq cut off for breaking ZMTP or for a frame above the hard
/// size limit (`ProtocolLimits.hardFrameBytes`), or that hung up.
///
/// Connections are known by file descriptor: the one libzmq reports with each message
/// (ZMQ_SRCFD) and in the monitor's `disconnected` event. The system reuses a descriptor once
/// closed, and the monitor's events arrive apart from the messages, so a verdict can be wrong
/// about a connection replaced in between; it only decides what is logged, never what is stored.
public struct ConnectionLedger<Peer: Hashable & Sendable>: Sendable {
  /// What a closed connection was.
  public enum Closure: Equatable, Sendable {
    /// A connection of this member (it may reconnect, or will be dropped as silent).
    case member(Peer)
    /// A connection of a peer that was a member and left (goodbye, or dropped as silent).
    case departed(Peer)
    /// A connection that never carried a hello: a stranger (routing id `nil` when it never
    /// delivered a message at all).
    case stranger(Peer?)
  }

  /// Peers remembered as departed, at most; past that the oldest are forgotten.
  public let capacity: Int
  private var peers: [Int32: Peer] = [:]
  private var departed: Set<Peer> = []
  private var departedOrder: [Peer] = []

  public init(capacity: Int = 4096) {
    self.capacity = capacity
  }

  /// Connections with a known peer.
  public var count: Int { peers.count }

  /// A message from `peer` came by connection `descriptor` (negative: unknown, ignored).
  public mutating func received(on descriptor: Int32, from peer: Peer) {
    guard descriptor >= 0 else { return }
    peers[descriptor] = peer
  }

  /// `peer` left the members (goodbye, or dropped): its connection closing is expected.
  public mutating func departed(_ peer: Peer) {
    guard departed.insert(peer).inserted else { return }
    departedOrder.append(peer)
    if departedOrder.count > capacity {
      departed.remove(departedOrder.removeFirst())
    }
  }

  /// `peer` (re)joined: it is no longer departed.
  public mutating func joined(_ peer: Peer) {
    guard departed.remove(peer) != nil else { return }
    departedOrder.removeAll { $0 == peer }
  }

  /// Connection `descriptor` closed; `isMember` tells whether a peer is a member now.
  public mutating func closed(descriptor: Int32, isMember: (Peer) -> Bool) -> Closure {
    guard let peer = peers.removeValue(forKey: descriptor) else { return .stranger(nil) }
    if isMember(peer) { return .member(peer) }
    return departed.contains(peer) ? .departed(peer) : .stranger(peer)
  }
}
