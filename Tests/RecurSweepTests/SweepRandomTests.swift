import Testing

@testable import RecurSweep

@Suite struct SweepRandomTests {
  /// SplitMix64's first output for state 0 (Vigna's reference implementation, splitmix64.c).
  @Test func mixMatchesTheReferenceSplitMix64() {
    #expect(SweepRandom.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
  }

  @Test func streamsDependOnSeedDrawAndKey() {
    var a = SweepRandom(seed: 1, draw: 0, key: "lr")
    var b = SweepRandom(seed: 1, draw: 0, key: "lr")
    #expect(a.next() == b.next())
    var otherDraw = SweepRandom(seed: 1, draw: 1, key: "lr")
    var otherKey = SweepRandom(seed: 1, draw: 0, key: "hidden")
    var otherSeed = SweepRandom(seed: 2, draw: 0, key: "lr")
    let value = a.next()
    #expect(Set([value, otherDraw.next(), otherKey.next(), otherSeed.next()]).count == 4)
  }

  @Test(arguments: [
    (0.00123456789, 0.00123457), (123456789.0, 123457000.0), (-2.5e-7, -2.5e-7),
    (0.1 + 0.2, 0.3), (1.0, 1.0), (9.999995, 10.0),
  ])
  func significantDigitsRoundToTheNearestShortDecimal(value: Double, rounded: Double) {
    #expect(SignificantDigits.round(value, to: 6) == rounded)
  }

  @Test func boundedIntegersCoverTheirRangeWithoutBias() {
    var random = SweepRandom(seed: 9, draw: 0, key: "k")
    var counts = [Int](repeating: 0, count: 3)
    for _ in 0..<3000 { counts[Int(random.int(below: 3))] += 1 }
    #expect(counts.allSatisfy { $0 > 900 && $0 < 1100 })
  }

  @Test(arguments: [("cell", "cel"), ("grid", "gird"), ("distribution", "distrib")])
  func suggestionsCatchTyposSwapsAndPrefixes(name: String, typo: String) {
    #expect(
      Suggestion.closest(to: typo, among: ["cell", "grid", "distribution", "hidden"]) == name)
  }

  @Test func unrelatedWordsGetNoSuggestion() {
    #expect(Suggestion.closest(to: "colour", among: ["cell", "grid", "hidden"]) == nil)
  }
}
