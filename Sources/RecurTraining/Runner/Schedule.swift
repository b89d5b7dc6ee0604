import RecurSweep

/// When a trial measures, in optimiser steps done (0: the initial model).
///
/// Evaluations come every `eval_every` steps from step 0 and always at the end; diagnoses every
/// `diagnose_every` steps from step 0 and at the end, none when it is 0. Step s is measured on
/// the model after s updates: its training batch (whose gradient then makes update s + 1, or,
/// at the end, makes none), its diagnosis, its evaluation.
struct Schedule: Sendable, Equatable {
  let steps: Int
  let evalEvery: Int
  let diagnoseEvery: Int

  init(_ spec: TrialSpec) {
    steps = spec.steps
    evalEvery = spec.evalEvery
    diagnoseEvery = spec.diagnoseEvery
  }

  func evaluates(at step: Int) -> Bool {
    step == steps || (evalEvery > 0 && step % evalEvery == 0)
  }

  func diagnoses(at step: Int) -> Bool {
    diagnoseEvery > 0 && (step == steps || step % diagnoseEvery == 0)
  }

  /// True when step `step` gets a metric record.
  func records(at step: Int) -> Bool {
    evaluates(at: step) || diagnoses(at: step)
  }
}
