import RecurSweep
import Testing

/// Lists as long as `max_trials` allows are read in one pass: duplicates are found through a
/// set. (Each value compared with all the earlier ones took minutes at 90,000 seeds: a valid
/// file that hung `recur sweep validate` and the coordinator.)
@Suite struct LongListTests {
  static let count = 100_000

  static func list(_ values: [Int]) -> String {
    "[" + values.map(String.init).joined(separator: ", ") + "]"
  }

  @Test func aHundredThousandSeedsValidate() throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head + "seeds: \(Self.list(Array(0..<Self.count)))\n")
    #expect(sweep.trialCount == Self.count)
  }

  @Test func aHundredThousandValuesValidate() throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head + "parameters:\n  seed: {values: \(Self.list(Array(0..<Self.count)))}\n")
    #expect(sweep.trialCount == Self.count)
  }

  @Test func duplicatesInALongListAreEachReported() {
    let values = Array(0..<Self.count) + [7, 99_999]
    let problems = SweepTesting.problems(
      SweepTesting.head + "parameters:\n  seed: {values: \(Self.list(values))}\n"
    )
    let duplicates = problems.filter { $0.contains("appears twice in values") }
    #expect(duplicates.count == 2)
    #expect(
      duplicates.first?.hasSuffix("seed: 7 appears twice in values; expected each value once")
        == true)
    let seedProblems = SweepTesting.problems(
      SweepTesting.head + "seeds: \(Self.list(values))\n")
    #expect(seedProblems.filter { $0.contains("appears twice") }.count == 2)
  }
}
