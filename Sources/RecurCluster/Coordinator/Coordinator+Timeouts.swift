import Foundation
import RecurProtocol
import RecurStore

/// The trial timeout (`CoordinatorOptions.trialTimeout`): attempts that ran too long end as
/// `failed`, inside the round's transaction; their workers are told to abandon them.
extension Coordinator {
  /// Ends every attempt whose deadline passed at `time`. Called in each round after the
  /// messages are handled, so that a result that arrived in the same round wins.
  func endOverdueAttempts(at time: Seconds, _ tx: StoreTransaction) throws {
    guard var clock = deadlines else { return }
    clock.follow(scheduler.assignments, at: time)
    let overdue = clock.expired(at: time)
    deadlines = clock
    for assignment in overdue { try timeOut(assignment, limit: clock.limit, at: time, tx) }
  }

  /// Records the trial `failed` with the reason (never retried: training is deterministic, it
  /// would run as long again), frees the worker and sends it `cancel` after the commit.
  func timeOut(
    _ assignment: Scheduler<Data>.Assignment, limit: Seconds, at time: Seconds,
    _ tx: StoreTransaction
  ) throws {
    let (trialID, attempt, peer) = (assignment.trialID, assignment.attempt, assignment.worker)
    let name = peers.member(peer)?.hello.name ?? "?"
    let error = Self.timeoutMessage(limit: limit, worker: name)
    let recorded = try tx.timeOutAttempt(trialID: trialID, attempt: attempt, error: error)
    scheduler.outcomeRecorded(trialID: trialID, attempt: attempt, from: peer, isOutcome: recorded)
    replies.send(.cancel(TrialAttempt(trialID: trialID, attempt: UInt32(attempt))), to: peer)
    guard recorded else {
      // Another attempt's outcome came first; this one only kept the worker busy.
      logger.info("cancelled \(trialID)#\(attempt) on \(name): the trial already has an outcome")
      return
    }
    specs.remove(trialID)
    try tx.logEvent(kind: "trial-timed-out", message: error, worker: name, trialID: trialID)
    guard let label = labels[trialID] else { return }
    counts.failed += 1
    tally.outcomes += 1
    tally.lastOutcome = time
    meter.record(at: time)
    emit(
      .trialTimedOut(
        trialID: trialID, attempt: attempt, worker: name, label: label, error: error))
  }

  /// The error stored for a timed-out trial: "ran longer than the trial timeout of 10m 0s on
  /// worker w1; cancelled".
  static func timeoutMessage(limit: Seconds, worker: String) -> String {
    "ran longer than the trial timeout of \(describe(seconds: limit)) on worker \(worker); "
      + "cancelled"
  }

  /// A duration for people: `45s`, `1.5s`, `10m 0s`, `2h 0m 0s`.
  static func describe(seconds: Seconds) -> String {
    let whole = Int(seconds.rounded(.down))
    let fraction = seconds - Double(whole)
    let rest = Double(whole % 60) + fraction
    let secondsText =
      rest == rest.rounded() ? "\(Int(rest))s" : String(format: "%.3gs", rest)
    let (hours, minutes) = (whole / 3600, whole % 3600 / 60)
    if hours > 0 { return "\(hours)h \(minutes)m \(secondsText)" }
    if minutes > 0 { return "\(minutes)m \(secondsText)" }
    return secondsText
  }
}
