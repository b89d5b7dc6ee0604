import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM for a command that must stop cleanly: the first signal asks it to
/// stop, and the handler decides what a second one does (usually: exit at once).
///
/// Signals are delivered through dispatch sources on a global queue, so the handler runs on a
/// thread of its own, never inside the interrupted code (unlike a C signal handler).
public final class SignalTrap: @unchecked Sendable {
  private let lock = NSLock()
  private var sources: [DispatchSourceSignal] = []
  private var received = 0
  private let signals: [Int32]

  /// Starts catching `signals`; `handler` gets the signal and how many were caught so far
  /// (1 for the first).
  public init(
    _ signals: [Int32] = [SIGINT, SIGTERM],
    handler: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void
  ) {
    self.signals = signals
    for number in signals {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in
        guard let self else { return }
        let count = self.lock.withLock {
          self.received += 1
          return self.received
        }
        handler(number, count)
      }
      source.resume()
      sources.append(source)
    }
  }

  deinit {
    cancel()
  }

  /// Stops catching: the signals have their default effect again.
  public func cancel() {
    let current = lock.withLock {
      defer { sources = [] }
      return sources
    }
    for source in current { source.cancel() }
    if !current.isEmpty {
      for number in signals { signal(number, SIG_DFL) }
    }
  }
}
