/// A numerical solution of the Mackey-Glass delay differential equation
///
///     dx/dt = β x(t - τ) / (1 + x(t - τ)^n) - γ x(t)
///
/// (Mackey & Glass, "Oscillation and chaos in physiological control systems", Science 197,
/// 1977), with the chaotic parameters used for forecasting benchmarks since Lapedes & Farber
/// (1987): τ = 17, β = 0.2, γ = 0.1, n = 10, and the constant history x(t) = 1.2 on [-τ, 0].
///
/// Integration: classical fourth-order Runge-Kutta with step h = 0.1 (τ/h = 170 steps of
/// delay). The delayed term at the step's start and end, x(t - τ) and x(t + h - τ), are stored
/// grid values; at the half step, x(t + h/2 - τ) comes from the cubic through the four nearest
/// grid values, (-x₋₁ + 9x₀ + 9x₁ - x₂) / 16, which is fourth-order accurate like the method
/// itself. The solution is sampled every Δ = 1 time unit after a transient of 1,000 time units,
/// so the series starts on the attractor. Only the last τ/h + 3 grid values are kept (a ring).
struct MackeyGlassSeries {
  var tau = 17.0
  var beta = 0.2
  var gamma = 0.1
  var initialValue = 1.2
  /// The integration step h; τ/h and Δ/h must be whole numbers.
  var step = 0.1
  /// Δ, the time between two samples.
  var sampleInterval = 1.0
  /// Time integrated and dropped before the first sample.
  var transient = 1000.0

  /// dx/dt given x(t) and x(t - τ), with n = 10 by repeated squaring (x^10 = x^8 · x^2).
  @inline(__always)
  func derivative(_ x: Double, delayed d: Double) -> Double {
    let d2 = d * d
    let d8 = d2 * d2 * d2 * d2
    return beta * d / (1 + d8 * d2) - gamma * x
  }

  /// `count` samples of x, Δ apart, the first one at time `transient`.
  func samples(count: Int) -> [Double] {
    let delay = Int((tau / step).rounded())
    let perSample = Int((sampleInterval / step).rounded())
    let skipped = Int((transient / step).rounded())
    precondition(delay >= 2 && perSample >= 1, "tau and the sample interval need whole steps")
    var ring = DelayRing(capacity: delay + 4, filledWith: initialValue)
    var result = [Double]()
    result.reserveCapacity(count)
    var x = initialValue  // x at grid index `delay + j`, time j·h
    var j = 0
    let h = step
    while result.count < count {
      if j >= skipped && (j - skipped) % perSample == 0 { result.append(x) }
      let i = j  // grid index of x(t - τ): the history occupies indices 0...delay
      let d0 = ring[i]
      let d1 = ring[i + 1]
      let dHalf = (-ring[max(i - 1, 0)] + 9 * d0 + 9 * d1 - ring[i + 2]) / 16
      let k1 = derivative(x, delayed: d0)
      let k2 = derivative(x + h / 2 * k1, delayed: dHalf)
      let k3 = derivative(x + h / 2 * k2, delayed: dHalf)
      let k4 = derivative(x + h * k3, delayed: d1)
      x += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
      j += 1
      ring[delay + j] = x
    }
    return result
  }
}

/// The last `capacity` grid values of the solution, indexed by their absolute grid index.
private struct DelayRing {
  private var values: [Double]

  /// A ring whose every slot holds `value` (the constant history).
  init(capacity: Int, filledWith value: Double) {
    values = [Double](repeating: value, count: capacity)
  }

  subscript(index: Int) -> Double {
    get { values[index % values.count] }
    set { values[index % values.count] = newValue }
  }
}
