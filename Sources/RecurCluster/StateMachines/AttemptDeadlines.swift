/// When each running attempt must have reported its result: the coordinator's trial timeout
/// (`--trial-timeout`) as a value type driven by events and a clock, like `Liveness`, with no
/// sockets or storage, so that it is tested on its own.
///
/// An attempt's deadline is `limit` seconds after it started on its worker, or after a
/// restarted coordinator adopted it (how long it ran before is unknown, so it gets a full
/// timeout). Only the end of the attempt stops its clock: heartbeats and metrics do not extend
/// it, since an endless or wedged trial heartbeats too (its worker's network thread is apart
/// from its training thread). This is Ray Tune's `time_budget_s` per trial, or Slurm's
/// `--time`, measured by the coordinator.
public struct AttemptDeadlines<Worker: Hashable & Sendable>: Sendable {
  public typealias Assignment = Scheduler<Worker>.Assignment

  /// Seconds an attempt may run.
  public let limit: Seconds
  private var running: [Worker: (assignment: Assignment, deadline: Seconds)] = [:]

  public init(limit: Seconds) {
    precondition(limit > 0, "the trial timeout must be positive")
    self.limit = limit
  }

  /// The attempts whose clock runs.
  public var count: Int { running.count }

  /// The time by which `assignment` must have reported, if its clock runs.
  public func deadline(of assignment: Assignment) -> Seconds? {
    running[assignment.worker].flatMap { $0.assignment == assignment ? $0.deadline : nil }
  }

  /// The earliest deadline of a running attempt.
  public var nextDeadline: Seconds? { running.values.lazy.map(\.deadline).min() }

  /// Whether some attempt ran out of time at `now`.
  public func hasExpired(at now: Seconds) -> Bool { (nextDeadline ?? .infinity) <= now }

  /// `assignment` started (or was adopted) at `now`: its deadline is `now + limit`. It
  /// replaces whatever its worker ran before.
  public mutating func started(_ assignment: Assignment, at now: Seconds) {
    running[assignment.worker] = (assignment, now + limit)
  }

  /// `assignment` ended (its result came, its worker left, or it was given up): no deadline.
  public mutating func ended(_ assignment: Assignment) {
    if running[assignment.worker]?.assignment == assignment {
      running[assignment.worker] = nil
    }
  }

  /// Follows what the scheduler runs (`Scheduler.assignments`) at `now`: an attempt not seen
  /// before starts its clock now, one that is no longer running stops it, one still running
  /// keeps its deadline. Calling this after every change of the scheduler is the same as
  /// calling `started` and `ended` at each of them.
  public mutating func follow(_ assignments: some Sequence<Assignment>, at now: Seconds) {
    var current: [Worker: (assignment: Assignment, deadline: Seconds)] = [:]
    for assignment in assignments {
      current[assignment.worker] =
        running[assignment.worker].flatMap {
          $0.assignment == assignment ? $0 : nil
        } ?? (assignment, now + limit)
    }
    running = current
  }

  /// Removes and returns the attempts whose deadline passed at `now`, earliest first.
  public mutating func expired(at now: Seconds) -> [Assignment] {
    guard hasExpired(at: now) else { return [] }
    let overdue = running.values.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
    for entry in overdue { running[entry.assignment.worker] = nil }
    return overdue.map(\.assignment)
  }
}
