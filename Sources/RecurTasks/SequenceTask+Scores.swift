import RecurEngine

extension SequenceTask {
  /// Bits per character of a `charlm` cross-entropy `loss` in nats: loss / ln 2.
  public static func bitsPerCharacter(loss: Double) -> Double { loss / _log(2) }

  /// The share of right answers (argmax of `outputs` equals the label) for classification
  /// tasks; nil for regression. `outputs` are the head's logits or probabilities, `[B, O]` for
  /// `ce-last`, `[T, B, O]` for `ce-all`. `copy` scores only its 10 recall steps: the blanks
  /// before them are free for any model.
  public func accuracy(outputs: [Float], batch: Batch) -> Double? {
    guard case .labels(let labels, let classes) = batch.targets else { return nil }
    precondition(outputs.count == labels.count * classes, "outputs must hold one row per label")
    let rows = loss == .ceAll ? generator.accuracySteps.map { $0 * batch.size } : [0]
    var right = 0
    var scored = 0
    for first in rows {
      for row in first..<(first + batch.size) {
        let logits = outputs[(row * classes)..<((row + 1) * classes)]
        let guess = logits.indices.max { logits[$0] < logits[$1] } ?? logits.startIndex
        if guess - row * classes == Int(labels[row]) { right += 1 }
        scored += 1
      }
    }
    return scored == 0 ? nil : Double(right) / Double(scored)
  }
}
