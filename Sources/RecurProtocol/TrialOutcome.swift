/// How a trial ended, as its worker reports it.
///
/// Stored values, append-only: a code keeps its meaning in every version. (`lost` is not here:
/// only the coordinator can decide that a trial was lost.)
public enum TrialOutcome: UInt8, Sendable, CaseIterable {
  /// Trained to the end.
  case finished = 1
  /// The loss became NaN or infinite; the summary says at which step.
  case diverged = 2
  /// The trial raised an error; the result's error message says which.
  case failed = 3
}
