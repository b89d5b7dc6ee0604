import RecurEngine

/// The copy memory task of Arjovsky, Shah & Bengio, "Unitary Evolution Recurrent Neural
/// Networks", ICML 2016, §4.1 (after Hochreiter & Schmidhuber 1997).
///
/// Categories: 0 is the blank, 1...8 the symbols, 9 the delimiter. With T = `seq_len`, each
/// input sequence has T + 20 steps: 10 symbols drawn uniformly (with replacement) from 1...8,
/// then T - 1 blanks, the delimiter (at step T + 9), then 10 blanks. The target is T + 10
/// blanks followed by the 10 symbols in their order, so each symbol is recalled T + 10 steps
/// after it was shown. Inputs are one-hot over the 10 categories; outputs are 9 classes
/// (blank and the 8 symbols: the delimiter is never a target); loss `ce-all`, labels `[T+20, B]`.
///
/// Baseline: a memoryless model predicts blank with certainty for the first T + 10 steps and a
/// uniform guess over the 8 symbols for the last 10, a mean cross-entropy of
/// 10 · ln 8 / (T + 20) per step. Solved: at most 10% of that, which asks for a geometric-mean
/// probability of at least 8^-0.1 ≈ 0.81 on each recalled symbol when the blanks are perfect.
struct CopyTask: TaskGenerator {
  /// The number of symbols to remember.
  static let symbols = 10
  /// The size of the symbol alphabet.
  static let alphabet = 8
  static let blank: Int32 = 0
  static let delimiter = 9

  /// T, the `seq_len`: one more than the number of blanks between the symbols and the delimiter.
  let delay: Int
  var steps: Int { delay + 2 * Self.symbols }
  var inputSize: Int { Self.alphabet + 2 }
  var outputSize: Int { Self.alphabet + 1 }
  var loss: LossKind { .ceAll }
  var statedBaseline: Double? {
    Double(Self.symbols) * _log(Double(Self.alphabet)) / Double(steps)
  }
  /// The recall steps: accuracy on the blanks says nothing about memory.
  var accuracySteps: Range<Int> { (delay + Self.symbols)..<steps }

  init(seqLen: Int) {
    precondition(seqLen >= 1, "copy needs seq_len >= 1")
    delay = seqLen
  }

  func solvedThreshold(baseline: Double) -> Double { 0.1 * baseline }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    let classes = inputSize
    var inputs = [Float](repeating: 0, count: steps * size * classes)  // [T+20, B, 10]
    var labels = [Int32](repeating: Self.blank, count: steps * size)  // [T+20, B]
    let recall = delay + Self.symbols
    inputs.withUnsafeMutableBufferPointer { x in
      for b in 0..<size {
        for t in 0..<Self.symbols {
          let symbol = 1 + rng.int(below: Self.alphabet)
          x[(t * size + b) * classes + symbol] = 1
          labels[(recall + t) * size + b] = Int32(symbol)
        }
        for t in Self.symbols..<steps where t != recall - 1 {
          x[(t * size + b) * classes + Int(Self.blank)] = 1
        }
        x[((recall - 1) * size + b) * classes + Self.delimiter] = 1
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: classes, inputs: inputs,
      targets: .labels(labels, classes: outputSize))
  }

  /// Cross-entropy of the memoryless predictor: certain blanks before step T + 10, a uniform
  /// guess over the symbols after (infinite where a label breaks that structure).
  func trivialLoss(on batches: [Batch]) -> Double {
    let guess = _log(Double(Self.alphabet))
    var mean = MeanAccumulator()
    for batch in batches {
      guard case .labels(let labels, _) = batch.targets else { continue }
      for (index, label) in labels.enumerated() {
        let recalling = index / batch.size >= delay + Self.symbols
        switch (recalling, label == Self.blank) {
        case (false, true): mean.add(0)
        case (true, false): mean.add(guess)
        default: mean.add(.infinity)
        }
      }
    }
    return mean.mean
  }
}
