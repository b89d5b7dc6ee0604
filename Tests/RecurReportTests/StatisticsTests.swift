import Foundation
import Testing

@testable import RecurReport

@Suite struct StatisticsTests {
  @Test func meanStandardDeviationAndMedianOfASample() throws {
    let values = [2.0, 4, 4, 4, 5, 5, 7, 9]
    #expect(Statistics.mean(values) == 5)
    // Σ(x − 5)² = 32, n − 1 = 7.
    let std = try #require(Statistics.standardDeviation(values))
    #expect(abs(std - (32.0 / 7).squareRoot()) < 1e-12)
    #expect(Statistics.median(values) == 4.5)
    #expect(Statistics.median([3, 1, 2]) == 2)
  }

  @Test func nonFiniteValuesAreIgnored() {
    let values = [1.0, .nan, 3, .infinity, -.infinity]
    #expect(Statistics.mean(values) == 2)
    #expect(Statistics.median(values) == 2)
    #expect(Statistics.standardDeviation([1, .nan]) == nil)
    #expect(Statistics.mean([.nan]) == nil)
  }

  @Test func geometricMeanOfRatios() throws {
    let mean = try #require(Statistics.geometricMean([0.1, 0.01, 1]))
    #expect(abs(mean - 0.1) < 1e-12)
    #expect(Statistics.geometricMean([0.5, 0]) == 0)
    #expect(Statistics.geometricMean([-1, 4]) == 4)
    #expect(Statistics.geometricMean([]) == nil)
    let huge = try #require(Statistics.geometricMean([1e300, 1e300]))
    #expect(abs(huge / 1e300 - 1) < 1e-9)
  }

  @Test func slopeOfALine() throws {
    let slope = try #require(Statistics.slope(x: [0, 1, 2, 3], y: [1, 3, 5, 7]))
    #expect(abs(slope - 2) < 1e-12)
    #expect(Statistics.slope(x: [1, 1], y: [1, 2]) == nil)
    #expect(Statistics.slope(x: [1], y: [1]) == nil)
  }

  @Test func logSlopeSkipsMissingAndNonPositiveEntries() throws {
    let slope = try #require(Statistics.logSlope([1, 2, nil, 8, 0, 32]))
    #expect(abs(slope - log(2)) < 1e-12)
    #expect(Statistics.logSlope([nil, 3]) == nil)
  }
}
