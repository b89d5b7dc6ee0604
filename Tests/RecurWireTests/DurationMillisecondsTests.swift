import Testing

@testable import RecurWire

@Suite struct DurationMillisecondsTests {
  @Test func durationsBecomeWholeMillisecondsRoundedUp() {
    #expect(Duration.seconds(1).clampedMilliseconds == 1000)
    #expect(Duration.microseconds(1).clampedMilliseconds == 1)
    #expect(Duration.microseconds(1500).clampedMilliseconds == 2)
    #expect(Duration.zero.clampedMilliseconds == 0)
    #expect(Duration.seconds(-3).clampedMilliseconds == 0)
    #expect(Duration.seconds(Int64.max / 2).clampedMilliseconds == Int32.max)
  }

  @Test func noLimitIsMinusOne() {
    #expect((nil as Duration?).zmqMilliseconds == -1)
    #expect((Duration.milliseconds(7) as Duration?).zmqMilliseconds == 7)
  }
}
