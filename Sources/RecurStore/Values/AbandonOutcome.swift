/// What `abandonAttempt` did to the trial.
public enum AbandonOutcome: String, Sendable, Hashable {
  /// The trial went back to the queue; its next attempt gets a new number.
  case requeued
  /// The trial's workers vanished `attemptsAllowed` times: it is now `lost`, for good.
  case lost
  /// Nothing changed for the trial: the attempt was unknown or already ended, it was not the
  /// trial's current attempt, or the trial already has an outcome. An open attempt is still
  /// closed with the reason given.
  case unchanged
}
