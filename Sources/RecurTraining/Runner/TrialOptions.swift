import RecurTasks

/// How a trial runs in this process, apart from the trial keys themselves: where relative data
/// paths are found and how large the held-out set is.
///
/// These settings belong to the process (a worker or `recur run`), not to the trial: they do
/// not enter the trial id. The evaluation set size does change the evaluation losses, so every
/// process of one sweep must use the same value (the default, unless told otherwise).
public struct TrialOptions: Sendable, Equatable {
  /// The folder a relative `data` path is resolved against; nil means the working directory.
  /// Absolute paths are used as they are.
  public var dataDirectory: String?
  /// Held-out sequences of the evaluation set (see `SequenceTask.defaultEvaluationSequences`).
  public var evaluationSequences: Int

  public init(
    dataDirectory: String? = nil,
    evaluationSequences: Int = SequenceTask.defaultEvaluationSequences
  ) {
    self.dataDirectory = dataDirectory
    self.evaluationSequences = evaluationSequences
  }

  /// The path of a trial's `data` file as this process opens it.
  public func resolve(dataPath path: String) -> String {
    guard let dataDirectory, !path.hasPrefix("/"), !dataDirectory.isEmpty else { return path }
    return dataDirectory.hasSuffix("/") ? dataDirectory + path : dataDirectory + "/" + path
  }
}
