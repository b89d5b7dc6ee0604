import Foundation
import Testing

/// `recur worker --count K` starts K processes: a count out of range is refused before any
/// starts (exit 64), so that a typo cannot fork tens of thousands of workers.
@Suite struct WorkerCountTests {
  @Test(arguments: ["0", "1025", "80000", "99999999999"])
  func aCountOutOfRangeIsAUsageError(count: String) throws {
    let harness = try ClusterHarness()
    let process = try harness.start(
      "workers", ["worker", "--connect", "tcp://127.0.0.1:1", "--count", count])
    #expect(process.waitForExit(timeout: 30) == 64, "\(process.tail)")
    #expect(process.output.contains("--count must be between 1 and 1024"), "\(process.tail)")
  }
}
