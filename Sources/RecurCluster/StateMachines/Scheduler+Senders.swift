/// Who may report on an attempt (PROTOCOL.md, Reliability: results and metrics only from the
/// worker that runs the attempt).
extension Scheduler {
  /// What the scheduler knows of a report (result or metrics) on `attempt` of `trialID` sent
  /// by `worker`.
  public enum Reporter: Equatable, Sendable {
    /// `worker` runs this attempt (assigned to it, or adopted by it): accept.
    case runsIt
    /// Another worker runs this attempt: never accept.
    case anotherRunsIt
    /// Nobody runs it now (it ended, was requeued, or belongs to an earlier coordinator): the
    /// store decides, by the name of the worker that started it.
    case nobodyRunsIt
  }

  /// Who runs `attempt` of `trialID`, as seen from `worker`, the report's sender.
  public func reporter(_ worker: Worker, of trialID: String, attempt: Int) -> Reporter {
    if let current = assignment(of: worker), current.trialID == trialID,
      current.attempt == attempt
    {
      return .runsIt
    }
    let heldElsewhere = assignments.contains {
      $0.trialID == trialID && $0.attempt == attempt && $0.worker != worker
    }
    return heldElsewhere ? .anotherRunsIt : .nobodyRunsIt
  }

  /// Whether a report on `attempt` of `trialID` from `worker`, named `name`, may be stored:
  /// it runs the attempt, or nobody does and the store's row of that attempt names a worker
  /// of the same name (`startedBy` is read only then). Anything else is a stranger's report.
  ///
  /// Names are what a worker says in hello: without CURVE they prove nothing, which is why a
  /// running attempt is only ever reported on by the connection it was given to.
  public func admitsReport(
    of trialID: String, attempt: Int, from worker: Worker, name: String,
    startedBy: () throws -> String?
  ) rethrows -> Bool {
    switch reporter(worker, of: trialID, attempt: attempt) {
    case .runsIt: return true
    case .anotherRunsIt: return false
    case .nobodyRunsIt: return try startedBy() == name
    }
  }

  /// `adopt(trialID:attempt:by:)`, but only when the store's row of that attempt names a
  /// worker called `name` (`startedBy`): a peer that claims an attempt another worker started
  /// would otherwise hold the trial back from every other worker for as long as it heartbeats.
  public mutating func adopt(
    trialID: String, attempt: Int, by worker: Worker, name: String,
    startedBy: () throws -> String?
  ) rethrows -> Bool {
    guard try startedBy() == name else { return false }
    return adopt(trialID: trialID, attempt: attempt, by: worker)
  }
}
