import Foundation

extension Optimizer {
  /// One `torch.optim.Adam` / `AdamW` step on one parameter (Kingma & Ba 2015; decoupled
  /// weight decay: Loshchilov & Hutter 2019; formulas as PyTorch's `_single_tensor_adam`):
  ///
  ///     θ ← θ (1 - lr λ)                   (AdamW, if λ ≠ 0)
  ///     g ← g + λ θ                        (Adam, L2 penalty, if λ ≠ 0)
  ///     m ← m + (1 - β1)(g - m)
  ///     v ← β2 v + (1 - β2) g²
  ///     θ ← θ - lr / (1 - β1ᵗ) · m / (√v / √(1 - β2ᵗ) + ε)
  ///
  /// As in PyTorch, ε is added after the bias correction of √v, and the scalar factors are
  /// computed in Double.
  mutating func adamStep(_ parameter: inout [Float], _ gradient: [Float], _ index: Int) {
    let t = Double(stepCount)
    let stepSize = learningRate / (1 - pow(config.beta1, t))
    let correction2 = Float((1 - pow(config.beta2, t)).squareRoot())
    let negativeStep = Float(-stepSize)
    let decoupled = config.kind == .adamw
    let shrink = Float(1 - learningRate * config.weightDecay)
    let decay = Float(config.weightDecay)
    let oneMinusBeta1 = Float(1 - config.beta1)
    let beta2 = Float(config.beta2)
    let oneMinusBeta2 = Float(1 - config.beta2)
    let eps = Float(config.eps)
    let l2: Float = decoupled ? 0 : decay
    gradient.withUnsafeBufferPointer { g in
      parameter.withUnsafeMutableBufferPointer { p in
        if decay != 0 && decoupled {
          for j in 0..<p.count { p[j] *= shrink }
        }
        averages[index].withUnsafeMutableBufferPointer { m in
          squareAverages[index].withUnsafeMutableBufferPointer { v in
            Self.adamKernel(
              p, g, m, v, l2: l2, oneMinusBeta1: oneMinusBeta1, beta2: beta2,
              oneMinusBeta2: oneMinusBeta2, correction2: correction2, eps: eps,
              negativeStep: negativeStep)
          }
        }
      }
    }
  }

  /// The element-wise Adam update, written so that it vectorises: no branch in the loop
  /// body (the L2 term and `lerp`'s form are chosen outside), and the square root taken of
  /// `v.magnitude`, which equals v (v ≥ 0 or NaN) but lets the compiler drop `sqrtf`'s errno
  /// path for negative inputs, the one thing that kept the loop scalar (3× slower).
  private static func adamKernel(
    _ p: UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>,
    _ m: UnsafeMutableBufferPointer<Float>, _ v: UnsafeMutableBufferPointer<Float>, l2: Float,
    oneMinusBeta1 w: Float, beta2: Float, oneMinusBeta2: Float, correction2: Float, eps: Float,
    negativeStep: Float
  ) {
    @inline(__always) func update(_ j: Int, _ d: Float, small: Bool) {
      let moved = small ? m[j] + w * (d - m[j]) : d - (d - m[j]) * (1 - w)
      m[j] = moved
      v[j] = v[j] * beta2 + oneMinusBeta2 * d * d
      let denominator = v[j].magnitude.squareRoot() / correction2 + eps
      p[j] += negativeStep * moved / denominator
    }
    switch (l2 != 0, abs(w) < 0.5) {
    case (false, true): for j in 0..<p.count { update(j, g[j], small: true) }
    case (false, false): for j in 0..<p.count { update(j, g[j], small: false) }
    case (true, let small): for j in 0..<p.count { update(j, g[j] + l2 * p[j], small: small) }
    }
  }
}
