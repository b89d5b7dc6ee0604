/// Reconnection delays that double after each failure up to a ceiling, as the Paranoid
/// Pirate worker does (ZeroMQ Guide, chapter 4: INTERVAL_INIT 1 s, INTERVAL_MAX 32 s).
public struct Backoff: Sendable, Equatable {
  /// The first delay; 0.1–1 s is reasonable.
  public let initial: Seconds
  /// The largest delay; 5–32 s is reasonable.
  public let maximum: Seconds
  public private(set) var current: Seconds

  public init(initial: Seconds = 0.25, maximum: Seconds = 8) {
    precondition(initial > 0 && maximum >= initial, "need 0 < initial <= maximum")
    self.initial = initial
    self.maximum = maximum
    self.current = initial
  }

  /// The delay to wait now; the next one will be twice as long, up to `maximum`.
  public mutating func next() -> Seconds {
    let delay = current
    current = min(current * 2, maximum)
    return delay
  }

  /// Back to the first delay, after a successful contact.
  public mutating func reset() {
    current = initial
  }
}
