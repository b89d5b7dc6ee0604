import Foundation

/// The writer's operations, each in its own transaction. See `StoreTransaction` for what each
/// does; use `write(durable:_:)` to commit several together. Those that record outcomes commit
/// durably (see the storage contract on `ResultsStore`).
extension ResultsStore {
  @discardableResult
  public func registerPlan(sweep: SweepInfo, trials: some Sequence<PlannedTrialRow>) throws
    -> PlanRegistration
  {
    try write { try $0.registerPlan(sweep: sweep, trials: trials) }
  }

  @discardableResult
  public func resumeInterruptedAttempts() throws -> Int {
    try write { try $0.resumeInterruptedAttempts() }
  }

  public func startAttempt(trialID: String, worker: String, host: String) throws -> Int? {
    try write(durable: false) { try $0.startAttempt(trialID: trialID, worker: worker, host: host) }
  }

  @discardableResult
  public func appendMetrics(_ rows: [MetricRow]) throws -> Int {
    try write(durable: false) { try $0.appendMetrics(rows) }
  }

  public func recordResults(_ rows: [ResultRow]) throws -> [ResultDisposition] {
    try write { try $0.recordResults(rows) }
  }

  public func abandonAttempt(
    trialID: String, attempt: Int, reason: AbandonReason, maxAttempts: Int
  ) throws -> AbandonOutcome {
    try write {
      try $0.abandonAttempt(
        trialID: trialID, attempt: attempt, reason: reason, maxAttempts: maxAttempts)
    }
  }

  public func timeOutAttempt(trialID: String, attempt: Int, error: String) throws -> Bool {
    try write { try $0.timeOutAttempt(trialID: trialID, attempt: attempt, error: error) }
  }

  public func logEvent(
    kind: String, message: String, worker: String? = nil, trialID: String? = nil
  ) throws {
    try write(durable: false) {
      try $0.logEvent(kind: kind, message: message, worker: worker, trialID: trialID)
    }
  }

  public func recordWorker(name: String, host: String, cores: Int) throws {
    try write(durable: false) { try $0.recordWorker(name: name, host: host, cores: cores) }
  }

  public func startCoordinatorSession(coordinator: String) throws -> Int {
    try write(durable: false) { try $0.startCoordinatorSession(coordinator: coordinator) }
  }

  @discardableResult
  public func recordNetworkProblems(_ counts: NetworkProblemCounts, session: Int) throws -> Bool {
    try write(durable: false) { try $0.recordNetworkProblems(counts, session: session) }
  }
}
