/// What coordinators dropped or refused from the network (issue 5, "The network is hostile":
/// "any malformed, truncated, oversized, wrong-version or unknown message is counted, logged
/// once per peer and dropped"), as `recur status` shows it.
///
/// The coordinator keeps these counts for its session and writes them in its round's
/// transaction when they change (`StoreTransaction.recordNetworkProblems`); the store's
/// totals (`ResultsStore.networkProblemCounts()`) add up every session, so they survive a
/// crash or a restart of the coordinator.
public struct NetworkProblemCounts: Sendable, Hashable, Codable {
  /// Messages dropped because they did not decode: malformed, truncated, oversized, of an
  /// unknown type or of another protocol version. Includes `oversizedMessages` and
  /// `protocolMismatches`.
  public var malformedMessages = 0
  /// Of `malformedMessages`, those with a frame above the protocol's limit (16 MiB).
  public var oversizedMessages = 0
  /// Of `malformedMessages`, those of another protocol version (a Recur of another release).
  public var protocolMismatches = 0
  /// Results and metrics from workers that do not run that attempt, ignored.
  public var foreignReports = 0
  /// Connections closed before their peer said hello: it hung up, or libzmq cut it off for
  /// breaking ZeroMQ's protocol or for a frame above its hard limit (64 MiB).
  public var closedConnections = 0
  /// Hellos ignored because the coordinator had as many workers as it takes.
  public var turnedAway = 0

  public init(
    malformedMessages: Int = 0, oversizedMessages: Int = 0, protocolMismatches: Int = 0,
    foreignReports: Int = 0, closedConnections: Int = 0, turnedAway: Int = 0
  ) {
    self.malformedMessages = malformedMessages
    self.oversizedMessages = oversizedMessages
    self.protocolMismatches = protocolMismatches
    self.foreignReports = foreignReports
    self.closedConnections = closedConnections
    self.turnedAway = turnedAway
  }

  /// Nothing was dropped or refused.
  public var isZero: Bool { self == NetworkProblemCounts() }
}
