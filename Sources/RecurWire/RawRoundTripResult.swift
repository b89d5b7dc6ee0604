/// What `RawRoundTrip.measure` found.
public struct RawRoundTripResult: Sendable {
  /// Round trips timed (after the warm-up).
  public let roundTrips: Int
  /// Bytes of each request and reply payload.
  public let payloadBytes: Int
  /// Wall-clock time of the timed round trips.
  public let wallSeconds: Double
  /// CPU time of the whole process over the same span (both threads and libzmq's I/O
  /// threads), which drifts less than wall time on a shared machine.
  public let processCPUSeconds: Double

  public var roundTripsPerSecond: Double { Double(roundTrips) / wallSeconds }
  public var microsecondsPerRoundTrip: Double { wallSeconds * 1e6 / Double(roundTrips) }
  /// Process CPU time per round trip, both ends together.
  public var cpuMicrosecondsPerRoundTrip: Double { processCPUSeconds * 1e6 / Double(roundTrips) }
}
