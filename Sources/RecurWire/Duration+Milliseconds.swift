extension Duration {
  /// Whole milliseconds, rounded up so that a short positive wait never becomes 0 (no wait),
  /// clamped to Int32 as libzmq's millisecond options and `zmq_poll` expect.
  var clampedMilliseconds: Int32 {
    let (seconds, attoseconds) = components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    let perMillisecond: Int64 = 1_000_000_000_000_000
    let fraction = (attoseconds + perMillisecond - 1) / perMillisecond
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
    guard !overflow else { return Int32.max }
    return Int32(clamping: scaled + fraction)
  }
}

extension Optional where Wrapped == Duration {
  /// Milliseconds for libzmq, where -1 means "no limit" (nil).
  var zmqMilliseconds: Int32 {
    self?.clampedMilliseconds ?? -1
  }
}
