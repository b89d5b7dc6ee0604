/// What a running trial reports through the callback of `TrialRunner.run`, in order:
/// `started` once, then `progress` after every optimiser step and `record` at every evaluation
/// or diagnosis (a record's step is the number of optimiser steps done when it was measured).
///
/// Events arrive on the thread that called `run`, between steps; a slow callback slows the
/// trial, so callers that redraw a screen or send messages throttle on their side.
public enum TrainingEvent: Sendable {
  case started(TrialStart)
  case progress(TrainingProgress)
  case record(MetricRecord)
}

/// What is known once the task and the model are built, before the first step.
public struct TrialStart: Sendable, Equatable {
  /// Optimiser steps the trial will take (`steps`).
  public var steps: Int
  /// The loss of the task's trivial predictor (see `SequenceTask.baselineLoss`).
  public var baselineLoss: Double
  /// The evaluation loss at or below which the task counts as solved.
  public var solvedThreshold: Double
  /// Number of trainable values of the model.
  public var parameterCount: Int
  /// Sequences of the held-out set.
  public var evaluationSequences: Int
}

/// One optimiser step done.
public struct TrainingProgress: Sendable, Equatable {
  /// Optimiser steps done so far (1 after the first update).
  public var step: Int
  /// Optimiser steps the trial will take.
  public var steps: Int
  /// The training loss of the batch this step was computed on.
  public var trainLoss: Float
}
