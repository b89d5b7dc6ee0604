import ArgumentParser
import RecurEngine
import RecurTasks
import RecurTraining

extension ExitCode {
  /// An output file or folder that cannot be created (sysexits EX_CANTCREAT).
  static let cannotCreate = ExitCode(73)
}

extension TrainingError {
  /// The exit code of `recur run` and `recur probe` for this error (sysexits): a bad key value
  /// or combination 64, a missing or unreadable file 66, a bad input file 65, an unwritable output 73.
  var exitCode: ExitCode {
    switch self {
    case .task(let error): Self.exitCode(error)
    case .optimizer, .tooLarge: .usage
    case .checkpoint(.fileNotFound): .missingFile
    case .checkpoint(.unwritable): .cannotCreate
    case .checkpoint, .engine, .batchTooLarge: .badInput
    case .cancelled: .software
    }
  }

  private static func exitCode(_ error: TaskError) -> ExitCode {
    switch error {
    case .unknownTask, .seqLenOutOfRange, .evaluationSizeOutOfRange: .usage
    // sysexits' EX_NOINPUT: "did not exist or was not readable".
    case .dataFileMissing, .dataFileUnreadable: .missingFile
    case .dataFileEmpty, .dataFileTooLarge, .dataFileNotUTF8,
      .dataFileTooShort, .alphabetTooSmall, .alphabetTooLarge:
      .badInput
    }
  }
}
