import RecurProtocol

/// The messages a coordinator round sends once its transaction is committed, in order, with
/// the acknowledgements of one trial attempt to one peer merged into a single ack (a worker
/// streaming metrics gets one ack listing every sequence number stored in the round).
public struct ReplyBatch<Peer: Hashable & Sendable>: Sendable {
  public private(set) var messages: [(peer: Peer, message: CoordinatorMessage)] = []
  private var ackSlots: [AckSlot: Int] = [:]

  private struct AckSlot: Hashable {
    var peer: Peer
    var trial: TrialAttempt
  }

  public init() {}

  public var isEmpty: Bool { messages.isEmpty }

  /// Queues `message` for `peer`.
  public mutating func send(_ message: CoordinatorMessage, to peer: Peer) {
    messages.append((peer, message))
  }

  /// Acknowledges message `sequence` of `trial` to `peer`, in the ack already queued for
  /// them if there is one.
  public mutating func acknowledge(_ trial: TrialAttempt, sequence: UInt64, to peer: Peer) {
    let slot = AckSlot(peer: peer, trial: trial)
    if let index = ackSlots[slot], case .ack(var ack) = messages[index].message,
      ack.sequences.count < ProtocolLimits.maxAcknowledgedSequences
    {
      ack.sequences.append(sequence)
      messages[index].message = .ack(ack)
      return
    }
    ackSlots[slot] = messages.count
    messages.append((peer, .ack(Acknowledgement(trial: trial, sequences: [sequence]))))
  }

  /// Takes the queued messages, leaving the batch empty.
  public mutating func drain() -> [(peer: Peer, message: CoordinatorMessage)] {
    defer {
      messages = []
      ackSlots = [:]
    }
    return messages
  }
}
