/// Messages a worker has sent but the coordinator has not acknowledged, kept so that they are
/// sent again after a reconnection (the ZeroMQ Guide's "reliable request-reply": a request is
/// only forgotten once its reply arrives).
///
/// Each entry has a sequence number, increasing per worker process; the coordinator's ack
/// names the highest it has durably stored, so everything up to it is dropped at once.
public struct Outbox<Message: Sendable>: Sendable {
  public private(set) var entries: [(sequence: UInt64, message: Message)] = []
  private var nextSequence: UInt64 = 1

  public init() {}

  public var isEmpty: Bool { entries.isEmpty }
  public var count: Int { entries.count }

  /// Adds a message and returns the sequence number to send it with.
  public mutating func add(_ message: Message) -> UInt64 {
    let sequence = nextSequence
    nextSequence += 1
    entries.append((sequence, message))
    return sequence
  }

  /// Drops every message whose sequence number is at most `sequence`.
  public mutating func acknowledge(upTo sequence: UInt64) {
    entries.removeAll { $0.sequence <= sequence }
  }

  /// Drops exactly one message.
  public mutating func acknowledge(_ sequence: UInt64) {
    entries.removeAll { $0.sequence == sequence }
  }
}
