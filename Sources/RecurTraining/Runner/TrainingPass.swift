import RecurEngine

/// One forward and backward pass on a training batch, with what the loop needs from it.
struct TrainingPass {
  /// Optimiser steps done before this pass.
  let step: Int
  let loss: Float
  var gradients: [Tensor]
  /// The global gradient norm before clipping (`GradientClipping.globalNorm`).
  let gradNorm: Float
  /// Whether clipping changes this gradient (by norm or by value).
  let isClipped: Bool
  let diagnostics: Diagnostics?

  /// False when the loss or a gradient is NaN or infinite: the trial diverged. A finite global
  /// norm (a sum of squares in Double) means every gradient element is finite.
  var isFinite: Bool { loss.isFinite && gradNorm.isFinite }
}

/// Evaluation of the model on the held-out set.
struct EvaluationResult {
  /// The mean loss over every sequence.
  let loss: Float
  /// The task's accuracy, for classification tasks.
  let accuracy: Float?
}
