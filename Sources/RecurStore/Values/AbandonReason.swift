/// Why the coordinator gives up on a running attempt (`abandonAttempt`).
public enum AbandonReason: String, Sendable, Hashable, CaseIterable {
  /// The worker fell silent (heartbeat liveness exhausted) or disconnected. Counts towards the
  /// sweep's `attempts` limit: past it the trial becomes `lost`.
  case lostWorker = "lost-worker"
  /// The coordinator is stopping. Never counts towards the limit: the trial is requeued.
  case interrupted = "interrupted"

  /// The reason stored on the attempt.
  public var endReason: AttemptEndReason {
    switch self {
    case .lostWorker: .lostWorker
    case .interrupted: .interrupted
    }
  }
}
