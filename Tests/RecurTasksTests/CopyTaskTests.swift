import Foundation
import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct CopyTaskTests {
  @Test(arguments: [1, 2, 30])
  func sequencesHoldSymbolsBlanksDelimiterAndRecallTargets(seqLen: Int) throws {
    var task = try makeTask(name: .copy, seqLen: seqLen, seed: 9)
    #expect(task.steps == seqLen + 20)
    #expect(task.inputSize == 10 && task.outputSize == 9 && task.loss == .ceAll)
    let batch = task.trainingBatch(size: 50)
    let labels = labels(batch)
    #expect(labels.count == (seqLen + 20) * 50)
    for b in 0..<batch.size {
      let symbols = try inputs(of: b, in: batch).map { try #require(hotIndex($0)) }
      let shown = Array(symbols[0..<10])
      #expect(shown.allSatisfy { (1...8).contains($0) })
      #expect(symbols[10..<(seqLen + 9)].allSatisfy { $0 == 0 })  // T - 1 blanks
      #expect(symbols[seqLen + 9] == 9)  // the delimiter
      #expect(symbols[(seqLen + 10)...].allSatisfy { $0 == 0 })  // 10 blanks
      let target = (0..<(seqLen + 20)).map { Int(labels[$0 * batch.size + b]) }
      #expect(target[0..<(seqLen + 10)].allSatisfy { $0 == 0 })
      #expect(Array(target[(seqLen + 10)...]) == shown)
    }
  }

  @Test func memorylessPredictorScoresTenLnEightOverLength() throws {
    let seqLen = 40
    var task = try makeTask(name: .copy, seqLen: seqLen, seed: 2)
    let baseline = 10 * log(8.0) / Double(seqLen + 20)
    #expect(abs(task.baselineLoss - baseline) < 1e-12)
    let batch = task.trainingBatch(size: 4000)
    #expect(abs(task.trivialLoss(on: [batch]) - baseline) < 1e-12)
    // The best memoryless predictor uses each step's label frequencies: its loss is the mean
    // over steps of their entropy, which must come out at 10 ln 8 / (T + 20).
    let labels = labels(batch)
    let perStep = (0..<task.steps).map { t in
      empiricalEntropy(Array(labels[(t * 4000)..<((t + 1) * 4000)]))
    }
    let memoryless = perStep.reduce(0, +) / Double(task.steps)
    #expect(abs(memoryless - baseline) < 0.01 * baseline)
  }

  @Test func symbolsAreUniformOverEight() throws {
    var task = try makeTask(name: .copy, seqLen: 5, seed: 3)
    let batch = task.trainingBatch(size: 2000)
    let shown = labels(batch).filter { $0 != 0 }
    #expect(shown.count == 20_000)
    let counts = Dictionary(shown.map { ($0, 1) }, uniquingKeysWith: +)
    #expect(counts.keys.sorted() == Array(1...8))
    #expect(counts.values.allSatisfy { abs(Double($0) - 2500) < 200 })  // sd ≈ 47
  }
}
