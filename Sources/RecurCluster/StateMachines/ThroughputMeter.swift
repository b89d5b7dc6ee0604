/// Trials finished per hour over a recent window, and the time left at that rate, for the
/// coordinator's live view.
///
/// Outcomes are counted in one-second buckets of a ring covering `window` seconds, so memory
/// stays constant whatever the rate (a no-op sweep ends thousands of trials a second).
public struct ThroughputMeter: Sendable {
  /// Seconds of history the rate is computed over; 60–900 is reasonable.
  public let window: Int
  private var buckets: [Int]
  private var latestSecond: Int?
  private var firstSecond: Int?

  public init(window: Int = 300) {
    precondition(window >= 1, "the window holds at least one second")
    self.window = window
    self.buckets = Array(repeating: 0, count: window)
  }

  /// Counts `count` outcomes at `now`.
  public mutating func record(_ count: Int = 1, at now: Seconds) {
    let second = Int(now.rounded(.down))
    advance(to: second)
    if firstSecond == nil { firstSecond = second }
    buckets[Self.index(second, window)] += count
  }

  /// Outcomes per hour over the window (or since the first outcome, if more recent); nil
  /// before any outcome.
  public func perHour(at now: Seconds) -> Double? {
    guard let firstSecond, let latestSecond else { return nil }
    let second = Int(now.rounded(.down))
    let oldest = max(firstSecond, second - window + 1)
    var total = 0
    if second - latestSecond < window {
      for s in max(oldest, latestSecond - window + 1)...latestSecond {
        total += buckets[Self.index(s, window)]
      }
    }
    let span = max(1, now - Double(oldest))
    return Double(total) / span * 3600
  }

  /// Seconds until `remaining` more outcomes at the current rate; nil without a rate.
  public func secondsLeft(remaining: Int, at now: Seconds) -> Seconds? {
    guard remaining > 0 else { return 0 }
    guard let rate = perHour(at: now), rate > 0 else { return nil }
    return Double(remaining) / rate * 3600
  }

  /// Clears the buckets of the seconds between the latest count and `second`.
  private mutating func advance(to second: Int) {
    guard let latest = latestSecond else {
      latestSecond = second
      return
    }
    guard second > latest else { return }
    if second - latest >= window {
      for i in buckets.indices { buckets[i] = 0 }
    } else {
      for s in (latest + 1)...second { buckets[Self.index(s, window)] = 0 }
    }
    latestSecond = second
  }

  private static func index(_ second: Int, _ window: Int) -> Int {
    ((second % window) + window) % window
  }
}
