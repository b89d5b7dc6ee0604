import Foundation
import RecurEngine
import RecurTasks

/// The running sums of a trial: what goes into the next metric record and into the summary.
struct RunTally {
  // Since the last record.
  private var pendingLoss = 0.0
  private var pendingPasses = 0
  private var pendingClipped = 0
  // Over the optimiser steps.
  private var updates = 0
  private var gradNormSum = 0.0
  private var clippedUpdates = 0
  // For the summary.
  private var lastTrainLoss: Float?
  private var lastEvaluation: EvaluationResult?
  private var bestEvalLoss: Float?
  private var solvedAtStep: Int?
  private var initialDiagnostics: Diagnostics?
  private var lastDiagnostics: Diagnostics?

  /// Counts a pass towards the next record, and keeps its diagnostics if it is finite (a
  /// diverging pass's diagnostics go into its record only, so that the summary keeps the last
  /// diagnosis of a sound model).
  mutating func add(_ pass: TrainingPass) {
    pendingLoss += Double(pass.loss)
    pendingPasses += 1
    if pass.isClipped { pendingClipped += 1 }
    guard let diagnostics = pass.diagnostics, pass.isFinite else { return }
    if pass.step == 0 { initialDiagnostics = diagnostics }
    lastDiagnostics = diagnostics
  }

  /// Counts a pass whose gradient made an optimiser step.
  mutating func countUpdate(_ pass: TrainingPass) {
    updates += 1
    gradNormSum += Double(pass.gradNorm)
    if pass.isClipped { clippedUpdates += 1 }
  }

  /// The record of `pass`'s step, closing the passes counted since the previous record.
  mutating func record(
    for pass: TrainingPass, evaluation: EvaluationResult?, solvedThreshold: Double
  ) -> MetricRecord {
    let passes = Double(max(pendingPasses, 1))
    var record = MetricRecord(
      step: pass.step, trainLoss: Float(pendingLoss / passes), evalLoss: evaluation?.loss,
      accuracy: evaluation?.accuracy, gradNorm: pass.gradNorm,
      clippedFraction: Float(Double(pendingClipped) / passes))
    if let diagnostics = pass.diagnostics { record.add(diagnostics) }
    (pendingLoss, pendingPasses, pendingClipped) = (0, 0, 0)
    lastTrainLoss = record.trainLoss
    if let evaluation { note(evaluation, at: pass.step, solvedThreshold: solvedThreshold) }
    return record
  }

  private mutating func note(_ evaluation: EvaluationResult, at step: Int, solvedThreshold: Double)
  {
    lastEvaluation = evaluation
    guard evaluation.loss.isFinite else { return }
    if bestEvalLoss.map({ evaluation.loss < $0 }) ?? true { bestEvalLoss = evaluation.loss }
    if solvedAtStep == nil && Double(evaluation.loss) <= solvedThreshold { solvedAtStep = step }
  }

  /// The summary of the run so far; `divergedAt` is the step of a divergence. Timing is left
  /// at 0 for the caller.
  func summary(task: SequenceTask, model: ModelConfig, stepsDone: Int, divergedAt: Int?)
    -> TrialSummary
  {
    let finalEvaluation = divergedAt == nil ? lastEvaluation : nil
    let finalEvalLoss = finite(finalEvaluation?.loss)
    let topInitial = initialDiagnostics?.hiddenGradNorm.last
    let topLast = lastDiagnostics?.hiddenGradNorm.last
    return TrialSummary(
      finalLoss: divergedAt == nil ? finite(lastTrainLoss) : nil, finalEvalLoss: finalEvalLoss,
      bestEvalLoss: bestEvalLoss, baselineLoss: task.baselineLoss,
      solvedThreshold: task.solvedThreshold, solved: solvedAtStep != nil,
      solvedAtStep: solvedAtStep, diverged: divergedAt != nil, divergedAtStep: divergedAt,
      stepsDone: stepsDone, gradientRetentionInit: topInitial.flatMap(GradientFlow.retention),
      gradientRetention: topLast.flatMap(GradientFlow.retention),
      gradientDecayPerStep: topLast.flatMap(GradientFlow.decayPerStep),
      saturation: lastDiagnostics.map { topSaturation($0, layers: model.layers) },
      meanGradNorm: updates > 0 ? finite(gradNormSum / Double(updates)) : nil,
      clippedFraction: updates > 0 ? Double(clippedUpdates) / Double(updates) : nil,
      accuracy: finite(finalEvaluation?.accuracy),
      bitsPerChar: task.name == .charlm
        ? finalEvalLoss.map { SequenceTask.bitsPerCharacter(loss: Double($0)) } : nil)
  }

  /// Gate name to saturation fraction for the top layer.
  private func topSaturation(_ diagnostics: Diagnostics, layers: Int) -> [String: Float] {
    var result: [String: Float] = [:]
    for entry in diagnostics.saturation where entry.layer == layers - 1 {
      result[entry.gate] = entry.fraction
    }
    return result
  }

  private func finite<F: BinaryFloatingPoint>(_ value: F?) -> F? {
    value.flatMap { $0.isFinite ? $0 : nil }
  }
}
