import RecurEngine

/// Next-value forecasting of the Mackey-Glass series with τ = 17 (Mackey & Glass 1977; as a
/// forecasting benchmark, Lapedes & Farber 1987 and Jaeger & Haas, Science 304, 2004). The
/// series itself is `MackeyGlassSeries`: RK4 at h = 0.1, sampled every time unit.
///
/// One long trajectory of L = max(20,000, 10 · (T + 1)) samples is computed once; the first 90%
/// is the training segment, the last 10% the held-out segment, and every sequence is a window
/// of T + 1 consecutive samples from one segment (start uniform, from the stream of its split):
/// inputs the first T, targets the last T, so no held-out value is ever seen in training. The
/// trajectory does not depend on the seed; which windows are drawn does. Values are
/// standardised with the mean and standard deviation of the training segment (raw values lie
/// in about [0.4, 1.35], mean 0.93, sd 0.23), so losses are in units of the series' variance.
/// Loss `mse-all`, one input and one output per step.
///
/// Baseline: repeating the last value, measured on the evaluation set (about 0.021 in these
/// units: the series is smooth at this sampling). Solved: at most 10% of that. The series is
/// deterministic, so only the first step of a window, before any slope is seen, is hard.
struct MackeyGlassTask: TaskGenerator {
  /// The share of the trajectory held out at its end.
  static let heldOutShare = 0.1
  /// Samples in the shortest trajectory, whatever T.
  static let minimumLength = 20_000

  let steps: Int
  /// The standardised trajectory.
  let series: [Float]
  /// Index of the first held-out sample.
  let heldOutStart: Int
  var inputSize: Int { 1 }
  var outputSize: Int { 1 }
  var loss: LossKind { .mseAll }
  var statedBaseline: Double? { nil }

  init(seqLen: Int) {
    precondition(seqLen >= 1, "mackey_glass needs seq_len >= 1")
    steps = seqLen
    let length = max(Self.minimumLength, 10 * (seqLen + 1))
    let raw = MackeyGlassSeries().samples(count: length)
    heldOutStart = length - Int(Double(length) * Self.heldOutShare)
    let training = raw[..<heldOutStart]
    let mean = training.reduce(0, +) / Double(training.count)
    let variance = training.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(training.count)
    let scale = 1 / variance.squareRoot()
    series = raw.map { Float(($0 - mean) * scale) }
  }

  func solvedThreshold(baseline: Double) -> Double { 0.1 * baseline }

  /// The window starts a split may use: each window of T + 1 samples stays in its segment.
  func starts(_ split: DataSplit) -> ClosedRange<Int> {
    switch split {
    case .training: 0...(heldOutStart - steps - 1)
    case .evaluation: heldOutStart...(series.count - steps - 1)
    }
  }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    var inputs = [Float](repeating: 0, count: steps * size)  // [T, B, 1]
    var targets = [Float](repeating: 0, count: steps * size)  // [T, B, 1]
    let range = starts(split)
    series.withUnsafeBufferPointer { s in
      for b in 0..<size {
        let start = range.lowerBound + rng.int(below: range.count)
        for t in 0..<steps {
          inputs[t * size + b] = s[start + t]
          targets[t * size + b] = s[start + t + 1]
        }
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: 1, inputs: inputs,
      targets: .values(targets, outputs: 1))
  }

  func trivialLoss(on batches: [Batch]) -> Double { repeatLastLoss(batches) }
}
