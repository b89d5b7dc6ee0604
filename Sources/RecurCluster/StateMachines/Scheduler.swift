/// Which worker runs which trial: the coordinator's scheduling logic as a value type driven by
/// events, with no sockets, clocks or storage, so that it is tested on its own (the state
/// machine style of swift-nio: `mutating func event(…) -> Verdict`; the loop does the I/O).
///
/// Invariants: a trial is in at most one of {waiting, running on one worker, done}; a worker
/// runs at most one trial; the first outcome of a trial wins, whichever attempt sent it.
///
/// The results store is the ledger: it numbers attempts, tells which result is a trial's first
/// outcome and whether a trial lost its workers too often. The scheduler follows its verdicts
/// (`confirm`, `outcomeRecorded`, `workerLost(_:giveUp:)`), so that what it dispatches always
/// agrees with what is stored, also after a restart on an existing store.
public struct Scheduler<Worker: Hashable & Sendable>: Sendable {
  /// One trial handed to one worker.
  public struct Assignment: Equatable, Sendable {
    public var trialID: String
    public var attempt: Int
    public var worker: Worker

    public init(trialID: String, attempt: Int, worker: Worker) {
      self.trialID = trialID
      self.attempt = attempt
      self.worker = worker
    }
  }

  private var queue: TrialQueue
  private var attemptsStarted: [String: Int]
  private var running: [Worker: Assignment] = [:]
  private var idle: [Worker] = []
  private var done: Set<String>
  /// Whether new trials are handed out; false once the coordinator is shutting down.
  public private(set) var isDispatching = true

  /// - Parameters:
  ///   - waiting: trials without an outcome, in dispatch order.
  ///   - done: trials that already have an outcome (a resumed sweep).
  ///   - attemptsStarted: attempts already started per trial (a resumed sweep).
  public init(waiting: [String], done: Set<String> = [], attemptsStarted: [String: Int] = [:]) {
    self.queue = TrialQueue(waiting)
    self.done = done
    self.attemptsStarted = attemptsStarted
  }

  public var waitingCount: Int { queue.count }
  public var runningCount: Int { running.count }
  public var doneCount: Int { done.count }
  public var idleCount: Int { idle.count }
  /// True once every trial has an outcome.
  public var isFinished: Bool { queue.isEmpty && running.isEmpty }
  /// The assignment a worker is running, if any.
  public func assignment(of worker: Worker) -> Assignment? { running[worker] }
  /// Every running assignment.
  public var assignments: [Assignment] { Array(running.values) }
  /// Whether the trial already has an outcome.
  public func hasOutcome(_ trialID: String) -> Bool { done.contains(trialID) }
  /// Whether the worker waits for work.
  public func isIdle(_ worker: Worker) -> Bool { idle.contains(worker) }

  /// What to answer a worker that asks for work.
  public enum ReadyVerdict: Equatable, Sendable {
    /// Start this new attempt (have the store record it, then `confirm` it).
    case start(Assignment)
    /// Send again the assignment the worker already runs: it may have missed the first copy.
    case resend(Assignment)
    /// Nothing to run now: the worker is remembered as idle and served by `dispatchIdle`
    /// once something is requeued (or never, once dispatching stopped).
    case wait
  }

  /// A worker asks for work.
  public mutating func workerReady(_ worker: Worker) -> ReadyVerdict {
    if let current = running[worker] { return .resend(current) }
    guard isDispatching, let trialID = queue.popFront() else {
      if isDispatching, !idle.contains(worker) { idle.append(worker) }
      return .wait
    }
    idle.removeAll { $0 == worker }
    return .start(start(trialID, on: worker))
  }

  /// Hands waiting trials to idle workers, oldest idle worker first.
  public mutating func dispatchIdle() -> [Assignment] {
    var result: [Assignment] = []
    while isDispatching, !idle.isEmpty, let trialID = queue.popFront() {
      result.append(start(trialID, on: idle.removeFirst()))
    }
    return result
  }

  /// The store's answer to starting `assignment`: the attempt number it recorded, or nil if it
  /// refused because the trial is not waiting there (it already has an outcome). Returns the
  /// assignment to send, or nil to send nothing; a refused trial counts as done, and its
  /// worker waits for the next trial.
  public mutating func confirm(_ assignment: Assignment, storedAttempt: Int?) -> Assignment? {
    guard running[assignment.worker] == assignment else { return nil }
    guard let storedAttempt else {
      running[assignment.worker] = nil
      done.insert(assignment.trialID)
      if isDispatching { idle.insert(assignment.worker, at: 0) }
      return nil
    }
    var confirmed = assignment
    confirmed.attempt = storedAttempt
    attemptsStarted[assignment.trialID] = storedAttempt
    running[assignment.worker] = confirmed
    return confirmed
  }

  /// The store recorded a result of `attempt` of `trialID` sent by `worker`; `isOutcome` is
  /// true when it became the trial's outcome (its first), false for a duplicate or a re-sent
  /// copy. The worker is free again if it was running that attempt.
  public mutating func outcomeRecorded(
    trialID: String, attempt: Int, from worker: Worker, isOutcome: Bool
  ) {
    if let current = running[worker], current.trialID == trialID, current.attempt == attempt {
      running[worker] = nil
    }
    if isOutcome {
      done.insert(trialID)
      queue.remove(trialID)
    }
  }

  /// A worker vanished (missed its heartbeats) or said goodbye. Its trial, if it ran one
  /// without an outcome yet, goes back to the front of the queue, or is given up as lost
  /// when `giveUp` (the store found its workers vanished as often as the sweep allows).
  ///
  /// - Returns: the assignment the worker was running, if any.
  @discardableResult
  public mutating func workerLost(_ worker: Worker, giveUp: Bool = false) -> Assignment? {
    idle.removeAll { $0 == worker }
    guard let assignment = running.removeValue(forKey: worker) else { return nil }
    let trialID = assignment.trialID
    guard !done.contains(trialID) else { return assignment }
    if giveUp {
      done.insert(trialID)
      queue.remove(trialID)
    } else {
      queue.pushFront(trialID)
    }
    return assignment
  }

  /// A worker that (re)joined says it runs `attempt` of `trialID`, which waits in the queue
  /// (a restarted coordinator requeued it). The trial is left to that worker rather than run
  /// again elsewhere; if the worker vanishes, it is requeued as usual.
  ///
  /// - Returns: false when the worker already runs something or the trial does not wait.
  public mutating func adopt(trialID: String, attempt: Int, by worker: Worker) -> Bool {
    guard running[worker] == nil, queue.contains(trialID), attempt >= 1,
      attempt <= attemptsStarted[trialID] ?? 0
    else { return false }
    queue.remove(trialID)
    idle.removeAll { $0 == worker }
    running[worker] = Assignment(trialID: trialID, attempt: attempt, worker: worker)
    return true
  }

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
