/// Seconds on a monotonic clock. The socket loops pass the real clock; tests pass their own,
/// so liveness and scheduling are tested without sleeping.
public typealias Seconds = Double

/// Tracks which peers are still alive, the Paranoid Pirate way (ZeroMQ Guide, chapter 4): a
/// peer that has not been heard from for `interval × liveness` seconds is presumed dead.
///
/// Any message counts as a sign of life, not only heartbeats, so a busy peer that streams
/// metrics is never dropped for lack of a heartbeat.
public struct Liveness<Peer: Hashable>: Sendable where Peer: Sendable {
  /// Seconds between heartbeats; 1 s is the Guide's default, 0.25–5 s is reasonable.
  public let interval: Seconds
  /// Heartbeats a peer may miss before it is presumed dead; 3–5 is reasonable.
  public let liveness: Int
  private var deadlines: [Peer: Seconds] = [:]

  public init(interval: Seconds, liveness: Int) {
    precondition(interval > 0 && liveness > 0, "interval and liveness must be positive")
    self.interval = interval
    self.liveness = liveness
  }

  /// The time after which a silent peer is presumed dead.
  public var timeout: Seconds { interval * Double(liveness) }

  /// The peers currently tracked.
  public var peers: Dictionary<Peer, Seconds>.Keys { deadlines.keys }

  /// Records that `peer` was heard from at `now`.
  public mutating func heard(from peer: Peer, at now: Seconds) {
    deadlines[peer] = now + timeout
  }

  /// Stops tracking `peer` (it said goodbye, or was dropped).
  public mutating func forget(_ peer: Peer) {
    deadlines[peer] = nil
  }

  /// Whether `peer` is tracked.
  public func isTracked(_ peer: Peer) -> Bool { deadlines[peer] != nil }

  /// The earliest deadline of a tracked peer.
  public var nextDeadline: Seconds? { deadlines.values.min() }

  /// Removes and returns every peer whose deadline passed at `now`.
  public mutating func removeExpired(at now: Seconds) -> [Peer] {
    let expired = deadlines.filter { $0.value <= now }.map(\.key)
    for peer in expired { deadlines[peer] = nil }
    return expired
  }
}
