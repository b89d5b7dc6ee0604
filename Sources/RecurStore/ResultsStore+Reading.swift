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

  /// What every coordinator session together dropped or refused from the network (all zero
  /// for a store of schema version 1, which did not record them).
  public func networkProblemCounts() throws -> NetworkProblemCounts {
    try read { db in
      guard try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 >= 2 else {
        return NetworkProblemCounts()
      }
      let sums = [
        "malformed_messages", "oversized_messages", "protocol_mismatches",
        "foreign_reports", "closed_connections", "turned_away",
      ].map { "coalesce(sum(\($0)), 0)" }
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT \(sums.joined(separator: ", ")) FROM coordinator_sessions")
      else { return NetworkProblemCounts() }
      return try NetworkProblemCounts(
        malformedMessages: row.decode(atIndex: 0), oversizedMessages: row.decode(atIndex: 1),
        protocolMismatches: row.decode(atIndex: 2), foreignReports: row.decode(atIndex: 3),
        closedConnections: row.decode(atIndex: 4), turnedAway: row.decode(atIndex: 5))
    }
  }

  /// The trials in ordinal order: those of the current plan (also those outside it when
  /// asked), all of them or those in `state`.
  public func trials(state: TrialState? = nil, includingOutsidePlan: Bool = false) throws
    -> [TrialRecord]
  {
    try read { db in
      var conditions: [String] = []
      var arguments: StatementArguments = []
      if let state {
        conditions.append("state = ?")
        arguments += [state.rawValue]
      }
      if !includingOutsidePlan { conditions.append("in_plan = 1") }
      let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
      // A cursor decodes each row in place instead of copying all of them first.
      let rows = try Row.fetchCursor(
        db, sql: "\(Self.trialColumns) \(filter) ORDER BY ordinal, id", arguments: arguments)
      var records: [TrialRecord] = []
      while let row = try rows.next() { records.append(try Self.trialRecord(row)) }
      return records
    }
  }

  /// One trial, or nil if no trial has this id.
  public func trial(id: String) throws -> TrialRecord? {
    try read { db in
      try Row.fetchOne(db, sql: "\(Self.trialColumns) WHERE id = ?", arguments: [id])
        .map(Self.trialRecord)
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

  /// The metric records of every trial's accepted attempt (for a trial without an outcome,
  /// of its latest attempt), handed to `body` one at a time with the trial's id: those of the
  /// current plan's trials, or of every trial when asked.
  ///
  /// One query for the whole store instead of one per trial (`metrics(trialID:)`): reading a
  /// 20,000-trial sweep that way paid a statement per trial. The rows come in the metrics
  /// table's own key order, trial id then step (each trial's records consecutive, by step),
  /// so SQLite streams them from the table without sorting, and nothing is held here: what
  /// `body` keeps is what stays in memory. The whole read is one snapshot.
  public func forEachMetric(
    includingOutsidePlan: Bool = false, _ body: (_ trialID: String, MetricRecord) throws -> Void
  ) throws {
    try read { db in
      // CROSS JOIN keeps `metrics` as the outer loop, so the ORDER BY is its primary key's.
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT m.trial_id, m.attempt, m.step, m.train_loss, m.eval_loss, m.record_json
          FROM metrics AS m CROSS JOIN trials AS t ON t.id = m.trial_id
          WHERE m.attempt = coalesce(t.outcome_attempt, t.attempts_started)
            \(includingOutsidePlan ? "" : "AND t.in_plan = 1")
          ORDER BY m.trial_id, m.attempt, m.step
          """)
      while let row = try rows.next() {
        let record = try MetricRecord(
          attempt: row.decode(atIndex: 1), step: row.decode(atIndex: 2),
          trainLoss: row.decode(atIndex: 3), evalLoss: row.decode(atIndex: 4),
          recordJSON: row.decode(atIndex: 5))
        try body(row.decode(atIndex: 0), record)
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

  /// The columns `trialRecord` reads, by index (by-name lookups lowercase the name on every
  /// call: most of the cost of reading 100,000 trials).
  private static let trialColumns = """
    SELECT id, ordinal, keys_json, spec_json, state, in_plan, attempts_started, outcome_attempt,
      summary_json, error, final_eval_loss, worker, host, started_at, finished_at
    FROM trial_results
    """

  private static func trialRecord(_ row: Row) throws -> TrialRecord {
    try TrialRecord(
      id: row.decode(atIndex: 0), ordinal: row.decode(atIndex: 1),
      keys: JSONText.decodeObject(row.decode(atIndex: 2)) ?? [:],
      specJSON: row.decode(atIndex: 3),
      state: TrialState(rawValue: row.decode(atIndex: 4)) ?? .queued,
      inPlan: row.decode(atIndex: 5), attempts: row.decode(atIndex: 6),
      outcomeAttempt: row.decode(atIndex: 7), summaryJSON: row.decode(atIndex: 8),
      error: row.decode(atIndex: 9), finalEvalLoss: row.decode(atIndex: 10),
      worker: row.decode(atIndex: 11), host: row.decode(atIndex: 12),
      startedAt: (row.decode(atIndex: 13) as Double?).map(date),
      finishedAt: (row.decode(atIndex: 14) as Double?).map(date))
  }

  private static func date(_ seconds: Double) -> Date {
    Date(timeIntervalSince1970: seconds)
  }
}
