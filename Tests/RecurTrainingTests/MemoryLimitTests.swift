import Foundation
import Testing

@testable import RecurTraining

/// The memory a trial may use is the machine's, or a control group's limit when lower (a
/// container or a Slurm job kills a process that goes past it instead of refusing the trial).
@Suite struct MemoryLimitTests {
  @Test(
    arguments: [
      ("8589934592\n", 8_589_934_592.0), ("max\n", nil), ("9223372036854771712\n", nil),
      ("", nil), ("garbage", nil), ("0\n", nil), ("-1", nil),
    ] as [(String, Double?)])
  func aCgroupFileGivesItsLimitOrNone(text: String, limit: Double?) {
    #expect(MemoryEstimate.limit(fromCgroupText: text) == limit)
  }

  @Test func theAvailableMemoryIsAtMostTheMachines() {
    let available = MemoryEstimate.availableBytes
    #expect(available > 0)
    #expect(available <= Double(ProcessInfo.processInfo.physicalMemory))
  }
}
