import RecurEngine

/// The adding problem in the variant of Arjovsky, Shah & Bengio, "Unitary Evolution Recurrent
/// Neural Networks", ICML 2016, §4.2 (after Hochreiter & Schmidhuber 1997, experiment 4).
///
/// Each sequence has T = `seq_len` steps and two input channels: channel 0 holds values drawn
/// from U[0, 1); channel 1 is 0 except for exactly two 1s, one at a uniform position of the
/// first half `0 ..< ⌊T/2⌋` and one at a uniform position of the second half
/// `⌈T/2⌉ ..< T` (for odd T the middle step belongs to neither half, so both halves have
/// ⌊T/2⌋ positions). The target, read after the last step, is the sum of the two marked
/// values: loss `mse-last`, targets `[B, 1]` in [0, 2).
///
/// Baseline: always answering 1 (the mean of the sum) gives the variance of the sum of two
/// independent U[0, 1] values, 2 · 1/12 = 1/6. Solved: MSE at most 10% of that, 1/60.
struct AddingTask: TaskGenerator {
  let steps: Int
  var inputSize: Int { 2 }
  var outputSize: Int { 1 }
  var loss: LossKind { .mseLast }
  var statedBaseline: Double? { 1.0 / 6.0 }

  init(seqLen: Int) {
    precondition(seqLen >= 2, "adding needs two halves")
    steps = seqLen
  }

  func solvedThreshold(baseline: Double) -> Double { 0.1 * baseline }

  /// The positions the first marker may take.
  var firstHalf: Range<Int> { 0..<(steps / 2) }
  /// The positions the second marker may take.
  var secondHalf: Range<Int> { (steps - steps / 2)..<steps }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    var inputs = [Float](repeating: 0, count: steps * size * 2)  // [T, B, 2]
    var targets = [Float](repeating: 0, count: size)  // [B, 1]
    inputs.withUnsafeMutableBufferPointer { x in
      for b in 0..<size {
        for t in 0..<steps { x[(t * size + b) * 2] = rng.nextFloat() }
        let first = firstHalf.lowerBound + rng.int(below: firstHalf.count)
        let second = secondHalf.lowerBound + rng.int(below: secondHalf.count)
        x[(first * size + b) * 2 + 1] = 1
        x[(second * size + b) * 2 + 1] = 1
        targets[b] = x[(first * size + b) * 2] + x[(second * size + b) * 2]
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: 2, inputs: inputs,
      targets: .values(targets, outputs: 1))
  }

  /// Mean squared error of the constant answer 1.
  func trivialLoss(on batches: [Batch]) -> Double {
    var mean = MeanAccumulator()
    for batch in batches {
      guard case .values(let values, _) = batch.targets else { continue }
      for y in values { mean.add((Double(y) - 1) * (Double(y) - 1)) }
    }
    return mean.mean
  }
}
