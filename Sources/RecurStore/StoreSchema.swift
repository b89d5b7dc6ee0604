import GRDB

/// The store's schema: identification, version and migrations.
///
/// A Recur store carries SQLite's `application_id` (in the file header, so that `file(1)` and a
/// foreign opener can tell it apart) and its schema version in `user_version`; both are set by
/// the first migration, in the same transaction as the tables. GRDB's `DatabaseMigrator` keeps
/// its own `grdb_migrations` table beside them. See
/// <https://www.sqlite.org/pragma.html#pragma_application_id>.
enum StoreSchema {
  /// `PRAGMA application_id`: "RCUR" in ASCII.
  static let applicationID: Int32 = 0x5243_5552
  /// The schema version this build writes and reads; one more per migration.
  static let version = 2
  /// The oldest version a reader accepts without migrating: what a version lacks reads as
  /// empty (a version 1 store has no network problem counts), so that `recur status` and
  /// reports still read results an older Recur wrote.
  static let oldestReadableVersion = 1

  /// Applies every migration not yet applied.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try createVersion1(db)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      try createVersion2(db)
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    return migrator
  }

  /// A number of the trial's summary, for the `trial_results` view: NULL unless the summary
  /// is valid JSON and the field a number. Part of schema version 1: never change it.
  private static func summaryNumber(_ field: String) -> String {
    "CASE WHEN json_valid(summary_json) AND json_type(summary_json, '$.\(field)') "
      + "IN ('integer', 'real') THEN json_extract(summary_json, '$.\(field)') END"
  }

  /// Version 1. States and end reasons are text with CHECK constraints (see `TrialState`);
  /// times are seconds since 1970 (REAL); JSON is text as received.
  ///
  /// Two measured choices keep a state change cheap (`StoreBenchmark`, callgrind): the checks
  /// are OR chains, not `IN (…)` lists, for which SQLite builds an ephemeral index on every row
  /// it checks; and the summary's numbers are computed by the `trial_results` view when read,
  /// not stored or generated columns, which SQLite recomputes on every UPDATE of the row.
  private static func createVersion1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE sweeps (
          revision INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          file_path TEXT NOT NULL,
          file_text TEXT NOT NULL,
          swept_keys_json TEXT NOT NULL,
          metric TEXT NOT NULL,
          attempts_allowed INTEGER NOT NULL CHECK (attempts_allowed >= 1),
          registered_at REAL NOT NULL
        );
        CREATE TABLE trials (
          id TEXT PRIMARY KEY NOT NULL,
          ordinal INTEGER NOT NULL,
          sweep_revision INTEGER NOT NULL REFERENCES sweeps(revision),
          in_plan INTEGER NOT NULL DEFAULT 1,
          spec_json TEXT NOT NULL,
          keys_json TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'queued' CHECK (state = 'queued' OR state = 'running'
            OR state = 'finished' OR state = 'diverged' OR state = 'failed' OR state = 'lost'),
          attempts_started INTEGER NOT NULL DEFAULT 0,
          outcome_attempt INTEGER,
          summary_json TEXT,
          error TEXT,
          worker TEXT,
          host TEXT,
          started_at REAL,
          finished_at REAL
        );
        CREATE INDEX trials_by_state ON trials(state, in_plan, ordinal);
        CREATE VIEW trial_results AS SELECT *,
          \(summaryNumber("final_eval_loss")) AS final_eval_loss,
          \(summaryNumber("final_loss")) AS final_loss,
          \(summaryNumber("best_eval_loss")) AS best_eval_loss,
          \(summaryNumber("steps_done")) AS steps_done,
          \(summaryNumber("wall_seconds")) AS wall_seconds,
          CASE WHEN json_valid(summary_json) THEN CASE json_type(summary_json, '$.solved')
            WHEN 'true' THEN 1 WHEN 'false' THEN 0 END END AS solved
          FROM trials;
        CREATE TABLE attempts (
          trial_id TEXT NOT NULL REFERENCES trials(id),
          attempt INTEGER NOT NULL,
          worker TEXT NOT NULL,
          host TEXT NOT NULL,
          started_at REAL NOT NULL,
          ended_at REAL,
          end_reason TEXT CHECK (end_reason = 'finished' OR end_reason = 'diverged'
            OR end_reason = 'failed' OR end_reason = 'lost-worker'
            OR end_reason = 'interrupted'),
          PRIMARY KEY (trial_id, attempt)
        ) WITHOUT ROWID;
        CREATE INDEX open_attempts ON attempts(ended_at) WHERE ended_at IS NULL;
        CREATE TABLE metrics (
          trial_id TEXT NOT NULL,
          attempt INTEGER NOT NULL,
          step INTEGER NOT NULL,
          train_loss REAL,
          eval_loss REAL,
          record_json TEXT NOT NULL,
          PRIMARY KEY (trial_id, attempt, step),
          FOREIGN KEY (trial_id, attempt) REFERENCES attempts(trial_id, attempt)
        ) WITHOUT ROWID;
        CREATE TABLE duplicates (
          trial_id TEXT NOT NULL,
          attempt INTEGER NOT NULL,
          received_at REAL NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome = 'finished' OR outcome = 'diverged'
            OR outcome = 'failed'),
          summary_json TEXT,
          error TEXT,
          PRIMARY KEY (trial_id, attempt),
          FOREIGN KEY (trial_id, attempt) REFERENCES attempts(trial_id, attempt)
        ) WITHOUT ROWID;
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY,
          time REAL NOT NULL,
          kind TEXT NOT NULL,
          message TEXT NOT NULL,
          worker TEXT,
          trial_id TEXT
        );
        CREATE TABLE workers (
          name TEXT PRIMARY KEY NOT NULL,
          host TEXT NOT NULL,
          cores INTEGER NOT NULL,
          first_seen REAL NOT NULL,
          last_seen REAL NOT NULL
        );
        """)
  }

  /// Version 2: one row per coordinator session (each start of a coordinator on the store),
  /// with what it dropped or refused from the network (`NetworkProblemCounts`). The session
  /// rewrites its own row's counts, which only grow; the store's totals are their sums, so a
  /// restarted coordinator adds to what earlier ones stored. A store migrated from version 1
  /// has no session yet: its counts start at 0. Part of schema version 2: never change it.
  private static func createVersion2(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE coordinator_sessions (
          id INTEGER PRIMARY KEY,
          coordinator TEXT NOT NULL,
          started_at REAL NOT NULL,
          updated_at REAL NOT NULL,
          malformed_messages INTEGER NOT NULL DEFAULT 0 CHECK (malformed_messages >= 0),
          oversized_messages INTEGER NOT NULL DEFAULT 0 CHECK (oversized_messages >= 0),
          protocol_mismatches INTEGER NOT NULL DEFAULT 0 CHECK (protocol_mismatches >= 0),
          foreign_reports INTEGER NOT NULL DEFAULT 0 CHECK (foreign_reports >= 0),
          closed_connections INTEGER NOT NULL DEFAULT 0 CHECK (closed_connections >= 0),
          turned_away INTEGER NOT NULL DEFAULT 0 CHECK (turned_away >= 0)
        );
        """)
  }
}
