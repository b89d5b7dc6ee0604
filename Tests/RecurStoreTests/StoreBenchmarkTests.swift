import Foundation
import RecurStore
import Testing

@Suite struct StoreBenchmarkTests {
  @Test(arguments: Durability.allCases)
  func theBenchmarkRunsEveryTrialAndCleansUp(durability: Durability) throws {
    let fixture = StoreFixture()
    let figures = try StoreBenchmark.run(
      trials: 300, batchSize: 32, durability: durability, directory: fixture.directory)
    #expect(figures.trials == 300)
    #expect(figures.perTrialMicroseconds > 0 && figures.perTrialMicroseconds.isFinite)
    let counts = try fixture.reader().statusCounts()
    #expect(counts.finished == 300 && counts.attempts == 300)
  }
}
