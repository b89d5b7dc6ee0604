/// One socket and the events to wait for on it, for `Poller.poll`.
public struct PollItem {
  public let socket: Socket
  public let events: PollEvents

  public init(_ socket: Socket, _ events: PollEvents = .readable) {
    self.socket = socket
    self.events = events
  }
}
