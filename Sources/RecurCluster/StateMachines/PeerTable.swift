import RecurProtocol

/// The workers a coordinator has welcomed, by routing id, with the Paranoid Pirate
/// bookkeeping of both directions: when each was last heard from (`Liveness`) and when it was
/// last sent anything (so that it gets a heartbeat after one quiet interval).
public struct PeerTable<Peer: Hashable & Sendable>: Sendable {
  /// A welcomed worker.
  public struct Member: Sendable {
    public var hello: Hello
    public var joinedAt: Seconds
    /// When it last said hello.
    public var lastHelloAt: Seconds
    public var lastSent: Seconds
  }

  public private(set) var members: [Peer: Member] = [:]
  private var liveness: Liveness<Peer>
  /// Members at most, so that a flood of hellos from fresh routing ids cannot grow the table
  /// (and the work of each round, which visits every member) without bound. Silent members
  /// expire after `timeout`, which makes room again.
  public let capacity: Int

  public init(interval: Seconds, liveness: Int, capacity: Int = 10_000) {
    self.liveness = Liveness(interval: interval, liveness: liveness)
    self.capacity = capacity
  }

  public var interval: Seconds { liveness.interval }
  /// A worker silent this long is dropped.
  public var timeout: Seconds { liveness.timeout }
  public var count: Int { members.count }

  public func member(_ peer: Peer) -> Member? { members[peer] }

  /// Whether `peer` may join: it is a member already, or the table has room.
  public func hasRoom(for peer: Peer) -> Bool {
    members[peer] != nil || members.count < capacity
  }

  /// Welcomes `peer` (again, after a reconnection: its hello replaces the old one).
  /// - Returns: true if it was not a member.
  @discardableResult
  public mutating func join(_ peer: Peer, hello: Hello, at now: Seconds) -> Bool {
    let isNew = members[peer] == nil
    members[peer] = Member(
      hello: hello, joinedAt: members[peer]?.joinedAt ?? now, lastHelloAt: now, lastSent: now)
    liveness.heard(from: peer, at: now)
    return isNew
  }

  /// Whether `peer` is a member that said hello less than one interval ago: a repeat (a
  /// worker reconnects at most once per liveness period), answered but not recorded again.
  public func isRepeatedHello(from peer: Peer, at now: Seconds) -> Bool {
    guard let member = members[peer] else { return false }
    return now - member.lastHelloAt < interval
  }

  /// Any message from a member is a sign of life.
  public mutating func heard(from peer: Peer, at now: Seconds) {
    if members[peer] != nil { liveness.heard(from: peer, at: now) }
  }

  /// Something was sent to `peer`: no heartbeat is due for another interval.
  public mutating func sent(to peer: Peer, at now: Seconds) {
    members[peer]?.lastSent = now
  }

  /// Forgets a member that said goodbye.
  public mutating func leave(_ peer: Peer) {
    members[peer] = nil
    liveness.forget(peer)
  }

  /// Removes and returns the members silent for `timeout`, with what they said in hello.
  public mutating func removeExpired(at now: Seconds) -> [(peer: Peer, member: Member)] {
    liveness.removeExpired(at: now).compactMap { peer in
      members.removeValue(forKey: peer).map { (peer, $0) }
    }
  }

  /// Whether some member has been silent for `timeout` at `now`.
  public func hasExpired(at now: Seconds) -> Bool {
    (liveness.nextDeadline ?? .infinity) <= now
  }

  /// The members that were sent nothing for one interval.
  public func heartbeatsDue(at now: Seconds) -> [Peer] {
    members.compactMap { now - $0.value.lastSent >= interval ? $0.key : nil }
  }

  /// The next time a heartbeat is due or a member may expire.
  public func nextDeadline() -> Seconds {
    let nextBeat = members.values.map { $0.lastSent + interval }.min() ?? .infinity
    return min(nextBeat, liveness.nextDeadline ?? .infinity)
  }
}
