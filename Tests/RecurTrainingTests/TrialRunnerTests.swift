import Foundation
import RecurEngine
import RecurSweep
import RecurTasks
import RecurTraining
import Testing

/// `TrialRunner`: what a trial trains, measures and returns.
@Suite struct TrialRunnerTests {
  static let small =
    "task=adding seq_len=12 cell=gru hidden=8 batch=8 steps=30 eval_every=10 diagnose_every=15"

  @Test(arguments: ["rnn", "lstm", "gru"])
  func twoRunsGiveIdenticalRecordsAndSummary(cell: String) throws {
    let arguments =
      "task=temporal_order seq_len=10 cell=\(cell) hidden=8 batch=8 steps=25 "
      + "eval_every=5 diagnose_every=10 clip=0.5 optimizer=momentum lr=0.05"
    let first = try TrialTesting.run(arguments)
    let second = try TrialTesting.run(arguments)
    #expect(try first.deterministicJSON() == second.deterministicJSON())
    #expect(
      first.progress.map(\.trainLoss.bitPattern) == second.progress.map(\.trainLoss.bitPattern))
    let firstModel = try #require(first.run.model)
    let secondModel = try #require(second.run.model)
    #expect(firstModel.parameters == secondModel.parameters)
  }

  @Test func differentSeedsGiveDifferentRuns() throws {
    let first = try TrialTesting.run(Self.small + " seed=1")
    let second = try TrialTesting.run(Self.small + " seed=2")
    #expect(try first.deterministicJSON() != second.deterministicJSON())
  }

  /// The adding problem at T = 20 is solved by a small LSTM in a few hundred steps: the
  /// evaluation loss ends below 10% of the baseline 1/6 (the task's solved threshold).
  @Test func lstmLearnsTheAddingProblem() throws {
    let outcome = try TrialTesting.run(
      "task=adding seq_len=20 cell=lstm hidden=32 batch=32 steps=800 lr=0.01 eval_every=100 "
        + "diagnose_every=0 seed=1")
    let summary = outcome.summary
    let finalEvalLoss = try #require(summary.finalEvalLoss)
    #expect(summary.baselineLoss == 1.0 / 6)
    #expect(Double(finalEvalLoss) < 0.1 / 6)
    #expect(summary.solved && summary.solvedAtStep != nil)
    #expect(!summary.diverged && summary.stepsDone == 800)
  }

  @Test func recordsFallOnTheScheduledSteps() throws {
    let outcome = try TrialTesting.run(
      "task=adding seq_len=6 cell=rnn hidden=4 batch=4 steps=10 eval_every=4 diagnose_every=5")
    #expect(outcome.records.map(\.step) == [0, 4, 5, 8, 10])
    #expect(outcome.records.filter { $0.evalLoss != nil }.map(\.step) == [0, 4, 8, 10])
    #expect(outcome.records.filter(\.isDiagnosis).map(\.step) == [0, 5, 10])
    #expect(outcome.progress.map(\.step) == Array(1...10))
    #expect(outcome.starts.count == 1 && outcome.starts.first?.steps == 10)
  }

  @Test func withoutScheduleOnlyTheEndIsMeasured() throws {
    let outcome = try TrialTesting.run(
      "task=sine seq_len=6 cell=gru hidden=4 batch=4 steps=7 eval_every=0 diagnose_every=0")
    #expect(outcome.records.map(\.step) == [7])
    #expect(outcome.records.first?.evalLoss != nil && outcome.records.first?.isDiagnosis == false)
    #expect(outcome.summary.gradientRetention == nil && outcome.summary.saturation == nil)
    #expect(outcome.summary.finalEvalLoss != nil)
  }

  /// A record's training loss is the mean of the batch losses measured since the previous
  /// record: at step s > 0 the batches of steps prev+1 … s, whose losses the progress events
  /// of steps prev+2 … s+1 carry (the batch measured at step s makes update s + 1).
  @Test func trainLossIsTheMeanSinceThePreviousRecord() throws {
    let outcome = try TrialTesting.run(
      "task=adding seq_len=6 cell=lstm hidden=4 batch=4 steps=10 eval_every=4 diagnose_every=0")
    let losses = outcome.progress.map(\.trainLoss)  // losses[s] is the batch of step s
    #expect(outcome.records[0].trainLoss == losses[0])
    let mean = (1...4).reduce(0.0) { $0 + Double(losses[$1]) } / 4
    #expect(outcome.records[1].trainLoss == Float(mean))
  }

  @Test func summaryFieldsAreSaneAndRetentionIsRecomputedFromTheRecords() throws {
    let outcome = try TrialTesting.run(Self.small + " layers=2 clip=0.05")
    let summary = outcome.summary
    let diagnoses = outcome.records.filter(\.isDiagnosis)
    let initial = try #require(diagnoses.first?.hiddenGradNorm?.last)
    let last = try #require(diagnoses.last?.hiddenGradNorm?.last)
    #expect(diagnoses.first?.step == 0 && diagnoses.last?.step == 30)
    #expect(initial.count == 12 && diagnoses.first?.hiddenGradNorm?.count == 2)
    #expect(summary.gradientRetentionInit == Double(initial[0]) / Double(initial[11]))
    #expect(summary.gradientRetention == Double(last[0]) / Double(last[11]))
    #expect(summary.gradientDecayPerStep == GradientFlow.decayPerStep(last))
    #expect(summary.saturation.map { Set($0.keys) } == ["r", "z", "n"])
    let topSaturation = diagnoses.last?.saturation?.filter { $0.key.hasPrefix("l1.") }
    #expect(summary.saturation?["z"] == topSaturation?["l1.z"])
    #expect(summary.finalLoss == outcome.records.last?.trainLoss)
    #expect(summary.finalEvalLoss == outcome.records.last?.evalLoss)
    let evalLosses = outcome.records.compactMap(\.evalLoss)
    #expect(summary.bestEvalLoss == evalLosses.min())
    #expect(summary.stepsDone == 30 && !summary.diverged && summary.divergedAtStep == nil)
    #expect(summary.clippedFraction.map { $0 > 0 && $0 <= 1 } == true)
    #expect(summary.meanGradNorm.map { $0 > 0 } == true)
    #expect(summary.accuracy == nil && summary.bitsPerChar == nil)
    #expect(summary.parameterCount == outcome.starts.first?.parameterCount)
    #expect(summary.parameterCount == 3 * 8 * (2 + 8 + 2) + 3 * 8 * (8 + 8 + 2) + 8 + 1)
    #expect(summary.wallSeconds > 0 && summary.stepsPerSecond > 0)
  }

  @Test func classificationTasksReportAccuracy() throws {
    let outcome = try TrialTesting.run(
      "task=temporal_order seq_len=10 cell=lstm hidden=8 batch=8 steps=5 eval_every=5")
    let accuracy = try #require(outcome.summary.accuracy)
    #expect(accuracy >= 0 && accuracy <= 1)
    #expect(outcome.records.last?.accuracy == accuracy)
  }

  @Test func charlmReportsBitsPerCharacter() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = String(repeating: "the cat sat on the mat. ", count: 40)
    try Data(text.utf8).write(to: folder.appendingPathComponent("text.txt"))
    let outcome = try TrialTesting.run(
      "task=charlm seq_len=8 cell=gru hidden=8 batch=4 steps=5 data=text.txt",
      options: TrialOptions(dataDirectory: folder.path, evaluationSequences: 16))
    let loss = try #require(outcome.summary.finalEvalLoss)
    #expect(outcome.summary.bitsPerChar == Double(loss) / log(2))
  }

  /// A ReLU RNN with identity recurrent weights scaled by 3 and plain SGD at a large learning
  /// rate: the hidden state grows as 3^t and the loss overflows within a few steps.
  @Test func explodingTrialIsReportedDivergedAtAStep() throws {
    let outcome = try TrialTesting.run(
      "task=adding seq_len=40 cell=rnn_relu init=identity init_scale=3 optimizer=sgd lr=1 "
        + "hidden=16 batch=8 steps=200 eval_every=50 diagnose_every=1")
    let summary = outcome.summary
    let step = try #require(summary.divergedAtStep)
    #expect(summary.diverged && summary.stepsDone == step && step < 200)
    #expect(summary.finalLoss == nil && summary.finalEvalLoss == nil)
    let last = try #require(outcome.records.last)
    #expect(last.step == step && last.trainLoss.map { !$0.isFinite } == true)
    #expect(outcome.progress.count == step)
    // The summary keeps the last diagnosis of a finite step.
    #expect(summary.gradientRetentionInit != nil)
    #expect(try JSONNumbers.line(summary).contains("\"final_loss\":null"))
  }

  @Test func noopReturnsAtOnceWithoutAModel() throws {
    let outcome = try TrialTesting.run("task=noop cell=rnn steps=10000000")
    #expect(outcome.run.model == nil)
    #expect(outcome.records.isEmpty && outcome.progress.isEmpty && outcome.starts.isEmpty)
    #expect(outcome.summary.stepsDone == 0 && !outcome.summary.diverged)
    #expect(outcome.summary.withoutTiming == TrialSummary())
  }

  @Test func cancellationStopsBeforeTheNextStep() throws {
    var checks = 0
    let error = #expect(throws: TrainingError.self) {
      _ = try TrialTesting.run(
        Self.small,
        isCancelled: {
          checks += 1
          return checks > 7
        })
    }
    #expect(error == .cancelled(step: 7))
  }

  @Test func missingDataFileIsATaskError() throws {
    let error = #expect(throws: TrainingError.self) {
      _ = try TrialTesting.run("task=charlm cell=lstm data=/nonexistent/text.txt")
    }
    #expect(error == .task(.dataFileMissing(path: "/nonexistent/text.txt")))
    #expect(error?.description.contains("does not exist") == true)
  }

  @Test func nesterovWithoutMomentumIsRefused() throws {
    let error = #expect(throws: TrainingError.self) {
      _ = try TrialTesting.run("task=adding cell=rnn optimizer=nesterov momentum=0")
    }
    #expect(error == .optimizer(.nesterovNeedsMomentum))
  }

  @Test func trialsTooLargeForTheMachineAreRefused() throws {
    let error = #expect(throws: TrainingError.self) {
      _ = try TrialTesting.run(
        "task=adding cell=lstm seq_len=100000 hidden=4096 layers=8 batch=4096")
    }
    guard case .tooLarge(let needed, let available) = error else {
      Issue.record("expected tooLarge, got \(String(describing: error))")
      return
    }
    #expect(needed > available)
    #expect(error?.description.contains("lower seq_len, batch, hidden or layers") == true)
  }

  @Test func relativeDataPathsResolveAgainstTheDataDirectory() {
    let options = TrialOptions(dataDirectory: "/data/texts")
    #expect(options.resolve(dataPath: "a.txt") == "/data/texts/a.txt")
    #expect(options.resolve(dataPath: "/abs/b.txt") == "/abs/b.txt")
    #expect(TrialOptions().resolve(dataPath: "a.txt") == "a.txt")
  }
}
