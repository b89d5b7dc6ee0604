/// Counts problems (malformed messages, version mismatches) by peer, so that each peer's
/// first problem is logged and the rest only counted (PROTOCOL.md, Unknown or malformed
/// input: "counted, logged once per peer and dropped").
///
/// At most `capacity` peers are remembered, so that a flood of connections with fresh routing
/// ids cannot grow it without bound; past that, problems are counted but not logged.
public struct ProblemTally<Peer: Hashable & Sendable>: Sendable {
  public let capacity: Int
  /// Problems counted, all peers together.
  public private(set) var total = 0
  private var counts: [Peer: Int] = [:]

  public init(capacity: Int = 4096) {
    self.capacity = capacity
  }

  /// Peers with at least one problem (up to `capacity`).
  public var peerCount: Int { counts.count }

  /// Problems counted for `peer` (0 for a peer no longer remembered).
  public func count(for peer: Peer) -> Int { counts[peer] ?? 0 }

  /// Counts one problem of `peer`. Returns true when it is the peer's first: log it.
  public mutating func record(_ peer: Peer) -> Bool {
    total += 1
    if let count = counts[peer] {
      counts[peer] = count + 1
      return false
    }
    guard counts.count < capacity else { return false }
    counts[peer] = 1
    return true
  }
}
