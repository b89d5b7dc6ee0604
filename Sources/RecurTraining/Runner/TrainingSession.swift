import RecurEngine
import RecurSweep
import RecurTasks

/// The training loop of one trial: steps 0 through `steps`, each a pass on a fresh training
/// batch (measured, recorded when the schedule says so, then used for the next update), until
/// the end or a divergence.
///
/// The pass at step `steps` makes no update: it measures the trained model (training loss,
/// gradient, diagnosis) as the passes before it measured the model of their step.
final class TrainingSession {
  private let spec: TrialSpec
  private var setup: TrialSetup
  private let schedule: Schedule
  private let clipper: GradientClipper
  private(set) var tally = RunTally()

  init(spec: TrialSpec, setup: TrialSetup) {
    self.spec = spec
    self.setup = setup
    schedule = Schedule(spec)
    clipper = GradientClipper(spec)
  }

  var task: SequenceTask { setup.task }
  var model: Model { setup.model }

  /// How the loop ended.
  enum Ending: Equatable {
    case finished
    case diverged(step: Int)
  }

  /// Runs the loop, reporting records and progress through `onEvent`; throws `.cancelled`
  /// when `isCancelled` returns true (checked before every pass).
  func run(isCancelled: () -> Bool, onEvent: (TrainingEvent) -> Void) throws(TrainingError)
    -> Ending
  {
    for step in 0...spec.steps {
      if isCancelled() { throw .cancelled(step: step) }
      var pass = try measure(at: step)
      tally.add(pass)
      if !pass.isFinite {
        onEvent(.record(tally.record(for: pass, evaluation: nil, solvedThreshold: threshold)))
        return .diverged(step: step)
      }
      if schedule.records(at: step) {
        let evaluation = schedule.evaluates(at: step) ? try evaluate() : nil
        onEvent(
          .record(tally.record(for: pass, evaluation: evaluation, solvedThreshold: threshold)))
        if let evaluation, !evaluation.loss.isFinite { return .diverged(step: step) }
      }
      guard step < spec.steps else { break }
      update(with: &pass)
      onEvent(.progress(TrainingProgress(step: step + 1, steps: spec.steps, trainLoss: pass.loss)))
    }
    return .finished
  }

  private var threshold: Double { setup.task.solvedThreshold }

  /// Forward and backward on the next training batch, diagnosed when the schedule says so.
  private func measure(at step: Int) throws(TrainingError) -> TrainingPass {
    let batch = setup.task.trainingBatch(size: spec.batch)
    let result: StepResult
    do {
      result = try setup.step.run(setup.model, on: batch, diagnose: schedule.diagnoses(at: step))
    } catch {
      throw .engine(error)
    }
    let norm = GradientClipping.globalNorm(result.gradients)
    return TrainingPass(
      step: step, loss: result.loss, gradients: result.gradients, gradNorm: norm,
      isClipped: clipper.changes(result.gradients, norm: norm), diagnostics: result.diagnostics)
  }

  /// Clips the pass's gradient and takes one optimiser step.
  private func update(with pass: inout TrainingPass) {
    clipper.clip(&pass.gradients)
    setup.optimizer.step(parameters: &setup.model.parameters, gradients: pass.gradients)
    tally.countUpdate(pass)
  }

  /// The loss (and accuracy) over the whole held-out set: batch means weighted by batch size,
  /// since every sequence of a task has the same number of loss terms.
  private func evaluate() throws(TrainingError) -> EvaluationResult {
    var lossSum = 0.0
    var accuracySum = 0.0
    var hasAccuracy = false
    var sequences = 0
    for batch in setup.evaluationSet {
      let evaluation: Evaluation
      do {
        evaluation = try setup.step.evaluate(setup.model, on: batch)
      } catch {
        throw .engine(error)
      }
      let size = Double(batch.size)
      lossSum += Double(evaluation.loss) * size
      if let accuracy = setup.task.accuracy(outputs: evaluation.outputs.data, batch: batch) {
        accuracySum += accuracy * size
        hasAccuracy = true
      }
      sequences += batch.size
    }
    let count = Double(max(sequences, 1))
    return EvaluationResult(
      loss: Float(lossSum / count), accuracy: hasAccuracy ? Float(accuracySum / count) : nil)
  }
}
