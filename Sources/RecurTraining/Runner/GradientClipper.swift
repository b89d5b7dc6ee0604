import RecurEngine
import RecurSweep

/// The trial's gradient clipping: by global norm (`clip`, Pascanu, Mikolov & Bengio 2013,
/// algorithm 1) and by value (`clip_value`), each off at 0, with PyTorch's semantics
/// (`GradientClipping`). With both, the norm is clipped first, then each value; clamping
/// values only shrinks the norm, so both limits hold after the pair.
struct GradientClipper: Sendable {
  let maxNorm: Float?
  let maxValue: Float?

  init(_ spec: TrialSpec) {
    maxNorm = spec.clip > 0 ? Float(spec.clip) : nil
    maxValue = spec.clipValue > 0 ? Float(spec.clipValue) : nil
  }

  /// Whether clipping would change `gradients`, whose global norm is `norm`: by norm when
  /// PyTorch's factor `maxNorm / (norm + 1e-6)` is below 1, by value when an element exceeds
  /// the limit.
  func changes(_ gradients: [Tensor], norm: Float) -> Bool {
    if let maxNorm, maxNorm / (norm + 1e-6) < 1 { return true }
    guard let maxValue else { return false }
    return gradients.contains { tensor in tensor.data.contains { abs($0) > maxValue } }
  }

  func clip(_ gradients: inout [Tensor]) {
    if let maxNorm { GradientClipping.clipByGlobalNorm(&gradients, maxNorm: maxNorm) }
    if let maxValue { GradientClipping.clipByValue(&gradients, limit: maxValue) }
  }
}
