import Foundation

/// Asks a running coordinator or worker to stop, from any thread (a signal handler's queue).
/// The loop checks it at least every `Coordinator.stopCheckInterval`.
public final class StopSignal: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = 0

  public init() {}

  /// Raises the signal; returns how many times it has been raised, this time included.
  @discardableResult
  public func raise() -> Int {
    lock.withLock {
      raised += 1
      return raised
    }
  }

  /// Whether the signal was raised.
  public var isRaised: Bool { lock.withLock { raised > 0 } }
}
