/// The order in which trials wait for a worker: the sweep's interleaved order, with trials
/// that lost their worker put back at the front so that they finish early.
///
/// A FIFO over an array with a moving head (no O(n) removal at the front), a stack for
/// requeued trials, and a membership set so that a trial can be withdrawn in O(1).
public struct TrialQueue: Sendable {
  private var planned: [String]
  private var head = 0
  private var requeued: [String] = []
  private var waiting: Set<String>

  public init(_ ids: [String]) {
    planned = ids
    waiting = Set(ids)
  }

  /// Trials waiting, including requeued ones.
  public var count: Int { waiting.count }

  public var isEmpty: Bool { waiting.isEmpty }

  public func contains(_ id: String) -> Bool { waiting.contains(id) }

  /// Puts a trial back at the front.
  public mutating func pushFront(_ id: String) {
    if waiting.insert(id).inserted { requeued.append(id) }
  }

  /// Withdraws a waiting trial (its outcome arrived from an older attempt).
  public mutating func remove(_ id: String) {
    waiting.remove(id)
  }

  /// The next trial to dispatch, if any.
  public mutating func popFront() -> String? {
    while let id = requeued.popLast() {
      if waiting.remove(id) != nil { return id }
    }
    while head < planned.count {
      let id = planned[head]
      head += 1
      if waiting.remove(id) != nil { return id }
    }
    return nil
  }
}
