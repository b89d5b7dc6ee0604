import Foundation
import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct SequenceTaskTests {
  static let textPath = repositoryRoot.appendingPathComponent(SequenceTask.defaultDataPath).path

  /// A small task of each kind.
  static func task(_ name: TaskName, seed: UInt64) throws -> SequenceTask {
    try makeTask(name: name, seqLen: 12, seed: seed, dataPath: textPath, evaluationSequences: 10)
  }

  @Test(arguments: TaskName.allCases)
  func sameSeedGivesTheSameBatches(name: TaskName) throws {
    var a = try Self.task(name, seed: 42)
    var b = try Self.task(name, seed: 42)
    for _ in 0..<3 { #expect(a.trainingBatch(size: 4) == b.trainingBatch(size: 4)) }
    #expect(a.evaluationSet(batchSize: 4) == b.evaluationSet(batchSize: 4))
    #expect(a.baselineLoss == b.baselineLoss)
  }

  @Test(arguments: TaskName.allCases)
  func differentSeedsGiveDifferentData(name: TaskName) throws {
    var a = try Self.task(name, seed: 1)
    var b = try Self.task(name, seed: 2)
    #expect(a.trainingBatch(size: 4) != b.trainingBatch(size: 4))
    #expect(a.evaluationSet(batchSize: 4) != b.evaluationSet(batchSize: 4))
  }

  @Test(arguments: TaskName.allCases)
  func trainingStreamMovesOnAndDiffersFromTheEvaluationSet(name: TaskName) throws {
    var task = try Self.task(name, seed: 7)
    let evaluation = Set(sequences(task.evaluationSet(batchSize: 10)))
    let first = task.trainingBatch(size: 10)
    let second = task.trainingBatch(size: 10)
    #expect(first != second)
    #expect(evaluation.isDisjoint(with: sequences([first, second])))
  }

  @Test(arguments: TaskName.allCases)
  func evaluationSetIsFixedWhateverTheBatchSize(name: TaskName) throws {
    var task = try Self.task(name, seed: 3)
    let whole = task.evaluationSet(batchSize: 10)
    _ = task.trainingBatch(size: 8)  // training does not move the held-out set
    let cut = task.evaluationSet(batchSize: 3)
    #expect(whole.count == 1 && cut.map(\.size) == [3, 3, 3, 1])
    #expect(sequences(whole) == sequences(cut))
    #expect(task.evaluationSet(batchSize: 10) == whole)
  }

  @Test(arguments: TaskName.allCases)
  func batchesHaveTheAdvertisedShapes(name: TaskName) throws {
    var task = try Self.task(name, seed: 5)
    let batch = task.trainingBatch(size: 6)
    #expect(batch.steps == task.steps && batch.size == 6 && batch.inputSize == task.inputSize)
    #expect(batch.targets.outputSize == task.outputSize)
    let perSequence = task.loss.isPerStep ? task.steps : 1
    switch batch.targets {
    case .values(let values, let outputs): #expect(values.count == perSequence * 6 * outputs)
    case .labels(let labels, let classes):
      #expect(labels.count == perSequence * 6)
      #expect(labels.allSatisfy { $0 >= 0 && Int($0) < classes })
    }
    #expect(
      task.loss.isClassification == (name != .adding && name != .sine && name != .mackeyGlass))
    #expect(task.solvedThreshold > 0 && task.solvedThreshold < task.baselineLoss)
  }

  @Test func unknownTaskNamesTheTasksThatExist() throws {
    #expect(throws: TaskError.unknownTask("addng")) {
      try makeTask(name: "addng", seqLen: 10, seed: 1)
    }
    #expect(
      TaskError.unknownTask("addng").description
        == "unknown task 'addng': expected one of adding, copy, temporal_order, sine,"
        + " mackey_glass, charlm")
    #expect(try makeTask(name: "temporal_order", seqLen: 10, seed: 1).name == .temporalOrder)
  }

  @Test(arguments: [
    (TaskName.adding, 1), (.adding, 0), (.copy, 0), (.copy, -3), (.temporalOrder, 5),
    (.sine, 0), (.mackeyGlass, 100_001), (.charlm, 0),
  ])
  func seqLenOutsideTheTasksRangeIsRefused(name: TaskName, seqLen: Int) {
    #expect(
      throws: TaskError.seqLenOutOfRange(task: name, seqLen: seqLen, allowed: name.seqLenRange)
    ) {
      try makeTask(name: name, seqLen: seqLen, seed: 1, dataPath: Self.textPath)
    }
  }

  @Test(arguments: [0, -1, 1_000_001])
  func evaluationSizeOutsideItsRangeIsRefused(count: Int) {
    #expect(throws: TaskError.evaluationSizeOutOfRange(count)) {
      try makeTask(name: .adding, seqLen: 10, seed: 1, evaluationSequences: count)
    }
  }

  @Test func seqLenErrorSaysWhatIsAllowedAndWhy() {
    let message = TaskError.seqLenOutOfRange(task: .adding, seqLen: 1, allowed: 2...100_000)
      .description
    #expect(
      message == "seq_len=1 is out of range for task adding: expected an integer from 2 to"
        + " 100000 (the two markers need a first and a second half)")
  }

  @Test func accuracyScoresArgmaxAndOnlyTheRecallStepsOfCopy() throws {
    var copy = try makeTask(name: .copy, seqLen: 3, seed: 1)
    let batch = copy.trainingBatch(size: 5)
    let labels = labels(batch)
    var perfect = [Float](repeating: 0, count: labels.count * 9)
    for (row, label) in labels.enumerated() { perfect[row * 9 + Int(label)] = 1 }
    #expect(copy.accuracy(outputs: perfect, batch: batch) == 1)
    var blanks = [Float](repeating: 0, count: labels.count * 9)
    for row in labels.indices { blanks[row * 9] = 1 }
    #expect(copy.accuracy(outputs: blanks, batch: batch) == 0)
    var adding = try makeTask(name: .adding, seqLen: 4, seed: 1)
    #expect(adding.accuracy(outputs: [0, 0], batch: adding.trainingBatch(size: 2)) == nil)
  }

  @Test func bitsPerCharacterIsNatsOverLnTwo() {
    #expect(abs(SequenceTask.bitsPerCharacter(loss: log(2.0)) - 1) < 1e-15)
    #expect(abs(SequenceTask.bitsPerCharacter(loss: 3.0134) - 4.3474) < 1e-4)
  }
}
