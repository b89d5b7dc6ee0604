import Foundation
import RecurStore
import Testing

@testable import RecurReport

@Suite struct AggregationTests {
  func report(_ options: ReportOptions = ReportOptions()) throws -> Report {
    let fixture = try CellSweepFixture.make()
    return try Report(snapshot: SweepSnapshot.read(directory: fixture.directory), options: options)
  }

  func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func groupsByEverySweptKeyButTheSeedWithCellsInStudyOrder() throws {
    let report = try report()
    #expect(report.groupKeys == ["cell"])
    #expect(report.groups.map(\.keyValues) == [["rnn"], ["lstm"]])
    #expect(report.groups.map(\.counts.trials) == [3, 3])
  }

  @Test func lossesAreMeanStdAndMedianOverFinishedSeeds() throws {
    let lstm = try #require(try report().groups.first { $0.keyValues == ["lstm"] })
    #expect(close(lstm.finalEvalMean, 0.2))
    #expect(close(lstm.finalEvalStd, 0.1))
    #expect(close(lstm.finalEvalMedian, 0.2))
    #expect(lstm.finalEvalCount == 3)
    #expect(lstm.bestEval == 0.09)
    #expect(close(lstm.finalTrainMean, 0.21))
    #expect(lstm.baseline == 0.5)
    #expect(close(lstm.lossOverBaseline, 0.4))
  }

  @Test func solvedCountsAndMedianStep() throws {
    let groups = try report().groups
    let lstm = try #require(groups.first { $0.keyValues == ["lstm"] })
    #expect(lstm.solved == 2 && lstm.solvedOf == 3)
    #expect(lstm.solvedStepMedian == 200)
    let rnn = try #require(groups.first { $0.keyValues == ["rnn"] })
    #expect(rnn.solved == 0 && rnn.solvedOf == 3)
    #expect(rnn.solvedStepMedian == nil)
  }

  @Test func gradientRetentionIsAGeometricMeanAndDecayAMeanSlopeOfTheTopLayer() throws {
    let lstm = try #require(try report().groups.first { $0.keyValues == ["lstm"] })
    // Retention e^{-c(T-1)} per seed, c = 0.1, 0.2, 0.3, T = 5: geometric mean e^{-0.8}.
    #expect(close(lstm.retentionEnd, exp(-0.8), 1e-9))
    #expect(close(lstm.retentionInit, exp(-2.0), 1e-9))
    #expect(close(lstm.decayPerStep, 0.2, 1e-9))
  }

  @Test func saturationIsTheTopLayerAtTheLastDiagnosisAveragedOverSeeds() throws {
    let lstm = try #require(try report().groups.first { $0.keyValues == ["lstm"] })
    #expect(close(lstm.saturation["f"], 0.4))
    #expect(close(lstm.saturation["i"], 0.1))
    #expect(close(lstm.saturationMean, 0.25))
  }

  @Test func optimisationAndTimingFigures() throws {
    let lstm = try #require(try report().groups.first { $0.keyValues == ["lstm"] })
    #expect(close(lstm.meanGradNorm, 2))
    #expect(close(lstm.clippedShare, 0.5))
    #expect(close(lstm.wallSeconds, 20))
    #expect(close(lstm.stepsPerSecond, 16.0 / 3))
  }

  @Test func divergedAndFailedTrialsAreCountedButLeftOutOfTheLossFigures() throws {
    let rnn = try #require(try report().groups.first { $0.keyValues == ["rnn"] })
    #expect(rnn.counts.finished == 1 && rnn.counts.diverged == 1 && rnn.counts.failed == 1)
    #expect(rnn.finalEvalMean == 0.5 && rnn.finalEvalCount == 1)
    #expect(rnn.finalEvalStd == nil)
    // The diverged trial's best loss still counts: it was reached before the divergence.
    #expect(rnn.bestEval == 0.45)
    // Retention 1/16 (finished) and 1e-3 (diverged, at its last finite diagnosis).
    #expect(close(rnn.retentionEnd, (1.0 / 16 * 1e-3).squareRoot(), 1e-9))
    #expect(close(rnn.decayPerStep, (log(2) + 0.75 * log(10)) / 2, 1e-9))
    #expect(close(rnn.meanGradNorm, 51))
    #expect(rnn.wallSeconds == 5)
  }

  @Test func theTableCarriesTheGroupFigures() throws {
    let report = try report()
    let table = report.table
    #expect(
      table.columns.prefix(6).map(\.name) == [
        "cell", "loss_vs_baseline", "solved", "retention_init", "retention_end", "saturation",
      ])
    let row = try #require(report.groups.firstIndex { $0.keyValues == ["lstm"] })
    #expect(table.value("solved", row: row) == .ratio(2, of: 3))
    #expect(table.value("n", row: row) == .count(3))
    #expect(table.value("saturation_f", row: row)?.numeric == report.groups[row].saturation["f"])
    #expect(table.index(of: "saturation_h") == nil)
  }

  @Test func accuracyAndParameterCountComeFromTheSummaryOrTheRecords() throws {
    let fixture = try SweepFixture(
      trials: SweepFixture.cellTrials(cells: ["gru"], seeds: [1, 2]))
    try fixture.run("t0", summary: ["accuracy": 0.5, "parameter_count": 1000])
    try fixture.run(
      "t1", records: [["step": 100, "eval_loss": 0.3, "accuracy": 0.7]],
      summary: ["accuracy": NSNull(), "parameter_count": 1000])
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    let group = try #require(report.groups.first)
    #expect(close(group.accuracy, 0.6))
    #expect(group.parameterCount == 1000)
    #expect(report.table.value("accuracy", row: 0)?.numeric == group.accuracy)
  }

  @Test func summaryFieldsFillInWhenRecordsLackDiagnoses() throws {
    let fixture = try SweepFixture(trials: SweepFixture.cellTrials(cells: ["gru"], seeds: [1]))
    try fixture.run(
      "t0", records: [["step": 10, "eval_loss": 0.4]],
      summary: [
        "gradient_retention": 0.25, "gradient_retention_init": 0.5,
        "gradient_decay_per_step": 0.01, "saturation": ["z": 0.3, "n": 0.1],
      ])
    let group = try #require(
      try Report(snapshot: SweepSnapshot.read(directory: fixture.directory)).groups.first)
    #expect(group.retentionEnd == 0.25 && group.retentionInit == 0.5)
    #expect(group.decayPerStep == 0.01)
    #expect(group.saturation == ["z": 0.3, "n": 0.1])
    // No summary loss: the last record's eval loss is the final one.
    #expect(group.finalEvalMean == 0.4)
  }

  @Test func oddSummaryFieldsAreIgnoredOneByOne() throws {
    let fixture = try SweepFixture(trials: SweepFixture.cellTrials(cells: ["gru"], seeds: [1]))
    try fixture.run(
      "t0",
      summary: [
        "final_eval_loss": "NaN", "best_eval_loss": 0.2, "solved": "yes", "baseline_loss": 0.4,
        "saturation": ["z": NSNull(), "r": 0.5], "steps_done": 10.0, "wall_seconds": 2,
      ])
    let group = try #require(
      try Report(snapshot: SweepSnapshot.read(directory: fixture.directory)).groups.first)
    #expect(group.finalEvalMean == nil && group.bestEval == 0.2 && group.baseline == 0.4)
    #expect(group.solved == nil)
    #expect(group.saturation == ["r": 0.5])
    #expect(group.stepsPerSecond == 5)
  }
}
