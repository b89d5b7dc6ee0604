import RecurEngine
import RecurSweep
import RecurTasks

/// Runs one trial in this process: builds its task and model from the trial keys, trains,
/// evaluates and diagnoses on schedule, and returns the summary and the trained model.
///
/// This is the whole of a trial for `recur run` and for every cluster worker. It is
/// synchronous and single-threaded (apart from BLAS threads, `threads`), and knows nothing of
/// files or networks: it reports through the event callback and the returned value.
///
/// Deterministic: the same keys and options give the same records and summary, bit for bit,
/// on the same build, apart from the timing fields (`TrialSummary.withoutTiming`).
public struct TrialRunner: Sendable {
  public let spec: TrialSpec
  public let options: TrialOptions

  public init(spec: TrialSpec, options: TrialOptions = TrialOptions()) {
    self.spec = spec
    self.options = options
  }

  /// Trains the trial.
  ///
  /// - Parameters:
  ///   - isCancelled: checked before every training step; when it returns true the trial stops
  ///     and `TrainingError.cancelled` is thrown (a worker told to abandon its trial).
  ///   - onEvent: `started`, then `progress` after every step and `record` at every evaluation
  ///     or diagnosis, on the calling thread.
  /// - Returns: the summary and the trained model; a diverged trial returns normally, with
  ///   `summary.diverged` set and the model as it was before the diverging step. The `noop`
  ///   task returns at once, with an empty summary and no model.
  /// - Throws: `TrainingError` when the trial cannot run (bad data file, impossible settings,
  ///   too large for this machine) or was cancelled.
  public func run(
    isCancelled: () -> Bool = { false }, onEvent: (TrainingEvent) -> Void = { _ in }
  ) throws(TrainingError) -> TrialRun {
    let start = ContinuousClock.now
    guard let taskName = spec.taskName else {
      return TrialRun(summary: timed(TrialSummary(), since: start), model: nil)
    }
    BLAS.setThreadCount(spec.threads)
    let setup = try TrialSetup(spec: spec, task: taskName, options: options)
    onEvent(
      .started(
        TrialStart(
          steps: spec.steps, baselineLoss: setup.task.baselineLoss,
          solvedThreshold: setup.task.solvedThreshold, parameterCount: setup.parameterCount,
          evaluationSequences: setup.task.evaluationSequences)))
    let session = TrainingSession(spec: spec, setup: setup)
    let ending = try session.run(isCancelled: isCancelled, onEvent: onEvent)
    let divergedAt: Int? =
      switch ending {
      case .finished: nil
      case .diverged(let step): step
      }
    var summary = session.tally.summary(
      task: session.task, model: session.model.config, stepsDone: divergedAt ?? spec.steps,
      divergedAt: divergedAt)
    summary.parameterCount = setup.parameterCount
    return TrialRun(summary: timed(summary, since: start), model: session.model)
  }

  private func timed(_ summary: TrialSummary, since start: ContinuousClock.Instant)
    -> TrialSummary
  {
    var summary = summary
    let elapsed = start.duration(to: .now).components
    summary.wallSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    summary.stepsPerSecond =
      summary.wallSeconds > 0 ? Double(summary.stepsDone) / summary.wallSeconds : 0
    return summary
  }
}

/// What a trial returns: its summary and, unless the task was `noop`, the trained model (to
/// save as a checkpoint with `Checkpoint.save(config:parameters:to:)`).
public struct TrialRun {
  public var summary: TrialSummary
  public var model: Model?
}
