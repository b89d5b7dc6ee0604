/// The sweep at a glance (`statusCounts()`), as `recur status --json` prints it.
///
/// The state counts cover the trials of the current plan, so
/// `trials == queued + running + finished + diverged + failed + lost`.
public struct StatusCounts: Sendable, Hashable, Codable {
  public var trials = 0
  public var queued = 0
  public var running = 0
  public var finished = 0
  public var diverged = 0
  public var failed = 0
  public var lost = 0
  /// Attempts started, all trials together (requeues and restarts add to it).
  public var attempts = 0
  /// Late results kept aside.
  public var duplicates = 0
  /// Stored trials that the current plan no longer has (an edited sweep file dropped them).
  public var outsidePlan = 0

  public init() {}

  /// Every trial of the plan has an outcome.
  public var isDone: Bool { queued == 0 && running == 0 }

  /// The count for one state.
  public subscript(state: TrialState) -> Int {
    get {
      switch state {
      case .queued: queued
      case .running: running
      case .finished: finished
      case .diverged: diverged
      case .failed: failed
      case .lost: lost
      }
    }
    set {
      switch state {
      case .queued: queued = newValue
      case .running: running = newValue
      case .finished: finished = newValue
      case .diverged: diverged = newValue
      case .failed: failed = newValue
      case .lost: lost = newValue
      }
    }
  }
}
