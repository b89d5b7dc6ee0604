import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The width a terminal table may take.
enum TerminalWidth {
  /// `COLUMNS` when set to a positive number (the user's explicit choice), else the width of
  /// the terminal standard output is connected to (ioctl TIOCGWINSZ), else nil: output that
  /// goes to a file or a pipe keeps every column.
  static func current() -> Int? {
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text),
      columns > 0
    {
      return columns
    }
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
      return nil
    }
    return Int(size.ws_col)
  }
}
