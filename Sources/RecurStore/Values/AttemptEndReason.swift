/// Why an attempt ended, stored in `attempts.end_reason` as its raw value (append-only, as
/// `TrialState`). An attempt that is still open has no end reason.
public enum AttemptEndReason: String, Sendable, Hashable, CaseIterable, Codable {
  /// The worker reported the trial finished.
  case finished = "finished"
  /// The worker reported the trial diverged.
  case diverged = "diverged"
  /// The worker reported the trial failed with an error.
  case failed = "failed"
  /// The coordinator stopped hearing from the worker and gave the trial back to the queue.
  /// Only these count towards the sweep's `attempts` limit.
  case lostWorker = "lost-worker"
  /// The coordinator stopped (signal, crash) while the attempt ran.
  case interrupted = "interrupted"
}
