import CZeroMQ

/// What to wait for on a socket, and what `Poller.poll` found.
public struct PollEvents: OptionSet, Sendable, Hashable {
  public let rawValue: Int16

  public init(rawValue: Int16) {
    self.rawValue = rawValue
  }

  /// A message can be received without blocking.
  public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
  /// A message can be sent without blocking.
  public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
}
