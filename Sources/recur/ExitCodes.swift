import ArgumentParser

/// Exit codes, following sysexits(3); every command maps its errors through these.
extension ExitCode {
  /// Bad command-line usage: unknown option, key or value.
  static let usage = ExitCode(64)
  /// A bad input file: sweep file, checkpoint, batch file, results store.
  static let badInput = ExitCode(65)
  /// A file or folder that does not exist.
  static let missingFile = ExitCode(66)
  /// The coordinator could not be reached.
  static let unavailable = ExitCode(69)
  /// An internal error: a bug of ours.
  static let software = ExitCode(70)
  /// Reading or writing a file failed (disk full, I/O error).
  static let ioError = ExitCode(74)
  /// The peer speaks another protocol version.
  static let protocolMismatch = ExitCode(76)
  /// The peer refused this process's credentials (CURVE key not authorised).
  static let notAuthorised = ExitCode(77)
}
