/// Gradient clipping as PyTorch's `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`.
///
/// Clipping by global norm rescales every gradient by the same factor, so the direction of
/// the whole update is kept (Pascanu, Mikolov & Bengio 2013, "On the difficulty of training
/// recurrent neural networks", algorithm 1); clipping by value clamps each element.
public enum GradientClipping {
  /// The L2 norm of all gradients taken together, √(Σ‖g_i‖²), as `clip_grad_norm_` computes
  /// it: the norm of the per-tensor norms (each accumulated in Double, then rounded to Float as
  /// PyTorch's per-tensor norms are).
  public static func globalNorm(_ gradients: [Tensor]) -> Float {
    var sum = 0.0
    for gradient in gradients {
      let norm = Double(tensorNorm(gradient.data))
      sum += norm * norm
    }
    return Float(sum.squareRoot())
  }

  /// The L2 norm of one tensor's values, accumulated in Double (in four interleaved partial
  /// sums, so that the additions need not wait on each other).
  public static func tensorNorm(_ values: [Float]) -> Float {
    var partial = SIMD4<Double>()
    var tail = 0.0
    values.withUnsafeBufferPointer { v in
      let chunks = v.count / 4
      for c in 0..<chunks {
        let x = SIMD4<Double>(
          Double(v[4 * c]), Double(v[4 * c + 1]), Double(v[4 * c + 2]), Double(v[4 * c + 3]))
        partial += x * x
      }
      for j in (4 * chunks)..<v.count { tail += Double(v[j]) * Double(v[j]) }
    }
    return Float((partial.sum() + tail).squareRoot())
  }

  /// Rescales `gradients` so that their global norm is at most `maxNorm`, and returns the
  /// global norm before clipping (`clip_grad_norm_` with `norm_type=2`).
  ///
  /// As in PyTorch, the factor is `maxNorm / (total + 1e-6)` (in Float) and is applied only
  /// when it is below 1, so a norm just under `maxNorm` stays untouched and a clipped norm
  /// ends slightly below `maxNorm`. A NaN or infinite norm is not an error (PyTorch's default
  /// `error_if_nonfinite=False`): the factor is then NaN or 0 and the gradients become NaN or 0
  /// (infinite entries NaN), exactly as there, so a diverged step shows up in the loss. A
  /// `maxNorm` of 0 zeroes the gradients: callers treat "clip = 0" as "off" by not calling.
  @discardableResult
  public static func clipByGlobalNorm(_ gradients: inout [Tensor], maxNorm: Float) -> Float {
    let total = globalNorm(gradients)
    let coefficient = maxNorm / (total + 1e-6)
    if !(coefficient >= 1) {  // also when NaN: PyTorch's clamp(max=1) keeps NaN
      for i in gradients.indices {
        gradients[i].data.withUnsafeMutableBufferPointer { g in
          for j in 0..<g.count { g[j] *= coefficient }
        }
      }
    }
    return total
  }

  /// Clamps every gradient element to [-limit, limit] (`clip_grad_value_`); NaN stays NaN,
  /// as with `torch.clamp`.
  public static func clipByValue(_ gradients: inout [Tensor], limit: Float) {
    for i in gradients.indices {
      gradients[i].data.withUnsafeMutableBufferPointer { g in
        for j in 0..<g.count {
          let x = g[j]
          if x < -limit { g[j] = -limit }
          if g[j] > limit { g[j] = limit }
        }
      }
    }
  }
}
