extension Optimizer {
  /// One `torch.optim.SGD` step on one parameter (its docs' algorithm box, dampening 0):
  ///
  ///     g ← g + λ θ                       (weight decay λ, if λ ≠ 0)
  ///     b ← g at the first step, else μ b + g   (momentum μ, if μ ≠ 0)
  ///     g ← g + μ b if Nesterov, else b
  ///     θ ← θ - lr g
  ///
  /// Nesterov's form is Sutskever et al. (2013) as PyTorch writes it.
  mutating func sgdStep(_ parameter: inout [Float], _ gradient: [Float], _ index: Int) {
    let lr = Float(learningRate)
    let decay = Float(config.weightDecay)
    let mu = Float(config.momentum)
    let nesterov = config.kind == .nesterov
    let first = stepCount == 1
    gradient.withUnsafeBufferPointer { g in
      parameter.withUnsafeMutableBufferPointer { p in
        if mu == 0 {
          for j in 0..<p.count {
            let d = decay != 0 ? g[j] + decay * p[j] : g[j]
            p[j] -= lr * d
          }
          return
        }
        momentumBuffers[index].withUnsafeMutableBufferPointer { b in
          for j in 0..<p.count {
            let d = decay != 0 ? g[j] + decay * p[j] : g[j]
            b[j] = first ? d : mu * b[j] + d
            let update = nesterov ? d + mu * b[j] : b[j]
            p[j] -= lr * update
          }
        }
      }
    }
  }
}
