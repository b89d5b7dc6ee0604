/// The state of a trial, stored in `trials.state` as its raw value.
///
/// Modelled on optuna's `TrialState`: an enum whose stored values are explicit and append-only.
/// A new state gets a new raw value and a schema migration; an existing raw value is never
/// renamed or reused, so that every store ever written stays readable. Text rather than integers
/// keeps the file self-describing for anyone who opens it with `sqlite3`.
public enum TrialState: String, Sendable, Hashable, CaseIterable, Codable {
  /// Planned and waiting for a worker (also after a requeue).
  case queued = "queued"
  /// An attempt is running on a worker.
  case running = "running"
  /// Trained to the end.
  case finished = "finished"
  /// The loss became NaN or infinite; the sweep goes on.
  case diverged = "diverged"
  /// The trial raised an error; its message is kept in `trials.error`.
  case failed = "failed"
  /// Its workers vanished more often than the sweep's `attempts` allows.
  case lost = "lost"

  /// Whether the state is an outcome. Trials in a terminal state are immutable: nothing a
  /// store method does changes them again.
  public var isTerminal: Bool {
    switch self {
    case .queued, .running: false
    case .finished, .diverged, .failed, .lost: true
    }
  }
}
