import RecurEngine

/// A character-level language model over a text file, the setting of Karpathy, Johnson &
/// Fei-Fei, "Visualizing and Understanding Recurrent Networks", ICLR 2016 workshop (and
/// Graves, "Generating Sequences With Recurrent Neural Networks", 2013).
///
/// The text is read as `TextCorpus` (Unicode scalars of UTF-8, alphabet = the sorted distinct
/// characters of the whole file, V of them). The last 10% of the characters (⌊N/10⌋) are held
/// out; every sequence is a window of T + 1 consecutive characters from one part (start
/// uniform, from the stream of its split), inputs one-hot over V for the first T, labels the
/// next character at every step: loss `ce-all`, labels `[T, B]` in 0..<V. The file must hold
/// at least 10 · (T + 1) characters so that the held-out part holds one window.
///
/// Baseline: the unigram entropy of the file in nats, the loss of predicting every character
/// by its frequency, whatever came before. Report bits per character as loss / ln 2
/// (`bitsPerCharacter`). Solved: at most 60% of the unigram entropy. On the shipped text
/// (experiments/data) the unigram entropy is 3.01 nats and add-0.01 smoothed n-gram tables
/// fitted on the first 90% score, on the last 10%, 73% of it for bigrams, 56% for trigrams and
/// 44% for 4-grams; at 75% a bigram table would count as solved, so 60% asks for memory of
/// more than the last character.
struct CharLMTask: TaskGenerator {
  /// The text `recur run task=charlm` reads when no `data=` is given, relative to the
  /// repository root.
  static let defaultDataPath = "experiments/data/kjv-genesis-exodus.txt"
  /// Larger files are refused: the text is held as 4-byte codes.
  static let maximumFileBytes = 64 << 20
  /// More distinct characters are refused: each one is an input and an output of the model.
  static let maximumAlphabet = 1024
  /// The share of the text held out at its end.
  static let heldOutDivisor = 10

  let steps: Int
  let corpus: TextCorpus
  /// Index of the first held-out character.
  let heldOutStart: Int
  var inputSize: Int { corpus.alphabet.count }
  var outputSize: Int { corpus.alphabet.count }
  var loss: LossKind { .ceAll }
  var statedBaseline: Double? { corpus.unigramEntropy }

  /// The task over the text at `path`, or the `TaskError` that says what is wrong with it.
  init(seqLen: Int, path: String) throws(TaskError) {
    precondition(seqLen >= 1, "charlm needs seq_len >= 1")
    let corpus = try TextCorpus(
      path: path, maximumBytes: Self.maximumFileBytes, maximumAlphabet: Self.maximumAlphabet)
    let needed = Self.heldOutDivisor * (seqLen + 1)
    guard corpus.codes.count >= needed else {
      throw .dataFileTooShort(
        path: path, characters: corpus.codes.count, needed: needed, seqLen: seqLen)
    }
    steps = seqLen
    self.corpus = corpus
    heldOutStart = corpus.codes.count - corpus.codes.count / Self.heldOutDivisor
  }

  func solvedThreshold(baseline: Double) -> Double { 0.6 * baseline }

  /// The window starts a split may use: each window of T + 1 characters stays in its part.
  func starts(_ split: DataSplit) -> ClosedRange<Int> {
    switch split {
    case .training: 0...(heldOutStart - steps - 1)
    case .evaluation: heldOutStart...(corpus.codes.count - steps - 1)
    }
  }

  func makeBatch(size: Int, split: DataSplit, using rng: inout SeededGenerator) -> Batch {
    let classes = inputSize
    var inputs = [Float](repeating: 0, count: steps * size * classes)  // [T, B, V]
    var labels = [Int32](repeating: 0, count: steps * size)  // [T, B]
    let range = starts(split)
    corpus.codes.withUnsafeBufferPointer { text in
      inputs.withUnsafeMutableBufferPointer { x in
        for b in 0..<size {
          let start = range.lowerBound + rng.int(below: range.count)
          for t in 0..<steps {
            x[(t * size + b) * classes + Int(text[start + t])] = 1
            labels[t * size + b] = text[start + t + 1]
          }
        }
      }
    }
    return Batch(
      steps: steps, size: size, inputSize: classes, inputs: inputs,
      targets: .labels(labels, classes: classes))
  }

  /// Cross-entropy of predicting every character by its frequency in the whole file.
  func trivialLoss(on batches: [Batch]) -> Double {
    let total = Double(corpus.codes.count)
    let surprise = corpus.counts.map { -_log(Double($0) / total) }
    var mean = MeanAccumulator()
    for batch in batches {
      guard case .labels(let labels, _) = batch.targets else { continue }
      for label in labels { mean.add(surprise[Int(label)]) }
    }
    return mean.mean
  }
}
