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
    gradient.withUnsafeBufferPointer { g in
      parameter.withUnsafeMutableBufferPointer { p in
        averages[index].withUnsafeMutableBufferPointer { m in
          squareAverages[index].withUnsafeMutableBufferPointer { v in
            for j in 0..<p.count {
              var d = g[j]
              if decay != 0 {
                if decoupled { p[j] *= shrink } else { d += decay * p[j] }
              }
              m[j] = Self.lerp(m[j], d, oneMinusBeta1)
              v[j] = v[j] * beta2 + oneMinusBeta2 * d * d
              let denominator = v[j].squareRoot() / correction2 + eps
              p[j] += negativeStep * m[j] / denominator
            }
          }
        }
      }
    }
  }
}
