import Foundation

/// Everything that can go wrong with a results store. Each description names the file and says
/// what to do.
public enum StoreError: Error, Sendable, Hashable {
  /// The results folder or its `results.sqlite` does not exist.
  case missing(path: String)
  /// The file exists but is not a Recur results store (another SQLite file, or not SQLite).
  case notAStore(path: String)
  /// The store was written by a newer Recur, with a schema this build does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The store has an older schema; a read-only open cannot upgrade it.
  case olderSchema(path: String, found: Int, supported: Int)
  /// SQLite reports the file damaged.
  case corrupt(path: String, detail: String)
  /// Another process (a coordinator) holds the store for writing.
  case locked(path: String)
  /// A write on a store opened with `openForReading`.
  case readOnly(path: String)
  /// The folder or file could not be created or opened.
  case cannotOpen(path: String, reason: String)
  /// A plan the store refuses (duplicate trial ids, `attemptsAllowed` below 1): a bug of the
  /// caller.
  case invalidPlan(String)
  /// Any other SQLite failure (disk full, I/O error).
  case database(path: String, detail: String)
}

extension StoreError: CustomStringConvertible, LocalizedError {
  public var description: String {
    switch self {
    case .missing(let path):
      "\(path) does not exist. Give the results folder that `recur coordinator --results` wrote."
    case .notAStore(let path):
      "\(path) is not a Recur results store. Give the results folder that "
        + "`recur coordinator --results` wrote, or move that file away."
    case .newerSchema(let path, let found, let supported):
      "\(path) has store schema version \(found), but this recur supports up to version "
        + "\(supported). Use a newer recur to read it."
    case .olderSchema(let path, let found, let supported):
      "\(path) has store schema version \(found), older than this recur's \(supported). "
        + "Run `recur coordinator` on that folder once to upgrade it."
    case .corrupt(let path, let detail):
      "\(path) is damaged (\(detail)). Restore it from a copy or start the sweep in a new folder."
    case .locked(let path):
      "\(path) is being written by another process (a running coordinator?). Stop it first, "
        + "or give another results folder."
    case .readOnly(let path):
      "\(path) was opened read-only and cannot be written."
    case .cannotOpen(let path, let reason):
      "Cannot open \(path): \(reason). Check the path and its permissions."
    case .invalidPlan(let reason):
      "Invalid plan: \(reason)."
    case .database(let path, let detail):
      "Storing to \(path) failed: \(detail). Check free disk space and permissions."
    }
  }

  public var errorDescription: String? { description }
}
