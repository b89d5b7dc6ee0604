import RecurEngine
import RecurTasks

/// Why a trial or a probe could not run; each description says what is wrong and what to do.
///
/// A trial whose loss or gradients become NaN or infinite is not an error: it ends with a
/// summary marked `diverged` (DESIGN.md, "Bad input and faults").
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The task could not be built: a bad `seq_len` for the task, or a bad `charlm` data file.
  case task(TaskError)
  /// The optimiser settings are impossible (for example `optimizer=nesterov momentum=0`).
  case optimizer(OptimizerError)
  /// A checkpoint or batch file of `recur probe` is missing or bad, or a file cannot be written.
  case checkpoint(CheckpointError)
  /// The engine refused the model or a batch (for example a batch that does not fit the model).
  case engine(EngineError)
  /// The trial would need more memory than the machine has.
  case tooLarge(estimatedBytes: Double, availableBytes: Double)
  /// One pass over the probe's batch file with this model would need more memory than the
  /// machine has (the file holds few bytes per sequence step; the activations hold `G*H` each).
  case batchTooLarge(file: String, estimatedBytes: Double, availableBytes: Double)
  /// The caller's cancellation check returned true; `step` optimiser steps were done.
  case cancelled(step: Int)

  public var description: String {
    switch self {
    case .task(let error): error.description
    case .optimizer(let error): error.description
    case .checkpoint(let error): error.description
    case .engine(let error): error.description
    case .tooLarge(let estimated, let available):
      "this trial needs about \(Self.gigabytes(estimated)) of memory for its activations and "
        + "evaluation set, more than the \(Self.gigabytes(available)) of this machine: lower "
        + "seq_len, batch, hidden or layers"
    case .batchTooLarge(let file, let estimated, let available):
      "\(file): one pass over this batch needs about \(Self.gigabytes(estimated)) of memory for "
        + "its activations, more than the \(Self.gigabytes(available)) of this machine: use a "
        + "batch with fewer sequences or time steps, or a smaller model"
    case .cancelled(let step):
      "the trial was cancelled after \(step) steps"
    }
  }

  private static func gigabytes(_ bytes: Double) -> String {
    let value = bytes / 1e9
    return value >= 10 ? "\(Int(value.rounded())) GB" : "\((value * 10).rounded() / 10) GB"
  }
}
