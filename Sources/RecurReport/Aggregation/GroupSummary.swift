import RecurStore

/// The aggregate of one group of trials (the seeds of one configuration, by default): what a
/// row of the report's table shows.
///
/// Which trials each figure covers (a diverged trial has no meaningful final loss, a running
/// one no summary yet); every figure ignores non-finite and missing values and is nil when no
/// trial contributes:
/// - final eval loss (mean, std, median), final train loss, loss over baseline, accuracy,
///   wall time, steps/s, bits per character: finished trials only;
/// - best eval loss, gradient retention and decay, saturation, gradient norm and clipping:
///   trials that trained (finished or diverged): the diagnostics of a diverged trial up to its
///   divergence are what an exploding-gradient study looks at;
/// - solved: k of the n trials with an outcome (finished, diverged, failed or lost; a failed or
///   lost trial did not solve), nil when no such trial reports `solved` at all (tasks without a
///   solved rule).
public struct GroupSummary: Sendable {
  /// The group's value of each grouping key, in the report's key order.
  public var keyValues: [String]
  /// The group's trials (every state).
  var trials: [TrialData]
  /// Trials by state; `counts.trials` is the group's size n.
  public var counts: StatusCounts

  public var finalEvalMean: Double?
  /// Sample standard deviation (n − 1) over seeds; nil below two finished trials.
  public var finalEvalStd: Double?
  public var finalEvalMedian: Double?
  /// How many finished trials have a final eval loss (the n behind mean, std and median).
  public var finalEvalCount: Int
  /// The lowest eval loss any trial of the group reached.
  public var bestEval: Double?
  public var finalTrainMean: Double?
  /// The task's baseline loss (the median over the group's summaries; one task, one value).
  public var baseline: Double?
  /// Mean over finished trials of final eval loss / baseline.
  public var lossOverBaseline: Double?
  /// Trials that reached the task's solved criterion.
  public var solved: Int?
  /// Trials judged: those with an outcome.
  public var solvedOf: Int
  /// Median step at which the solved trials solved.
  public var solvedStepMedian: Double?
  /// Geometric mean over seeds of ‖dL/dh_0‖ / ‖dL/dh_{T−1}‖ at initialisation.
  public var retentionInit: Double?
  /// The same at the last diagnosis.
  public var retentionEnd: Double?
  /// Mean over seeds of the slope of ln ‖dL/dh_t‖ over t at the last diagnosis.
  public var decayPerStep: Double?
  /// Mean over seeds of each gate's saturation (top layer, last diagnosis).
  public var saturation: [String: Double]
  public var meanGradNorm: Double?
  public var clippedShare: Double?
  public var wallSeconds: Double?
  public var stepsPerSecond: Double?
  public var bitsPerChar: Double?
  /// Mean final evaluation accuracy (classification tasks), finished trials.
  public var accuracy: Double?
  /// Trainable values of the model (the median over the group: one configuration, one size).
  public var parameterCount: Double?

  /// The mean over the group's gates of their saturation: one number to compare cells by.
  ///
  /// Summed in gate-name order: a dictionary's order changes from one process to the next, and
  /// so did the last digit of the sum (0.017392578036 or 0.017392578035999997 in JSON).
  public var saturationMean: Double? {
    Statistics.mean(saturation.sorted { $0.key < $1.key }.map(\.value))
  }
}

extension GroupSummary {
  /// Aggregates `trials` (see the type's documentation for which trials each figure covers).
  init(keyValues: [String], trials: [TrialData]) {
    self.keyValues = keyValues
    self.trials = trials
    counts = StatusCounts()
    for trial in trials {
      counts[trial.state] += 1
      counts.trials += 1
    }
    let measured = trials.map { ($0, TrialMeasures($0)) }
    let finished = measured.filter { $0.0.state == .finished }.map(\.1)
    let trained = measured.filter { $0.0.hasTrained }.map(\.1)
    let judged = measured.filter { $0.0.state.isTerminal }.map(\.1)

    let finals = finished.compactMap(\.finalEvalLoss)
    finalEvalMean = Statistics.mean(finals)
    finalEvalStd = Statistics.standardDeviation(finals)
    finalEvalMedian = Statistics.median(finals)
    finalEvalCount = finals.count
    bestEval = trained.compactMap(\.bestEvalLoss).min()
    finalTrainMean = Statistics.mean(finished.compactMap(\.finalTrainLoss))
    baseline = Statistics.median(measured.compactMap(\.1.baselineLoss))
    lossOverBaseline = Statistics.mean(finished.compactMap(\.lossOverBaseline))

    let verdicts = judged.map(\.solved)
    solved = verdicts.contains { $0 != nil } ? verdicts.filter { $0 == true }.count : nil
    solvedOf = judged.count
    solvedStepMedian = Statistics.median(
      judged.filter { $0.solved == true }.compactMap(\.solvedAtStep).map(Double.init))

    retentionInit = Statistics.geometricMean(trained.compactMap(\.retentionInit))
    retentionEnd = Statistics.geometricMean(trained.compactMap(\.retentionEnd))
    decayPerStep = Statistics.mean(trained.compactMap(\.decayPerStep))
    saturation = Self.meanPerGate(trained.map(\.saturation))
    meanGradNorm = Statistics.mean(trained.compactMap(\.meanGradNorm))
    clippedShare = Statistics.mean(trained.compactMap(\.clippedShare))
    wallSeconds = Statistics.mean(finished.compactMap(\.wallSeconds))
    stepsPerSecond = Statistics.mean(finished.compactMap(\.stepsPerSecond))
    bitsPerChar = Statistics.mean(finished.compactMap(\.bitsPerChar))
    accuracy = Statistics.mean(finished.compactMap(\.accuracy))
    parameterCount = Statistics.median(measured.compactMap(\.1.parameterCount).map(Double.init))
  }

  /// Each gate's mean over the trials that measured it.
  private static func meanPerGate(_ maps: [[String: Double]]) -> [String: Double] {
    var values: [String: [Double]] = [:]
    for map in maps {
      for (gate, value) in map { values[gate, default: []].append(value) }
    }
    return values.compactMapValues(Statistics.mean)
  }
}
