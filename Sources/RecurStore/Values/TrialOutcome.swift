/// The outcome a worker reports for one attempt of a trial (`ResultRow.outcome`).
///
/// Stored with the same raw values as the matching `TrialState` and `AttemptEndReason`.
public enum TrialOutcome: String, Sendable, Hashable, CaseIterable, Codable {
  case finished = "finished"
  case diverged = "diverged"
  case failed = "failed"

  /// The trial state an accepted outcome of this kind gives.
  public var state: TrialState {
    switch self {
    case .finished: .finished
    case .diverged: .diverged
    case .failed: .failed
    }
  }

  /// The reason recorded on the attempt that produced this outcome.
  public var endReason: AttemptEndReason {
    switch self {
    case .finished: .finished
    case .diverged: .diverged
    case .failed: .failed
    }
  }
}
