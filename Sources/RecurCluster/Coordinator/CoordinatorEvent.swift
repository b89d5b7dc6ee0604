import RecurStore

/// Something a user may want to see, reported by the coordinator as it happens (the command
/// line prints one line per event, or redraws its live view).
public enum CoordinatorEvent: Sendable {
  /// A worker said hello (`rejoined` after a reconnection).
  case workerJoined(name: String, host: String, cores: Int, rejoined: Bool)
  /// A worker said goodbye (`silent` false) or was dropped after missing its heartbeats.
  case workerLeft(name: String, silent: Bool)
  /// A trial attempt was handed to a worker.
  case trialStarted(trialID: String, attempt: Int, worker: String, label: String)
  /// A worker that rejoined still runs this attempt: it is left to it.
  case trialResumed(trialID: String, attempt: Int, worker: String)
  /// A trial got its outcome.
  case trialEnded(
    trialID: String, attempt: Int, worker: String, state: TrialState, label: String,
    error: String?)
  /// An attempt ran longer than the trial timeout: the trial is `failed` with `error`, and its
  /// worker was told to abandon it.
  case trialTimedOut(trialID: String, attempt: Int, worker: String, label: String, error: String)
  /// A late result of a trial that already had an outcome, kept aside.
  case duplicateResult(trialID: String, attempt: Int, worker: String)
  /// A trial went back to the queue (its worker vanished or left).
  case trialRequeued(trialID: String, attempt: Int, worker: String)
  /// A trial's workers vanished as often as the sweep allows: it is lost.
  case trialLost(trialID: String, attempt: Int, worker: String)
  /// A peer sent something that is not a valid message (first time for this peer).
  case malformedMessage(peer: String, problem: String)
  /// A peer speaks another protocol version and was refused (first time for this peer).
  case protocolMismatch(peer: String, problem: String)
  /// Every trial has an outcome.
  case sweepDone
  /// The coordinator stops dispatching (`reason`) and tells its workers.
  case stopping(reason: String)
}
