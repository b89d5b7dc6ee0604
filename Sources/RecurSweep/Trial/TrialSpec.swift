/// One trial, fully resolved: a task, a model, a training recipe and a seed.
///
/// Every property is a trial key of `recur run` and of sweep files (issue 3, "Trial keys").
/// The schema of the keys (names, types, allowed values, ranges, one-line docs) lives in one
/// table, `TrialKey.all`, which drives parsing `key=value` arguments, validating sweep values,
/// the canonical encoding and the trial id. The property initialisers below are the defaults;
/// `task` and `cell` have none and must always be given.
public struct TrialSpec: Hashable, Sendable {
  public var task: TrialTask
  /// T, time steps per sequence.
  public var seqLen: Int = 100
  public var cell: TrialCell
  /// H, units per recurrent layer.
  public var hidden: Int = 128
  public var layers: Int = 1
  public var optimizer: TrialOptimizer = .adam
  public var lr: Double = 1e-3
  public var momentum: Double = 0.9
  public var weightDecay: Double = 0
  public var batch: Int = 32
  public var steps: Int = 1000
  /// Global-norm clipping threshold; 0 turns clipping off.
  public var clip: Double = 0
  /// Element-wise clipping threshold; 0 turns it off.
  public var clipValue: Double = 0
  public var initializer: TrialInit = .default
  public var initScale: Double = 1
  public var forgetBias: Double = 0
  public var seed: Int = 1
  /// Evaluate every N steps and after the last step; 0 evaluates after the last step only.
  public var evalEvery: Int = 100
  /// Diagnose every N steps and before the first update; 0 never diagnoses.
  public var diagnoseEvery: Int = 100
  /// BLAS threads inside the trial's process.
  public var threads: Int = 1
  /// The text file of `charlm`, relative to the working directory of the process.
  public var data: String = TrialSpec.defaultDataPath

  /// The public-domain text shipped with the project for `charlm`.
  public static let defaultDataPath = "experiments/data/kjv-genesis-exodus.txt"

  /// A trial of `task` with `cell` and every other key at its default.
  public init(task: TrialTask, cell: TrialCell) {
    self.task = task
    self.cell = cell
  }
}
