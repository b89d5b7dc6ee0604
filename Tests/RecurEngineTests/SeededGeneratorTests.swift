import Testing

@testable import RecurEngine

@Suite struct SeededGeneratorTests {
  @Test func sameSeedGivesSameSequence() {
    var a = SeededGenerator(seed: 42)
    var b = SeededGenerator(seed: 42)
    let xs = (0..<100).map { _ in a.next() }
    let ys = (0..<100).map { _ in b.next() }
    #expect(xs == ys)
  }

  @Test func streamsOfOneSeedDiffer() {
    var a = SeededGenerator(seed: 7, stream: 0)
    var b = SeededGenerator(seed: 7, stream: 1)
    #expect((0..<8).map { _ in a.next() } != (0..<8).map { _ in b.next() })
  }

  @Test func floatsStayInUnitIntervalWithMeanOneHalf() {
    var g = SeededGenerator(seed: 3)
    var sum = 0.0
    for _ in 0..<100_000 {
      let x = g.nextFloat()
      #expect(x >= 0 && x < 1)
      sum += Double(x)
    }
    #expect(abs(sum / 100_000 - 0.5) < 0.005)
  }

  @Test func normalDrawsHaveUnitVariance() {
    var g = SeededGenerator(seed: 11)
    let n = 100_000
    let xs = (0..<n).map { _ in g.normal() }
    let mean = xs.reduce(0, +) / Double(n)
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
    #expect(abs(mean) < 0.02)
    #expect(abs(variance - 1) < 0.02)
  }

  @Test(arguments: [1, 2, 3, 10, 1000])
  func integersCoverTheirRange(bound: Int) {
    var g = SeededGenerator(seed: UInt64(bound))
    var seen = Set<Int>()
    for _ in 0..<(bound * 50) {
      let x = g.int(below: bound)
      #expect(x >= 0 && x < bound)
      seen.insert(x)
    }
    #expect(seen.count == bound)
  }
}
