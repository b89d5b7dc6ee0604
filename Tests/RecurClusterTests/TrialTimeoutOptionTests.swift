import Foundation
import Testing

@testable import RecurCluster

/// The `--trial-timeout` setting: its bounds and how it is told to people.
@Suite struct TrialTimeoutOptionTests {
  static func options(timeout: Seconds?) -> CoordinatorOptions {
    CoordinatorOptions(
      resultsDirectory: URL(fileURLWithPath: "/nonexistent"), trialTimeout: timeout)
  }

  @Test(arguments: [nil, 1, 90, 600, 7200, 30 * 24 * 3600] as [Seconds?])
  func sensibleTimeoutsAreAccepted(_ timeout: Seconds?) throws {
    try Self.options(timeout: timeout).validate()
  }

  @Test(arguments: [0, -1, 0.5, 30 * 24 * 3600 + 1, .infinity, .nan] as [Seconds])
  func otherTimeoutsAreRefusedWithTheRange(_ timeout: Seconds) {
    #expect {
      try Self.options(timeout: timeout).validate()
    } throws: { error in
      "\(error)".contains("--trial-timeout must be between 1s and 720h (30 days)")
    }
  }

  @Test(
    arguments: [
      (2, "2s"), (1.5, "1.5s"), (59, "59s"), (90, "1m 30s"), (600, "10m 0s"),
      (7200, "2h 0m 0s"), (3723, "1h 2m 3s"),
    ] as [(Seconds, String)])
  func durationsAreWrittenForPeople(_ seconds: Seconds, _ text: String) {
    #expect(Coordinator.describe(seconds: seconds) == text)
  }

  @Test func theErrorSaysWhatHappenedWhereAndThatItWasCancelled() {
    #expect(
      Coordinator.timeoutMessage(limit: 600, worker: "gpu-01")
        == "ran longer than the trial timeout of 10m 0s on worker gpu-01; cancelled")
  }
}
