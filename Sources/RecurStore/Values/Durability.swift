/// How hard a commit pushes data to disk: SQLite's `PRAGMA synchronous` in WAL mode.
///
/// See <https://www.sqlite.org/pragma.html#pragma_synchronous> and
/// <https://www.sqlite.org/wal.html#performance_considerations>.
public enum Durability: String, Sendable, Hashable, CaseIterable {
  /// `synchronous = FULL`: every commit syncs the WAL file before it returns, so a committed
  /// transaction survives a power loss or kernel crash, not only a crash of the process. The
  /// default for the coordinator: it acknowledges an outcome only after the commit, and a worker
  /// forgets what was acknowledged. Group commit (many results per transaction) pays one sync
  /// per batch.
  case full
  /// `synchronous = NORMAL`: commits reach the OS but are synced only at checkpoints. Survives
  /// a crash of the process (`kill -9`); a power loss may roll back the last commits (the
  /// file stays consistent). For benchmarks and scratch sweeps.
  case normal

  var pragmaValue: String {
    switch self {
    case .full: "FULL"
    case .normal: "NORMAL"
    }
  }
}
