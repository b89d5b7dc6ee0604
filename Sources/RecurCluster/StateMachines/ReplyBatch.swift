import RecurProtocol

/// The messages a coordinator round sends once its transaction is committed, in order, with
/// the acknowledgements of one trial attempt to one peer merged into a single ack (a worker
/// streaming metrics gets one ack listing every sequence number stored in the round).
///
/// Acknowledgements of outcomes (results) wait apart, `afterSync`: they leave only once the
/// commit is on disk, while everything else (assignments, metrics acks) may leave as soon as
/// it is committed.
public struct ReplyBatch<Peer: Hashable & Sendable>: Sendable {
  public typealias Message = (peer: Peer, message: CoordinatorMessage)

  /// Messages that may leave once the round is committed.
  public private(set) var immediate: [Message] = []
  /// Acknowledgements that may leave only once the round is also synced to disk.
  public private(set) var afterSync: [Message] = []
  private var ackSlots: [AckSlot: Int] = [:]

  private struct AckSlot: Hashable {
    var peer: Peer
    var trial: TrialAttempt
    var afterSync: Bool
  }

  public init() {}

  public var isEmpty: Bool { immediate.isEmpty && afterSync.isEmpty }

  /// Queues `message` for `peer`.
  public mutating func send(_ message: CoordinatorMessage, to peer: Peer) {
    immediate.append((peer, message))
  }

  /// Acknowledges message `sequence` of `trial` to `peer`, in the ack already queued for
  /// them if there is one; `afterSync` for an outcome.
  public mutating func acknowledge(
    _ trial: TrialAttempt, sequence: UInt64, to peer: Peer, afterSync: Bool = false
  ) {
    let slot = AckSlot(peer: peer, trial: trial, afterSync: afterSync)
    if let index = ackSlots[slot] {
      if afterSync {
        if Self.append(sequence, to: &self.afterSync[index].message) { return }
      } else {
        if Self.append(sequence, to: &immediate[index].message) { return }
      }
    }
    let ack: Message = (peer, .ack(Acknowledgement(trial: trial, sequences: [sequence])))
    if afterSync {
      ackSlots[slot] = self.afterSync.count
      self.afterSync.append(ack)
    } else {
      ackSlots[slot] = immediate.count
      immediate.append(ack)
    }
  }

  /// Takes the queued messages, leaving the batch empty.
  public mutating func drain() -> (immediate: [Message], afterSync: [Message]) {
    defer {
      immediate = []
      afterSync = []
      ackSlots = [:]
    }
    return (immediate, afterSync)
  }

  /// Adds `sequence` to the ack `message`, unless it is full.
  private static func append(_ sequence: UInt64, to message: inout CoordinatorMessage) -> Bool {
    guard case .ack(var ack) = message,
      ack.sequences.count < ProtocolLimits.maxAcknowledgedSequences
    else { return false }
    ack.sequences.append(sequence)
    message = .ack(ack)
    return true
  }
}
