import Foundation
import GRDB

/// Queries for the coordinator, reports and `recur status`. Each reads one consistent snapshot:
/// the last committed state when it starts.
extension ResultsStore {
  /// The ids of the queued trials of the current plan, in dispatch (ordinal) order.
  public func queuedTrialIDs() throws -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql: "SELECT id FROM trials WHERE state = 'queued' AND in_plan = 1 ORDER BY ordinal, id")
    }
  }

  /// Trial counts by state for the current plan, attempts and duplicates.
  public func statusCounts() throws -> StatusCounts {
    try read { db in
      var counts = StatusCounts()
      let rows = try Row.fetchAll(
        db, sql: "SELECT state, in_plan, count(*) AS n FROM trials GROUP BY state, in_plan")
      for row in rows {
        let n: Int = try row.decode(forColumn: "n")
        guard try row.decode(Bool.self, forColumn: "in_plan") else {
          counts.outsidePlan += n
          continue
        }
        if let state = TrialState(rawValue: try row.decode(forColumn: "state")) {
          counts[state] += n
        }
        counts.trials += n
      }
      counts.attempts = try Int.fetchOne(db, sql: "SELECT count(*) FROM attempts") ?? 0
      counts.duplicates = try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicates") ?? 0
      return counts
    }
  }

  /// The trials in ordinal order: those of the current plan, and also those outside it when
  /// asked.
  public func trials(includingOutsidePlan: Bool = false) throws -> [TrialRecord] {
    try read { db in
      let filter = includingOutsidePlan ? "" : "WHERE in_plan = 1"
      return try Row.fetchAll(
        db,
        sql: """
          SELECT id, ordinal, keys_json, spec_json, state, in_plan, attempts_started,
            outcome_attempt, summary_json, error, final_eval_loss, worker, host, started_at,
            finished_at FROM trials \(filter) ORDER BY ordinal, id
          """
      ).map(Self.trialRecord)
    }
  }

  /// One trial, or nil if no trial has this id.
  public func trial(id: String) throws -> TrialRecord? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT id, ordinal, keys_json, spec_json, state, in_plan, attempts_started,
            outcome_attempt, summary_json, error, final_eval_loss, worker, host, started_at,
            finished_at FROM trials WHERE id = ?
          """, arguments: [id]
      ).map(Self.trialRecord)
    }
  }

  /// The metric records of a trial's accepted attempt, by step; for a trial without an
  /// outcome, those of its latest attempt.
  public func metrics(trialID: String) throws -> [MetricRecord] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT attempt, step, train_loss, eval_loss, record_json FROM metrics
          WHERE trial_id = ?1 AND attempt = (SELECT coalesce(outcome_attempt, attempts_started)
            FROM trials WHERE id = ?1)
          ORDER BY step
          """, arguments: [trialID]
      ).map { row in
        try MetricRecord(
          attempt: row.decode(forColumn: "attempt"), step: row.decode(forColumn: "step"),
          trainLoss: row.decode(forColumn: "train_loss"),
          evalLoss: row.decode(forColumn: "eval_loss"),
          recordJSON: row.decode(forColumn: "record_json"))
      }
    }
  }

  /// The sweep as last registered, or nil before the first plan.
  public func sweep() throws -> SweepRecord? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT *, (SELECT min(registered_at) FROM sweeps) AS created_at FROM sweeps
            ORDER BY revision DESC LIMIT 1
            """)
      else { return nil }
      let info = try SweepInfo(
        name: row.decode(forColumn: "name"), filePath: row.decode(forColumn: "file_path"),
        fileText: row.decode(forColumn: "file_text"),
        sweptKeys: JSONText.decodeArray(row.decode(forColumn: "swept_keys_json")) ?? [],
        metric: row.decode(forColumn: "metric"),
        attemptsAllowed: row.decode(forColumn: "attempts_allowed"))
      return try SweepRecord(
        info: info, revision: row.decode(forColumn: "revision"),
        createdAt: Self.date(row.decode(forColumn: "created_at")),
        registeredAt: Self.date(row.decode(forColumn: "registered_at")))
    }
  }

  /// The latest `limit` events, oldest first.
  public func events(limit: Int = 100) throws -> [EventRecord] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM (SELECT * FROM events ORDER BY seq DESC LIMIT ?) ORDER BY seq
          """, arguments: [max(0, limit)]
      ).map { row in
        try EventRecord(
          time: Self.date(row.decode(forColumn: "time")), kind: row.decode(forColumn: "kind"),
          message: row.decode(forColumn: "message"),
          worker: row.decode(forColumn: "worker"), trialID: row.decode(forColumn: "trial_id"))
      }
    }
  }

  /// The workers seen, by name.
  public func workers() throws -> [WorkerRecord] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM workers ORDER BY name").map { row in
        try WorkerRecord(
          name: row.decode(forColumn: "name"), host: row.decode(forColumn: "host"),
          cores: row.decode(forColumn: "cores"),
          firstSeen: Self.date(row.decode(forColumn: "first_seen")),
          lastSeen: Self.date(row.decode(forColumn: "last_seen")))
      }
    }
  }

  private static func trialRecord(_ row: Row) throws -> TrialRecord {
    try TrialRecord(
      id: row.decode(forColumn: "id"), ordinal: row.decode(forColumn: "ordinal"),
      keys: JSONText.decodeObject(row.decode(forColumn: "keys_json")) ?? [:],
      specJSON: row.decode(forColumn: "spec_json"),
      state: TrialState(rawValue: row.decode(forColumn: "state")) ?? .queued,
      inPlan: row.decode(forColumn: "in_plan"),
      attempts: row.decode(forColumn: "attempts_started"),
      outcomeAttempt: row.decode(forColumn: "outcome_attempt"),
      summaryJSON: row.decode(forColumn: "summary_json"), error: row.decode(forColumn: "error"),
      finalEvalLoss: row.decode(forColumn: "final_eval_loss"),
      worker: row.decode(forColumn: "worker"), host: row.decode(forColumn: "host"),
      startedAt: (row.decode(forColumn: "started_at") as Double?).map(date),
      finishedAt: (row.decode(forColumn: "finished_at") as Double?).map(date))
  }

  private static func date(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: seconds)
  }
}
