import GRDB

extension StoreTransaction {
  /// Appends streamed metric records in this transaction.
  ///
  /// `step`, `train_loss` and `eval_loss` are read from each record (METRICS.md). A record
  /// that is not a JSON object with an integer `step`, whose attempt was never started, or
  /// that SQLite refuses to store, is skipped. A record for a step already stored for that attempt is merged into it (its
  /// fields win), so a batch re-sent after a lost acknowledgement changes nothing, and an
  /// evaluation and a diagnosis at the same step end up in one record.
  ///
  /// - Returns: the number of records stored or merged.
  @discardableResult
  public func appendMetrics(_ rows: [MetricRow]) throws -> Int {
    let insert = try db.cachedStatement(sql: Self.insertMetric)
    var stored = 0
    for row in rows {
      insert.setUncheckedArguments([row.trialID, row.attempt, row.recordJSON])
      do {
        try insert.execute()
      } catch let error as DatabaseError where Self.isRecordProblem(error) {
        // SQLite undid this statement only; the transaction goes on. The statement must be
        // reset before its next use (GRDB traps otherwise): sqlite3_reset reports the failed
        // step once more, which GRDB throws and this ignores, and resets it.
        try? insert.setArguments([row.trialID, row.attempt, row.recordJSON])
        continue
      }
      stored += db.changesCount
    }
    return stored
  }

  /// Whether a failed insert is the record's fault (SQLite's JSON functions refusing what it
  /// holds, a value out of range), so that the record is skipped like any malformed one rather
  /// than failing the writer's transaction: records come from the network. SQLite rolls back
  /// only the failed statement for these codes; disk, lock and memory errors still throw.
  static func isRecordProblem(_ error: DatabaseError) -> Bool {
    [.SQLITE_ERROR, .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_RANGE]
      .contains(error.resultCode)
  }

  /// One metric record (?3) for attempt ?2 of trial ?1. The WHERE clause is evaluated before
  /// the extracted columns, so malformed JSON never reaches `json_extract` (which would fail).
  /// A step JSON calls an integer but SQLite cannot hold as one (`1e23` written out in full)
  /// comes out of `json_extract` as a real: such a record is skipped, as readers expect an
  /// integer step.
  /// On conflict, the object members of the stored record that the new one lacks are kept:
  /// unlike `json_patch` (RFC 7396), this keeps explicit `null`s, which METRICS.md uses for
  /// non-finite values. `json_each` hands out SQL values, so JSON types are restored member by
  /// member: objects and arrays (whose subtype a subquery drops), booleans (which come out as
  /// 0/1), and reals printed with 17 significant digits, enough to round-trip a Double
  /// (`%!.17g`; without `!` SQLite stops at 16). A number too large for a Double (`1e999`,
  /// valid JSON that SQLite reads as infinity) is written back as SQLite writes infinity,
  /// `9e999`: `printf` would print `Inf`, which is not JSON, and the error would end the
  /// coordinator's transaction.
  static let insertMetric = """
    INSERT INTO metrics (trial_id, attempt, step, train_loss, eval_loss, record_json)
    SELECT ?1, ?2, json_extract(?3, '$.step'), \(metricNumber("train_loss")),
      \(metricNumber("eval_loss")), ?3
    WHERE json_valid(?3) AND json_type(?3) = 'object' AND json_type(?3, '$.step') = 'integer'
      AND typeof(json_extract(?3, '$.step')) = 'integer'
      AND EXISTS (SELECT 1 FROM attempts WHERE trial_id = ?1 AND attempt = ?2)
    ON CONFLICT (trial_id, attempt, step) DO UPDATE SET
      train_loss = coalesce(excluded.train_loss, train_loss),
      eval_loss = coalesce(excluded.eval_loss, eval_loss),
      record_json = CASE WHEN record_json = excluded.record_json THEN record_json ELSE (
        SELECT json_group_object(key, CASE type
            WHEN 'object' THEN json(value) WHEN 'array' THEN json(value)
            WHEN 'true' THEN json('true') WHEN 'false' THEN json('false')
            WHEN 'real' THEN json(CASE WHEN value > 1.7976931348623157e308 THEN '9e999'
              WHEN value < -1.7976931348623157e308 THEN '-9e999'
              ELSE printf('%!.17g', value) END)
            ELSE value END)
        FROM (
          SELECT key, value, type FROM json_each(record_json)
          WHERE key NOT IN (SELECT key FROM json_each(excluded.record_json))
          UNION ALL SELECT key, value, type FROM json_each(excluded.record_json))) END
    """

  private static func metricNumber(_ field: String) -> String {
    "CASE WHEN json_type(?3, '$.\(field)') IN ('integer', 'real') "
      + "THEN json_extract(?3, '$.\(field)') END"
  }
}
