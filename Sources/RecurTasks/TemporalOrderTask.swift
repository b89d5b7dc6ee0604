import RecurEngine

/// The temporal order problem of Hochreiter & Schmidhuber, "Long Short-Term Memory", Neural
/// Computation 9(8), 1997, experiment 6a, in the form of Pascanu, Mikolov & Bengio, "On the
/// difficulty of training recurrent neural networks", ICML 2013 (their `TempOrderTask`).
///
/// Symbols 0 = A, 1 = B and four distractors 2...5, one-hot over 6 inputs. With T = `seq_len`,
/// every step holds a distractor drawn uniformly from 2...5, except one step in [0.1T, 0.2T)
/// and one in [0.5T, 0.6T) (uniform integer positions in those real intervals), which hold A or
/// B with equal probability. The class, read after the last step, is the order of the two:
/// AA = 0, AB = 1, BA = 2, BB = 3 (2 · first + second); loss `ce-last`, labels `[B]`.
///
/// Baseline: the uniform guess over the 4 equally likely classes, ln 4. Solved: at most 10% of
/// that (a geometric-mean probability of about 0.87 on the right class).
struct TemporalOrderTask: TaskGenerator {
  static let distractors = 4
  let steps: Int
  var inputSize: Int { 2 + Self.distractors }
  var outputSize: Int { 4 }
  var loss: LossKind { .ceLast }
  var statedBaseline: Double? { _log(4) }

  init(seqLen: Int) {
    steps = seqLen
    precondition(!firstWindow.isEmpty && !secondWindow.isEmpty, "marker windows are empty")
  }

  /// The integers t with 0.1T <= t < 0.2T.
  var firstWindow: Range<Int> { Self.window(steps, from: 1, to: 2) }
  /// The integers t with 0.5T <= t < 0.6T.
  var secondWindow: Range<Int> { Self.window(steps, from: 5, to: 6) }

  /// The integers t with (low/10)·T <= t < (high/10)·T, by exact integer ceilings.
  static func window(_ steps: Int, from low: Int, to high: Int) -> Range<Int> {
    ((low * steps + 9) / 10)..<((high * steps + 9) / 10)
  }

  func solvedThreshold(baseline: Double) -> Double { 0.1 * baseline }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    let width = inputSize
    var inputs = [Float](repeating: 0, count: steps * size * width)  // [T, B, 6]
    var labels = [Int32](repeating: 0, count: size)  // [B]
    let first = firstWindow
    let second = secondWindow
    inputs.withUnsafeMutableBufferPointer { x in
      for b in 0..<size {
        for t in 0..<steps {
          x[(t * size + b) * width + 2 + rng.int(below: Self.distractors)] = 1
        }
        let a = Self.placeMarker(in: first, sequence: b, of: size, width: width, x, &rng)
        let c = Self.placeMarker(in: second, sequence: b, of: size, width: width, x, &rng)
        labels[b] = Int32(2 * a + c)
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: width, inputs: inputs,
      targets: .labels(labels, classes: outputSize))
  }

  /// Overwrites the distractor at a uniform step of `window` with A or B; returns the symbol.
  private static func placeMarker(
    in window: Range<Int>, sequence b: Int, of size: Int, width: Int,
    _ x: UnsafeMutableBufferPointer<Float>, _ rng: inout SeededGenerator
  ) -> Int {
    let t = window.lowerBound + rng.int(below: window.count)
    let symbol = rng.int(below: 2)
    let row = (t * size + b) * width
    for k in 0..<width { x[row + k] = 0 }
    x[row + symbol] = 1
    return symbol
  }

  /// Cross-entropy of the uniform guess: ln 4 for every sequence.
  func trivialLoss(on batches: [Batch]) -> Double {
    batches.contains { $0.size > 0 } ? _log(4) : 0
  }
}
