/// Which worker runs which trial: the coordinator's scheduling logic as a value type driven by
/// events, with no sockets, clocks or storage, so that it is tested on its own (the state
/// machine style of swift-nio: `mutating func event(…) -> Verdict`; the loop does the I/O).
///
/// Invariants: a trial is in at most one of {waiting, running on one worker, done}; a worker
/// runs at most one trial; the first outcome of a trial wins, whichever attempt sent it.
public struct Scheduler<Worker: Hashable & Sendable>: Sendable {
  /// One trial handed to one worker.
  public struct Assignment: Equatable, Sendable {
    public var trialID: String
    public var attempt: Int
    public var worker: Worker
  }

  /// What became of a result that arrived.
  public enum ResultVerdict: Equatable, Sendable {
    /// The trial's first outcome: record it.
    case accepted
    /// The trial already has an outcome: keep this one aside, never replace the first.
    case duplicate
    /// A trial this sweep does not know.
    case unknownTrial
  }

  /// What became of the trial of a worker that vanished.
  public enum LossVerdict: Equatable, Sendable {
    /// Put back at the front of the queue; its next attempt will be `attempt + 1`.
    case requeued(trialID: String, attempt: Int)
    /// Its workers vanished `maxAttempts` times: it is given up as lost.
    case lost(trialID: String, attempt: Int)
  }

  /// Attempts a trial may start before it is declared lost.
  public let maxAttempts: Int
  private var queue: TrialQueue
  private var attemptsStarted: [String: Int]
  private var running: [Worker: Assignment] = [:]
  private var idle: [Worker] = []
  private var done: Set<String>

  /// - Parameters:
  ///   - waiting: trials without an outcome, in dispatch order.
  ///   - done: trials that already have an outcome (a resumed sweep).
  ///   - attemptsStarted: attempts already started per trial (a resumed sweep).
  public init(
    waiting: [String], done: Set<String> = [], attemptsStarted: [String: Int] = [:],
    maxAttempts: Int
  ) {
    precondition(maxAttempts >= 1, "a trial needs at least one attempt")
    self.queue = TrialQueue(waiting)
    self.done = done
    self.attemptsStarted = attemptsStarted
    self.maxAttempts = maxAttempts
  }

  public var waitingCount: Int { queue.count }
  public var runningCount: Int { running.count }
  public var doneCount: Int { done.count }
  /// True once every trial has an outcome.
  public var isFinished: Bool { queue.isEmpty && running.isEmpty }
  /// The assignment a worker is running, if any.
  public func assignment(of worker: Worker) -> Assignment? { running[worker] }
  /// Every running assignment.
  public var assignments: [Assignment] { Array(running.values) }
  /// Whether the trial already has an outcome.
  public func hasOutcome(_ trialID: String) -> Bool { done.contains(trialID) }

  /// A worker asks for work. Returns its assignment, or nil when nothing waits (the worker
  /// is remembered as idle and served by `dispatchIdle` once something is requeued).
  public mutating func workerReady(_ worker: Worker) -> Assignment? {
    if let current = running[worker] { return current }
    guard isDispatching, let trialID = queue.popFront() else {
      if !idle.contains(worker) { idle.append(worker) }
      return nil
    }
    idle.removeAll { $0 == worker }
    return start(trialID, on: worker)
  }

  /// Hands waiting trials to idle workers, oldest idle worker first.
  public mutating func dispatchIdle() -> [Assignment] {
    var result: [Assignment] = []
    while isDispatching, !idle.isEmpty, let trialID = queue.popFront() {
      result.append(start(trialID, on: idle.removeFirst()))
    }
    return result
  }

  /// A result arrived for `attempt` of `trialID` from `worker`. The worker is free again.
  public mutating func resultArrived(trialID: String, attempt: Int, from worker: Worker)
    -> ResultVerdict
  {
    if let current = running[worker], current.trialID == trialID {
      running[worker] = nil
    }
    guard attemptsStarted[trialID] != nil || queue.contains(trialID) || done.contains(trialID)
    else { return .unknownTrial }
    if done.contains(trialID) { return .duplicate }
    done.insert(trialID)
    queue.remove(trialID)
    return .accepted
  }

  /// A worker vanished (missed its heartbeats) or said goodbye in the middle of a trial.
  public mutating func workerLost(_ worker: Worker) -> LossVerdict? {
    idle.removeAll { $0 == worker }
    guard let assignment = running.removeValue(forKey: worker) else { return nil }
    let trialID = assignment.trialID
    if done.contains(trialID) { return nil }
    if (attemptsStarted[trialID] ?? 0) >= maxAttempts {
      done.insert(trialID)
      return .lost(trialID: trialID, attempt: assignment.attempt)
    }
    queue.pushFront(trialID)
    return .requeued(trialID: trialID, attempt: assignment.attempt)
  }

  /// Whether new trials are handed out; false once the coordinator is shutting down.
  public private(set) var isDispatching = true

  /// Stops handing out work (shutdown): waiting trials stay queued for the next start, and
  /// running ones finish or are requeued then.
  public mutating func stopDispatching() {
    isDispatching = false
    idle.removeAll()
  }

  private mutating func start(_ trialID: String, on worker: Worker) -> Assignment {
    let attempt = (attemptsStarted[trialID] ?? 0) + 1
    attemptsStarted[trialID] = attempt
    let assignment = Assignment(trialID: trialID, attempt: attempt, worker: worker)
    running[worker] = assignment
    return assignment
  }
}
