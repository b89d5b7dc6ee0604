extension Optimizer {
  /// One `torch.optim.RMSprop` step on one parameter (Hinton's lecture 6e; PyTorch's docs):
  ///
  ///     g ← g + λ θ                                  (weight decay λ, if λ ≠ 0)
  ///     v ← α v + (1 - α) g²
  ///     a ← a + (1 - α)(g - a),  d ← √(v - a²) + ε   (centred, Graves 2013)
  ///     d ← √v + ε                                   (not centred)
  ///     b ← μ b + g / d,  θ ← θ - lr b               (momentum μ > 0)
  ///     θ ← θ - lr g / d                             (no momentum)
  ///
  /// As in PyTorch, ε is added outside the square root and the momentum buffer starts at 0.
  mutating func rmspropStep(_ parameter: inout [Float], _ gradient: [Float], _ index: Int) {
    let lr = Float(learningRate)
    let decay = Float(config.weightDecay)
    let alpha = Float(config.alpha)
    let oneMinusAlpha = Float(1 - config.alpha)
    let eps = Float(config.eps)
    let mu = Float(config.momentum)
    gradient.withUnsafeBufferPointer { g in
      parameter.withUnsafeMutableBufferPointer { p in
        squareAverages[index].withUnsafeMutableBufferPointer { v in
          Self.withState(&averages, index) { a in
            Self.withState(&momentumBuffers, index) { b in
              for j in 0..<p.count {
                let d = decay != 0 ? g[j] + decay * p[j] : g[j]
                v[j] = v[j] * alpha + oneMinusAlpha * d * d
                var denominator: Float
                if let a {
                  a[j] = Self.lerp(a[j], d, oneMinusAlpha)
                  denominator = (v[j] - a[j] * a[j]).squareRoot()
                } else {
                  denominator = v[j].magnitude.squareRoot()  // = √v; see `adamKernel`
                }
                denominator += eps
                if let b {
                  b[j] = b[j] * mu + d / denominator
                  p[j] -= lr * b[j]
                } else {
                  p[j] += -lr * d / denominator
                }
              }
            }
          }
        }
      }
    }
  }

  /// `torch.lerp(start, end, weight)` as ATen computes it (`ATen/native/Lerp.h`): the form
  /// that is exact at the end closer to the weight.
  @inline(__always)
  static func lerp(_ start: Float, _ end: Float, _ weight: Float) -> Float {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
  }

  /// Runs `body` on the state buffer of parameter `index`, or on nil when the algorithm's
  /// settings do not use that state (the array is then empty).
  @inline(__always)
  static func withState<R>(
    _ state: inout [[Float]], _ index: Int, _ body: (UnsafeMutableBufferPointer<Float>?) -> R
  ) -> R {
    if state.isEmpty { return body(nil) }
    return state[index].withUnsafeMutableBufferPointer { body($0) }
  }
}
