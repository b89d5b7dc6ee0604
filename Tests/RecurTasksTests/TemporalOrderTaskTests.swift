import Foundation
import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct TemporalOrderTaskTests {
  @Test(arguments: [6, 7, 9, 10, 15, 33, 100, 1001])
  func markerWindowsAreExactlyTheIntegersOfTheirIntervals(seqLen: Int) {
    let task = TemporalOrderTask(seqLen: seqLen)
    let t = Double(seqLen)
    #expect(
      task.firstWindow
        == (0..<seqLen).filter { Double($0) >= 0.1 * t && Double($0) < 0.2 * t }.range)
    #expect(
      task.secondWindow
        == (0..<seqLen).filter { Double($0) >= 0.5 * t && Double($0) < 0.6 * t }.range)
    #expect(!task.firstWindow.isEmpty && !task.secondWindow.isEmpty)
  }

  @Test(arguments: [6, 15, 100])
  func oneMarkerInEachWindowDistractorsElsewhereAndClassIsTheirOrder(seqLen: Int) throws {
    var task = try makeTask(name: .temporalOrder, seqLen: seqLen, seed: 4)
    #expect(task.inputSize == 6 && task.outputSize == 4 && task.loss == .ceLast)
    let batch = task.trainingBatch(size: 400)
    let labels = labels(batch)
    let t = Double(seqLen)
    for b in 0..<batch.size {
      let symbols = try inputs(of: b, in: batch).map { try #require(hotIndex($0)) }
      let markers = symbols.indices.filter { symbols[$0] < 2 }
      try #require(markers.count == 2)
      #expect(Double(markers[0]) >= 0.1 * t && Double(markers[0]) < 0.2 * t)
      #expect(Double(markers[1]) >= 0.5 * t && Double(markers[1]) < 0.6 * t)
      #expect(symbols.allSatisfy { (0...5).contains($0) })
      #expect(Int(labels[b]) == 2 * symbols[markers[0]] + symbols[markers[1]])
    }
  }

  @Test func classesAreUniformSoTheBaselineIsLnFour() throws {
    var task = try makeTask(name: .temporalOrder, seqLen: 20, seed: 8)
    #expect(abs(task.baselineLoss - log(4.0)) < 1e-15)
    let labels = labels(task.trainingBatch(size: 20_000))
    #expect(Set(labels) == [0, 1, 2, 3])
    // The best predictor without memory answers the class frequencies: its loss is their
    // entropy, within sampling error (~1e-4 here) of ln 4.
    #expect(abs(empiricalEntropy(labels) - log(4.0)) < 0.002)
    #expect(task.trivialLoss(on: [task.trainingBatch(size: 3)]) == log(4.0))
  }
}

extension Array where Element == Int {
  /// The range these consecutive integers span.
  fileprivate var range: Range<Int> { (first ?? 0)..<((last ?? -1) + 1) }
}
