extension SequenceTask {
  /// The text `charlm` reads when no data file is named, relative to the repository root.
  public static let defaultDataPath = CharLMTask.defaultDataPath
  /// Held-out sequences when the caller does not choose: enough that the evaluation loss of a
  /// trial varies by a few percent at most between seeds of the same model.
  public static let defaultEvaluationSequences = 512
  /// The largest held-out set `makeTask` builds.
  public static let maximumEvaluationSequences = 1_000_000
}

/// Builds the task `name` with sequences of `seqLen` (see each task for what it means), both
/// data streams seeded by `seed`, and a held-out set of `evaluationSequences` sequences.
///
/// `dataPath` is the text of `charlm` (nil: `SequenceTask.defaultDataPath`, relative to the
/// current directory); the other tasks ignore it. Throws `TaskError` for a `seqLen` outside
/// `name.seqLenRange`, an `evaluationSequences` below 1 or above
/// `SequenceTask.maximumEvaluationSequences`, and a missing, unreadable, empty, non-UTF-8, too
/// short or too large text.
public func makeTask(
  name: TaskName, seqLen: Int, seed: UInt64, dataPath: String? = nil,
  evaluationSequences: Int = SequenceTask.defaultEvaluationSequences
) throws(TaskError) -> SequenceTask {
  guard name.seqLenRange.contains(seqLen) else {
    throw .seqLenOutOfRange(task: name, seqLen: seqLen, allowed: name.seqLenRange)
  }
  guard (1...SequenceTask.maximumEvaluationSequences).contains(evaluationSequences) else {
    throw .evaluationSizeOutOfRange(evaluationSequences)
  }
  let generator: any TaskGenerator =
    switch name {
    case .adding: AddingTask(seqLen: seqLen)
    case .copy: CopyTask(seqLen: seqLen)
    case .temporalOrder: TemporalOrderTask(seqLen: seqLen)
    case .sine: SineTask(seqLen: seqLen)
    case .mackeyGlass: MackeyGlassTask(seqLen: seqLen)
    case .charlm: try CharLMTask(seqLen: seqLen, path: dataPath ?? SequenceTask.defaultDataPath)
    }
  return SequenceTask(
    name: name, seqLen: seqLen, seed: seed, evaluationSequences: evaluationSequences,
    generator: generator)
}

/// `makeTask` for a task named by its sweep-file string; an unknown name throws
/// `TaskError.unknownTask` with the list of names.
public func makeTask(
  name: String, seqLen: Int, seed: UInt64, dataPath: String? = nil,
  evaluationSequences: Int = SequenceTask.defaultEvaluationSequences
) throws(TaskError) -> SequenceTask {
  try makeTask(
    name: TaskName(parsing: name), seqLen: seqLen, seed: seed, dataPath: dataPath,
    evaluationSequences: evaluationSequences)
}
