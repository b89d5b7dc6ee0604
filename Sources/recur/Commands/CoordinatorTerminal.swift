import Foundation
import Logging

/// The command line's output for the cluster commands: plain lines, or, on a terminal, a live
/// block redrawn in place at the bottom with log lines printed above it (as cargo and apt
/// draw their progress).
///
/// Thread-safe: log lines may come from any thread.
final class Terminal: @unchecked Sendable {
  /// Whether standard output is a terminal (then the live block is drawn).
  let isInteractive: Bool
  private let lock = NSLock()
  private var block: [String] = []

  init(interactive: Bool = isatty(STDOUT_FILENO) == 1) {
    isInteractive = interactive
  }

  /// Prints a line on standard output (above the live block, if any).
  func line(_ text: String) {
    lock.withLock { writeAbove(text + "\n", to: FileHandle.standardOutput) }
  }

  /// Prints a line on standard error (above the live block, if any).
  func errorLine(_ text: String) {
    lock.withLock { writeAbove(text + "\n", to: FileHandle.standardError) }
  }

  /// Replaces the live block (terminal only).
  func draw(_ lines: [String]) {
    guard isInteractive else { return }
    lock.withLock {
      var text = erase()
      text += lines.map { $0 + "\u{1B}[K\n" }.joined()
      block = lines
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// Removes the live block, leaving the lines printed above it.
  func clear() {
    guard isInteractive else { return }
    lock.withLock {
      FileHandle.standardOutput.write(Data(erase().utf8))
      block = []
    }
  }

  private func writeAbove(_ text: String, to handle: FileHandle) {
    guard isInteractive, !block.isEmpty else {
      handle.write(Data(text.utf8))
      return
    }
    FileHandle.standardOutput.write(Data(erase().utf8))
    handle.write(Data(text.utf8))
    FileHandle.standardOutput.write(Data(block.map { $0 + "\u{1B}[K\n" }.joined().utf8))
  }

  /// The escape sequence that moves up over the block and clears to the end of the screen.
  private func erase() -> String {
    block.isEmpty ? "" : "\u{1B}[\(block.count)F\u{1B}[J"
  }
}

/// swift-log's handler for the cluster commands: `LEVEL: message` on standard error, through
/// the `Terminal` so that the live view stays intact.
struct TerminalLogHandler: LogHandler {
  let terminal: Terminal
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    terminal.errorLine("\(event.level): \(event.message)")
  }

  /// Routes every logger of the process to `terminal` (once per process).
  static func bootstrap(_ terminal: Terminal, level: Logger.Level) {
    LoggingSystem.bootstrap { _ in TerminalLogHandler(terminal: terminal, logLevel: level) }
  }
}
