import Foundation

/// Unbuffered writes to stdout and stderr, so that a progress line redrawn with `\r` shows at
/// once and lines of both streams keep their order.
enum StandardStreams {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// True when stdout is a terminal (then progress is one line redrawn in place).
  static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}
