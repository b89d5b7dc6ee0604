import GRDB

extension StoreTransaction {
  /// Records a batch of final results in this transaction (group commit: acknowledge them to
  /// the workers only after it is committed, in a durable transaction).
  ///
  /// The first result of a trial is its outcome; a later one from another attempt (or from
  /// an attempt that timed out, `timeOutAttempt`) is kept in `duplicates` and never replaces
  /// it. Results of one batch are applied in order.
  ///
  /// - Returns: one disposition per row, in order.
  public func recordResults(_ rows: [ResultRow]) throws -> [ResultDisposition] {
    try rows.map(recordResult)
  }

  /// Gives up on a running attempt: it ends with `reason`, and its trial goes back to the
  /// queue, or becomes `lost` once its workers vanished `maxAttempts` times (only
  /// `.lostWorker` endings count; see `SweepInfo.attemptsAllowed`).
  public func abandonAttempt(
    trialID: String, attempt: Int, reason: AbandonReason, maxAttempts: Int
  ) throws -> AbandonOutcome {
    let time = now
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(
          sql: """
            SELECT t.state, t.attempts_started, a.ended_at FROM attempts a
            JOIN trials t ON t.id = a.trial_id WHERE a.trial_id = ? AND a.attempt = ?
            """),
        arguments: [trialID, attempt]),
      try row.decode(Double?.self, atIndex: 2) == nil
    else { return .unchanged }
    try closeAttempt(trialID: trialID, attempt: attempt, reason: reason.endReason, time: time)
    guard try row.decode(String?.self, atIndex: 0) == TrialState.running.rawValue,
      try row.decode(Int?.self, atIndex: 1) == attempt
    else {
      return .unchanged
    }
    if reason == .lostWorker, try lostAttempts(trialID: trialID) >= maxAttempts {
      try setState(.lost, trialID: trialID, finishedAt: time)
      return .lost
    }
    try setState(.queued, trialID: trialID, finishedAt: nil)
    return .requeued
  }

  /// Ends an attempt that ran longer than the sweep's trial timeout: the trial's outcome is
  /// `failed` with `error`, as if that attempt had reported it, and the trial is not requeued
  /// (training is deterministic: it would run as long again). As with `recordResults`, any
  /// started attempt of a trial without an outcome may give it one: also an attempt a
  /// restarted coordinator requeued (it ended `interrupted`) and then left to the worker that
  /// still ran it. A result of that attempt arriving later differs from this outcome, so
  /// `recordResults` keeps it as a duplicate.
  ///
  /// - Returns: true when the trial got this outcome; false when the attempt is unknown
  ///   (nothing changed) or the trial already has an outcome (it stays; the attempt, if still
  ///   open, ends `interrupted`).
  public func timeOutAttempt(trialID: String, attempt: Int, error: String) throws -> Bool {
    let time = now
    let lookup = try db.cachedStatement(
      sql: """
        SELECT t.state, a.worker, a.host FROM attempts a JOIN trials t ON t.id = a.trial_id
        WHERE a.trial_id = ? AND a.attempt = ?
        """)
    guard let row = try Row.fetchOne(lookup, arguments: [trialID, attempt]) else {
      return false
    }
    guard
      let state = try row.decode(String?.self, atIndex: 0).flatMap(TrialState.init),
      !state.isTerminal
    else {
      try closeAttempt(trialID: trialID, attempt: attempt, reason: .interrupted, time: time)
      return false
    }
    let outcome = ResultRow(trialID: trialID, attempt: attempt, outcome: .failed, error: error)
    try closeAttempt(trialID: trialID, attempt: attempt, reason: .failed, time: time)
    try accept(
      outcome, worker: try row.decode(atIndex: 1), host: try row.decode(atIndex: 2), time: time)
    return true
  }

  private func recordResult(_ result: ResultRow) throws -> ResultDisposition {
    // Columns by index (0 state, 1 outcome_attempt, 2 known, 3 worker, 4 host): GRDB's
    // by-name lookup lowercases the name on every call, a measurable share of this hot path.
    let lookup = try db.cachedStatement(
      sql: """
        SELECT t.state, t.outcome_attempt, a.attempt AS known, a.worker, a.host FROM trials t
        LEFT JOIN attempts a ON a.trial_id = t.id AND a.attempt = ?2 WHERE t.id = ?1
        """)
    guard let row = try Row.fetchOne(lookup, arguments: [result.trialID, result.attempt]) else {
      return .unknownTrial
    }
    guard try row.decode(Int?.self, atIndex: 2) == result.attempt else {
      return .unknownAttempt
    }
    let time = now
    try closeAttempt(
      trialID: result.trialID, attempt: result.attempt, reason: result.outcome.endReason,
      time: time)
    let state = try row.decode(String?.self, atIndex: 0).flatMap(TrialState.init)
    guard state?.isTerminal == true else {
      try accept(
        result, worker: try row.decode(atIndex: 3),
        host: try row.decode(atIndex: 4), time: time)
      return .accepted
    }
    if try row.decode(Int?.self, atIndex: 1) == result.attempt, try isOutcome(result) {
      return .alreadyRecorded
    }
    try keepDuplicate(result, time: time)
    return .duplicate
  }

  /// Makes `result` the trial's outcome. Malformed summary JSON is stored as received; the
  /// `trial_results` view (`StoreSchema`) gives NULL numbers for it.
  private func accept(_ result: ResultRow, worker: String?, host: String?, time: Double) throws {
    let update = try db.cachedStatement(
      sql: """
        UPDATE trials SET state = ?, outcome_attempt = ?, summary_json = ?, error = ?,
          finished_at = ?, worker = ?, host = ?
        WHERE id = ?
        """)
    update.setUncheckedArguments([
      result.outcome.state.rawValue, result.attempt, result.summaryJSON, result.error, time,
      worker, host, result.trialID,
    ])
    try update.execute()
  }

  /// Whether `result` is the trial's stored outcome, field for field: a copy its worker sent
  /// again. A result of the outcome's attempt that differs (the attempt timed out, and the
  /// coordinator recorded the outcome) is not.
  private func isOutcome(_ result: ResultRow) throws -> Bool {
    let lookup = try db.cachedStatement(
      sql: "SELECT state, summary_json, error FROM trials WHERE id = ?")
    guard let row = try Row.fetchOne(lookup, arguments: [result.trialID]) else { return false }
    return try row.decode(String?.self, atIndex: 0) == result.outcome.state.rawValue
      && row.decode(String?.self, atIndex: 1) == result.summaryJSON
      && row.decode(String?.self, atIndex: 2) == result.error
  }

  private func keepDuplicate(_ result: ResultRow, time: Double) throws {
    let insert = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO duplicates (trial_id, attempt, received_at, outcome, summary_json,
          error) VALUES (?,?,?,?,?,?)
        """)
    insert.setUncheckedArguments([
      result.trialID, result.attempt, time, result.outcome.rawValue, result.summaryJSON,
      result.error,
    ])
    try insert.execute()
  }

  /// Ends an attempt that is still open; an ended one keeps its first end.
  private func closeAttempt(
    trialID: String, attempt: Int, reason: AttemptEndReason, time: Double
  ) throws {
    let update = try db.cachedStatement(
      sql: """
        UPDATE attempts SET ended_at = ?, end_reason = ?
        WHERE trial_id = ? AND attempt = ? AND ended_at IS NULL
        """)
    update.setUncheckedArguments([time, reason.rawValue, trialID, attempt])
    try update.execute()
  }

  private func lostAttempts(trialID: String) throws -> Int {
    let count = try db.cachedStatement(
      sql: "SELECT count(*) FROM attempts WHERE trial_id = ? AND end_reason = 'lost-worker'")
    return try Int.fetchOne(count, arguments: [trialID]) ?? 0
  }

  private func setState(_ state: TrialState, trialID: String, finishedAt: Double?) throws {
    let update = try db.cachedStatement(
      sql: "UPDATE trials SET state = ?, finished_at = ? WHERE id = ?")
    update.setUncheckedArguments([state.rawValue, finishedAt, trialID])
    try update.execute()
  }
}
