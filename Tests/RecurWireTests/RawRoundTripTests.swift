import Testing

@testable import RecurWire

@Suite struct RawRoundTripTests {
  @Test func measuresTheRoundTripsItWasAskedFor() throws {
    let result = try RawRoundTrip.measure(count: 300, payloadBytes: 32, warmUp: 20)
    #expect(result.roundTrips == 300)
    #expect(result.payloadBytes == 32)
    #expect(result.wallSeconds > 0)
    #expect(result.roundTripsPerSecond > 0)
    #expect(result.microsecondsPerRoundTrip > 0)
  }

  @Test func refusesMeaninglessCounts() {
    #expect(throws: WireError.self) { try RawRoundTrip.measure(count: 0) }
  }
}
