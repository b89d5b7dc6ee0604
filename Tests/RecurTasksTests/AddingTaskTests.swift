import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct AddingTaskTests {
  @Test(arguments: [2, 7, 10, 101])
  func markersFallOnceInEachHalfAndTargetIsTheirSum(seqLen: Int) throws {
    var task = try makeTask(name: .adding, seqLen: seqLen, seed: 5)
    #expect(task.inputSize == 2 && task.outputSize == 1 && task.loss == .mseLast)
    #expect(task.steps == seqLen)
    let batch = task.trainingBatch(size: 300)
    let targets = values(batch)
    #expect(targets.count == 300)
    var firstSeen = Set<Int>()
    var secondSeen = Set<Int>()
    for b in 0..<batch.size {
      let rows = inputs(of: b, in: batch)
      #expect(rows.allSatisfy { $0[0] >= 0 && $0[0] < 1 })
      let marked = rows.indices.filter { rows[$0][1] == 1 }
      #expect(rows.allSatisfy { $0[1] == 0 || $0[1] == 1 })
      try #require(marked.count == 2)
      #expect(Double(marked[0]) < Double(seqLen) / 2)
      #expect(Double(marked[1]) >= Double(seqLen) / 2)
      firstSeen.insert(marked[0])
      secondSeen.insert(marked[1])
      #expect(targets[b] == rows[marked[0]][0] + rows[marked[1]][0])
      #expect(targets[b] >= 0 && targets[b] < 2)
    }
    if seqLen <= 10 {  // every position of each half occurs in 300 draws
      #expect(firstSeen == Set(0..<(seqLen / 2)))
      #expect(secondSeen == Set((seqLen - seqLen / 2)..<seqLen))
    }
  }

  @Test func constantOnePredictorScoresOneSixth() throws {
    var task = try makeTask(name: .adding, seqLen: 10, seed: 1)
    #expect(task.baselineLoss == 1.0 / 6.0)
    #expect(abs(task.solvedThreshold - 1.0 / 60.0) < 1e-15)
    let batches = (0..<10).map { _ in task.trainingBatch(size: 1000) }
    let mse = task.trivialLoss(on: batches)
    // (s - 1)^2 has sd ≈ 0.197: the standard error over 10,000 sums is 0.002.
    #expect(abs(mse - 1.0 / 6.0) < 0.01)
    let sums = batches.flatMap(values).map(Double.init)
    let direct = sums.map { ($0 - 1) * ($0 - 1) }.reduce(0, +) / Double(sums.count)
    #expect(abs(direct - mse) < 1e-12)
  }
}
