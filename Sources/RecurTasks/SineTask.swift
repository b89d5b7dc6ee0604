import RecurEngine

/// Next-value forecasting of a noisy mixture of sines, the textbook signal-plus-noise series;
/// the baseline is the naive (persistence) forecast of Hyndman & Athanasopoulos, "Forecasting:
/// Principles and Practice", 3rd ed., 2021, §5.2.
///
/// Each sequence is its own mixture: x_t = Σ_{k=1}^{3} a_k sin(2π t / P_k + φ_k) + σ ε_t with
/// amplitudes a_k ~ U[0.2, 1), periods P_k ~ U[8, 64) steps, phases φ_k ~ U[0, 2π), and
/// observation noise σ = 0.05, ε_t ~ N(0, 1) independent. With T = `seq_len`, the inputs are
/// x_0 ... x_{T-1} and the targets x_1 ... x_T (noise included): loss `mse-all`, one input and
/// one output per step.
///
/// Baseline: repeating the last value (predict x_t for x_{t+1}), measured on the evaluation set.
/// Its expectation is Σ_k E[a²] E[1 - cos(2π/P)] + 2σ² = 3 · 0.4133 · 0.0378 + 0.005 ≈ 0.0519,
/// but sequences differ a lot (sd ≈ 0.05 per sequence), hence the measurement. Solved: at most 25% of that. The rule is looser than the 10% of the other
/// tasks because the noise floor σ² is already about 5% of the baseline and the first steps of
/// a sequence cannot be predicted well before its periods are seen; in a check with 4,000
/// sequences of T = 100, the best linear predictor from the last 30 values, fitted per step over
/// all sequences, reached 26% of the baseline, so "solved" asks for more than a fixed filter.
struct SineTask: TaskGenerator {
  static let amplitudes: (Double, Double) = (0.2, 1.0)
  static let periods: (Double, Double) = (8, 64)
  static let noise = 0.05

  let steps: Int
  var inputSize: Int { 1 }
  var outputSize: Int { 1 }
  var loss: LossKind { .mseAll }
  var statedBaseline: Double? { nil }

  init(seqLen: Int) {
    precondition(seqLen >= 1, "sine needs seq_len >= 1")
    steps = seqLen
  }

  func solvedThreshold(baseline: Double) -> Double { 0.25 * baseline }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    var inputs = [Float](repeating: 0, count: steps * size)  // [T, B, 1]
    var targets = [Float](repeating: 0, count: steps * size)  // [T, B, 1]
    for b in 0..<size {
      var c0 = Oscillator(&rng)
      var c1 = Oscillator(&rng)
      var c2 = Oscillator(&rng)
      var spare = 0.0  // the second draw of a pair, used at the odd step
      for t in 0...steps {  // x_0 ... x_T
        let e: Double
        if t % 2 == 0 { (e, spare) = Self.gaussianPair(&rng) } else { e = spare }
        let x = Float(c0.next() + c1.next() + c2.next() + Self.noise * e)
        if t < steps { inputs[t * size + b] = x }
        if t > 0 { targets[(t - 1) * size + b] = x }
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: 1, inputs: inputs,
      targets: .values(targets, outputs: 1))
  }

  /// Two independent N(0, 1) draws by the polar method of Marsaglia & Bray, "A convenient
  /// method for generating normal variables", SIAM Review 6(3), 1964: one logarithm and one
  /// square root per pair, no trigonometry.
  static func gaussianPair(_ rng: inout SeededGenerator) -> (Double, Double) {
    while true {
      let u = 2 * rng.nextDouble() - 1
      let v = 2 * rng.nextDouble() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let scale = (-2 * _log(s) / s).squareRoot()
        return (u * scale, v * scale)
      }
    }
  }

  /// One sine of the mixture, a sin(ω t + φ), drawn as amplitude, period and phase and advanced
  /// one step at a time by rotating (sin, cos) of its angle by ω: four products per step
  /// instead of a `sin` call, exact to rounding (drift ~1e-16 per step).
  private struct Oscillator {
    let amplitude: Double
    let sinStep: Double  // sin ω, ω = 2π / period
    let cosStep: Double
    var sine: Double  // sin(ω t + φ) at the next step to emit
    var cosine: Double

    init(_ rng: inout SeededGenerator) {
      let (lowA, highA) = SineTask.amplitudes
      let (lowP, highP) = SineTask.periods
      amplitude = lowA + (highA - lowA) * rng.nextDouble()
      let frequency = 2 * Double.pi / (lowP + (highP - lowP) * rng.nextDouble())
      let phase = 2 * Double.pi * rng.nextDouble()
      sinStep = _sin(frequency)
      cosStep = _cos(frequency)
      sine = _sin(phase)
      cosine = _cos(phase)
    }

    /// a sin(ω t + φ) for the current t; then t advances by one.
    mutating func next() -> Double {
      let value = amplitude * sine
      (sine, cosine) = (sine * cosStep + cosine * sinStep, cosine * cosStep - sine * sinStep)
      return value
    }
  }

  func trivialLoss(on batches: [Batch]) -> Double { repeatLastLoss(batches) }
}

/// Mean squared error of repeating the last input value, over every step of one-feature
/// forecasting batches (inputs and targets `[T, B, 1]`).
func repeatLastLoss(_ batches: [Batch]) -> Double {
  var mean = MeanAccumulator()
  for batch in batches {
    guard case .values(let targets, _) = batch.targets else { continue }
    for (x, y) in zip(batch.inputs, targets) {
      let error = Double(y) - Double(x)
      mean.add(error * error)
    }
  }
  return mean.mean
}
