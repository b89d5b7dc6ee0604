/// What the store did with one reported result (`recordResults`).
///
/// Every disposition is final and durable once `recordResults` returns, so the coordinator may
/// acknowledge the result to its worker whatever the disposition: sending it again changes
/// nothing.
public enum ResultDisposition: String, Sendable, Hashable {
  /// The trial's first outcome: it is now `finished`, `diverged` or `failed`.
  case accepted
  /// The same attempt's outcome was already accepted, identical (a worker re-sent an
  /// unacknowledged result). Nothing stored.
  case alreadyRecorded
  /// Another attempt's outcome came first (or the trial is `lost`, or this attempt timed out
  /// and the coordinator recorded its outcome): this late result is kept in `duplicates` and
  /// never replaces the first.
  case duplicate
  /// No trial has this id. Nothing stored.
  case unknownTrial
  /// The trial exists but this attempt number was never started. Nothing stored.
  case unknownAttempt
}
