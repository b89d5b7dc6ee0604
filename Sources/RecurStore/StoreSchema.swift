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
  static let version = 1

  /// Applies every migration not yet applied.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try createVersion1(db)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    return migrator
  }

  /// Version 1. States and end reasons are text with CHECK constraints (see `TrialState`);
  /// times are seconds since 1970 (REAL); JSON is text as received.
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
          state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
            ('queued', 'running', 'finished', 'diverged', 'failed', 'lost')),
          attempts_started INTEGER NOT NULL DEFAULT 0,
          outcome_attempt INTEGER,
          summary_json TEXT,
          error TEXT,
          final_eval_loss REAL,
          final_loss REAL,
          best_eval_loss REAL,
          steps_done INTEGER,
          wall_seconds REAL,
          worker TEXT,
          host TEXT,
          started_at REAL,
          finished_at REAL
        );
        CREATE INDEX trials_by_state ON trials(state, in_plan, ordinal);
        CREATE TABLE attempts (
          trial_id TEXT NOT NULL REFERENCES trials(id),
          attempt INTEGER NOT NULL,
          worker TEXT NOT NULL,
          host TEXT NOT NULL,
          started_at REAL NOT NULL,
          ended_at REAL,
          end_reason TEXT CHECK (end_reason IN
            ('finished', 'diverged', 'failed', 'lost-worker', 'interrupted')),
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
          outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'diverged', 'failed')),
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
}
