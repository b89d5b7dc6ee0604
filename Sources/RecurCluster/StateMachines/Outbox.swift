import RecurProtocol

/// Messages a worker has sent but the coordinator has not acknowledged, kept so that they are
/// sent again after a reconnection (the ZeroMQ Guide's "reliable request-reply": a request is
/// only forgotten once its reply arrives).
///
/// Each entry is named by its trial attempt and its sequence number within that attempt
/// (PROTOCOL.md, Reliability); the coordinator's ack lists the sequence numbers of one attempt
/// it has durably stored. Entries keep the order they were added in, which is the order they
/// are re-sent in. Past `metricsLimit` unacknowledged metrics messages the oldest metrics are
/// dropped; a result is never dropped.
public struct Outbox<Message: Sendable>: Sendable {
  /// What kind of message an entry holds: only metrics may be dropped.
  public enum Kind: Sendable, Equatable {
    case metrics
    case result
  }

  public struct Entry: Sendable {
    public var attempt: TrialAttempt
    public var sequence: UInt64
    public var kind: Kind
    public var message: Message
  }

  public private(set) var entries: [Entry] = []
  /// Unacknowledged metrics messages kept at most; 1,000–100,000 is reasonable.
  public let metricsLimit: Int
  /// Metrics messages dropped because the limit was reached.
  public private(set) var droppedMetrics = 0
  private var metricsCount = 0

  public init(metricsLimit: Int = 10_000) {
    precondition(metricsLimit >= 0, "the metrics limit must not be negative")
    self.metricsLimit = metricsLimit
  }

  public var isEmpty: Bool { entries.isEmpty }
  public var count: Int { entries.count }
  /// Whether a result waits for its acknowledgement.
  public var holdsResult: Bool { entries.contains { $0.kind == .result } }

  /// Keeps `message` until it is acknowledged.
  public mutating func add(
    _ message: Message, attempt: TrialAttempt, sequence: UInt64, kind: Kind
  ) {
    entries.append(Entry(attempt: attempt, sequence: sequence, kind: kind, message: message))
    guard kind == .metrics else { return }
    metricsCount += 1
    while metricsCount > metricsLimit,
      let oldest = entries.firstIndex(where: { $0.kind == .metrics })
    {
      entries.remove(at: oldest)
      droppedMetrics += 1
      metricsCount -= 1
    }
  }

  /// Drops every message of `attempt` (the coordinator cancelled it: it wants none of them).
  public mutating func discard(_ attempt: TrialAttempt) {
    entries.removeAll { $0.attempt == attempt }
    metricsCount = entries.reduce(0) { $0 + ($1.kind == .metrics ? 1 : 0) }
  }

  /// Drops the messages of `attempt` whose sequence numbers are listed.
  public mutating func acknowledge(_ attempt: TrialAttempt, sequences: [UInt64]) {
    let acknowledged = Set(sequences)
    entries.removeAll { $0.attempt == attempt && acknowledged.contains($0.sequence) }
    metricsCount = entries.reduce(0) { $0 + ($1.kind == .metrics ? 1 : 0) }
  }
}
