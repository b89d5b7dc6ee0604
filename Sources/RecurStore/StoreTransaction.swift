import Foundation
import GRDB

/// The writer's operations inside one transaction (`ResultsStore.write(durable:_:)`).
///
/// Valid only inside the closure it is given to. Each method is also available on
/// `ResultsStore` as its own transaction. Statements are prepared once per connection and
/// reused (`cachedStatement`), so a batch costs a few microseconds per row.
public struct StoreTransaction {
  let db: Database
  let path: String

  /// Seconds since 1970, as every time column stores it.
  var now: Double { Date().timeIntervalSince1970 }

  /// Stores the plan of `sweep`: new trial ids are added as `queued`, ids already stored are
  /// kept as they are (a finished trial stays finished). Idempotent: registering the same plan
  /// again adds nothing.
  ///
  /// With an edited sweep file, trials of the earlier plan that the new one lacks and that
  /// have no outcome are withdrawn (kept, never dispatched, not counted); one that comes back
  /// in a later plan is planned again. Queued trials take the new plan's ordinal.
  ///
  /// `trials` is read once, row by row, so that a large plan can be made as it is stored
  /// (a lazy sequence) instead of being held whole. Rows are checked as they come; a bad one
  /// undoes everything this call wrote (a savepoint), as if it had been checked first.
  ///
  /// - Throws: `StoreError.invalidPlan` for duplicate or empty ids or `attemptsAllowed < 1`.
  @discardableResult
  public func registerPlan(sweep: SweepInfo, trials: some Sequence<PlannedTrialRow>) throws
    -> PlanRegistration
  {
    guard sweep.attemptsAllowed >= 1 else {
      throw StoreError.invalidPlan("attempts allowed is \(sweep.attemptsAllowed), must be ≥ 1")
    }
    var registration: PlanRegistration?
    try db.inSavepoint {
      registration = try storePlan(sweep: sweep, trials: trials)
      return .commit
    }
    guard let registration else { throw StoreError.invalidPlan("the plan was not stored") }
    return registration
  }

  /// `registerPlan`'s writes, checking each row before it is stored.
  private func storePlan(sweep: SweepInfo, trials: some Sequence<PlannedTrialRow>) throws
    -> PlanRegistration
  {
    let revision = try storeSweep(sweep)
    let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM trials") ?? 0
    if before > 0 {
      try db.execute(sql: "UPDATE trials SET in_plan = 0 WHERE in_plan = 1")
    }
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO trials (id, ordinal, sweep_revision, spec_json, keys_json)
        VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (id) DO UPDATE SET in_plan = 1,
          ordinal = CASE WHEN state IN ('queued', 'running') THEN excluded.ordinal ELSE ordinal END
        """)
    var seen = Set<String>(minimumCapacity: trials.underestimatedCount)
    for trial in trials {
      try validate(trial, seen: &seen)
      upsert.setUncheckedArguments([
        trial.id, trial.ordinal, revision, trial.specJSON, JSONText.object(trial.keys),
      ])
      try upsert.execute()
    }
    let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM trials") ?? 0
    let withdrawn =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM trials WHERE in_plan = 0 AND state IN ('queued', 'running')"
      ) ?? 0
    return PlanRegistration(
      added: after - before, kept: seen.count - (after - before), withdrawn: withdrawn,
      revision: revision)
  }

  /// Requeues the trials a killed or stopped coordinator left `running`; their open attempts
  /// end as `interrupted` (which never counts towards the attempts limit). Call once at start.
  ///
  /// - Returns: the number of trials requeued.
  @discardableResult
  public func resumeInterruptedAttempts() throws -> Int {
    try db.execute(
      sql: "UPDATE attempts SET ended_at = ?, end_reason = 'interrupted' WHERE ended_at IS NULL",
      arguments: [now])
    try db.execute(sql: "UPDATE trials SET state = 'queued' WHERE state = 'running'")
    return db.changesCount
  }

  /// Starts the next attempt of a queued trial on `worker`: the trial becomes `running`.
  ///
  /// - Returns: the attempt number (1 for the first), or nil if the trial is not queued (it
  ///   got an outcome meanwhile, is already running, or does not exist): do not dispatch it.
  public func startAttempt(trialID: String, worker: String, host: String) throws -> Int? {
    let time = now
    let start = try db.cachedStatement(
      sql: """
        UPDATE trials SET state = 'running', attempts_started = attempts_started + 1,
          worker = ?2, host = ?3, started_at = coalesce(started_at, ?4)
        WHERE id = ?1 AND state = 'queued'
        """)
    start.setUncheckedArguments([trialID, worker, host, time])
    try start.execute()
    guard db.changesCount == 1,
      let attempt = try Int.fetchOne(
        try db.cachedStatement(sql: "SELECT attempts_started FROM trials WHERE id = ?"),
        arguments: [trialID])
    else { return nil }
    let insert = try db.cachedStatement(
      sql: "INSERT INTO attempts (trial_id, attempt, worker, host, started_at) VALUES (?,?,?,?,?)")
    insert.setUncheckedArguments([trialID, attempt, worker, host, time])
    try insert.execute()
    return attempt
  }

  /// Appends a line to the sweep's event log.
  public func logEvent(
    kind: String, message: String, worker: String? = nil, trialID: String? = nil
  ) throws {
    let insert = try db.cachedStatement(
      sql: "INSERT INTO events (time, kind, message, worker, trial_id) VALUES (?,?,?,?,?)")
    insert.setUncheckedArguments([now, kind, message, worker, trialID])
    try insert.execute()
  }

  /// Records that `name` is connected (first time: first seen; then: last seen, host, cores).
  public func recordWorker(name: String, host: String, cores: Int) throws {
    let upsert = try db.cachedStatement(
      sql: """
        INSERT INTO workers (name, host, cores, first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)
        ON CONFLICT (name) DO UPDATE SET host = ?2, cores = ?3, last_seen = ?4
        """)
    upsert.setUncheckedArguments([name, host, cores, now])
    try upsert.execute()
  }

  /// Throws for an empty id or one already in `seen`; adds the id to `seen`.
  private func validate(_ trial: PlannedTrialRow, seen: inout Set<String>) throws {
    guard !trial.id.isEmpty else { throw StoreError.invalidPlan("a trial has an empty id") }
    guard seen.insert(trial.id).inserted else {
      throw StoreError.invalidPlan("trial id \(trial.id) appears twice")
    }
  }

  /// Adds a sweep revision unless the latest one is the same; returns the current revision.
  private func storeSweep(_ sweep: SweepInfo) throws -> Int {
    let sweptKeys = JSONText.array(sweep.sweptKeys)
    let latest = try Row.fetchOne(
      db,
      sql: """
        SELECT revision, name, file_path, file_text, swept_keys_json, metric, attempts_allowed
        FROM sweeps ORDER BY revision DESC LIMIT 1
        """)
    if let latest, try latest.decode(String?.self, forColumn: "name") == sweep.name,
      try latest.decode(String?.self, forColumn: "file_path") == sweep.filePath,
      try latest.decode(String?.self, forColumn: "file_text") == sweep.fileText,
      try latest.decode(String?.self, forColumn: "swept_keys_json") == sweptKeys,
      try latest.decode(String?.self, forColumn: "metric") == sweep.metric,
      try latest.decode(Int?.self, forColumn: "attempts_allowed") == sweep.attemptsAllowed,
      let revision = try latest.decode(Int?.self, forColumn: "revision")
    {
      return revision
    }
    try db.execute(
      sql: """
        INSERT INTO sweeps (name, file_path, file_text, swept_keys_json, metric,
          attempts_allowed, registered_at) VALUES (?,?,?,?,?,?,?)
        """,
      arguments: [
        sweep.name, sweep.filePath, sweep.fileText, sweptKeys, sweep.metric,
        sweep.attemptsAllowed, now,
      ])
    return Int(db.lastInsertedRowID)
  }
}
