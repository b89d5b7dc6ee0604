/// Why a task could not be built; each description names what is wrong and what is expected.
public enum TaskError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No task has this name.
  case unknownTask(String)
  /// `seq_len` outside `TaskName.seqLenRange` of the task.
  case seqLenOutOfRange(task: TaskName, seqLen: Int, allowed: ClosedRange<Int>)
  /// The held-out set must hold from 1 to `SequenceTask.maximumEvaluationSequences` sequences.
  case evaluationSizeOutOfRange(Int)
  /// The `charlm` text file does not exist.
  case dataFileMissing(path: String)
  /// The `charlm` text file exists but cannot be read (a folder, no permission, …).
  case dataFileUnreadable(path: String, reason: String)
  /// The `charlm` text file has no characters.
  case dataFileEmpty(path: String)
  /// The `charlm` text file is larger than `CharLMTask.maximumFileBytes`.
  case dataFileTooLarge(path: String, bytes: Int, limit: Int)
  /// The `charlm` text file is not UTF-8; `byteOffset` is where decoding failed.
  case dataFileNotUTF8(path: String, byteOffset: Int)
  /// The text holds fewer than `needed` characters for this `seq_len`.
  case dataFileTooShort(path: String, characters: Int, needed: Int, seqLen: Int)
  /// The text uses fewer than two distinct characters: there is nothing to predict.
  case alphabetTooSmall(path: String, distinct: Int)
  /// The text uses more distinct characters than `CharLMTask.maximumAlphabet`.
  case alphabetTooLarge(path: String, distinct: Int, limit: Int)

  public var description: String {
    switch self {
    case .unknownTask(let name):
      let names = TaskName.allCases.map(\.rawValue).joined(separator: ", ")
      return "unknown task '\(name)': expected one of \(names)"
    case .seqLenOutOfRange(let task, let seqLen, let allowed):
      return "seq_len=\(seqLen) is out of range for task \(task.rawValue): expected an integer"
        + " from \(allowed.lowerBound) to \(allowed.upperBound) (\(task.seqLenReason))"
    case .evaluationSizeOutOfRange(let count):
      return "an evaluation set of \(count) sequences is out of range: expected an integer from 1"
        + " to \(SequenceTask.maximumEvaluationSequences)"
    case .dataFileMissing(let path):
      return "data file '\(path)' does not exist: name a UTF-8 text file with data=PATH"
        + " (the repository ships \(CharLMTask.defaultDataPath))"
    case .dataFileUnreadable(let path, let reason):
      return "cannot read data file '\(path)' (\(reason)): name a readable UTF-8 text file"
        + " with data=PATH"
    case .dataFileEmpty(let path):
      return "data file '\(path)' is empty: charlm needs a UTF-8 text of at least"
        + " 10 x (seq_len + 1) characters"
    case .dataFileTooLarge(let path, let bytes, let limit):
      return "data file '\(path)' has \(bytes) bytes; charlm reads at most \(limit) bytes:"
        + " use an excerpt"
    case .dataFileNotUTF8(let path, let offset):
      return "data file '\(path)' is not valid UTF-8 (bad byte at offset \(offset)):"
        + " convert it first, e.g. iconv -f LATIN1 -t UTF-8"
    case .dataFileTooShort(let path, let characters, let needed, let seqLen):
      return "data file '\(path)' has \(characters) characters; charlm with seq_len=\(seqLen)"
        + " needs at least \(needed) (the last 10% is held out, and it must hold one sequence"
        + " of seq_len + 1 characters): use a longer text or a smaller seq_len"
    case .alphabetTooSmall(let path, let distinct):
      return "data file '\(path)' uses \(distinct) distinct character(s); charlm needs at"
        + " least 2, or there is nothing to predict"
    case .alphabetTooLarge(let path, let distinct, let limit):
      return "data file '\(path)' uses \(distinct) distinct characters; charlm supports at"
        + " most \(limit) (one input and one output per character)"
    }
  }
}
