#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The two losses over the head's outputs, as sums so that a batch split into chunks (for
/// evaluation) gives the same mean as the whole.
///
/// `MSELoss()` is the mean of `(y - t)²` over every element; `CrossEntropyLoss()` the mean of
/// `logsumexp(y) - y[label]` over every labelled position, positions labelled -100 (PyTorch's
/// default `ignore_index`) left out (PyTorch docs, `torch.nn.MSELoss`, `CrossEntropyLoss`).
/// Sums are accumulated in Double.
enum LossFunctions {
  /// PyTorch's default `ignore_index`.
  static let ignoredLabel: Int32 = -100

  /// The sum of `(y - t)²` over `count` elements; with `gradient`, also writes
  /// `scale * 2 (y - t)` there (`scale` = 1 / the count of the mean).
  static func squaredError(
    outputs: UnsafePointer<Float>, targets: UnsafePointer<Float>, count: Int,
    gradient: UnsafeMutablePointer<Float>?, scale: Float
  ) -> Double {
    var sum = 0.0
    for i in 0..<count {
      let d = outputs[i] - targets[i]
      sum += Double(d) * Double(d)
      gradient?[i] = 2 * d * scale
    }
    return sum
  }

  /// The positions of `labels[rows]` that carry a label.
  static func labelledCount(_ labels: UnsafePointer<Int32>, rows: Int) -> Int {
    var count = 0
    for r in 0..<rows where labels[r] != ignoredLabel { count += 1 }
    return count
  }

  /// Cross-entropy of `logits` `[rows, classes]` against `labels` `[rows]`, computed with the
  /// max subtracted (a stable log-softmax): returns the sum over labelled rows and how many of
  /// them have their label as the arg-max. With `gradient`, writes
  /// `scale * (softmax(y) - onehot(label))` for labelled rows and zeros for the others.
  static func crossEntropy(
    logits: UnsafePointer<Float>, labels: UnsafePointer<Int32>, rows: Int, classes: Int,
    gradient: UnsafeMutablePointer<Float>?, scale: Float
  ) -> (sum: Double, correct: Int) {
    var sum = 0.0
    var correct = 0
    for r in 0..<rows {
      let y = logits + r * classes
      let label = labels[r]
      guard label != ignoredLabel else {
        gradient.map { ($0 + r * classes).update(repeating: 0, count: classes) }
        continue
      }
      var best = 0
      for c in 1..<max(classes, 1) where y[c] > y[best] { best = c }
      let top = y[best]
      let g = gradient.map { $0 + r * classes }
      var total = 0.0
      for c in 0..<classes {
        let e = exp(Double(y[c] - top))
        total += e
        g?[c] = Float(e)
      }
      sum += log(total) - Double(y[Int(label)] - top)
      if best == Int(label) { correct += 1 }
      if let g {
        let inverse = 1 / total
        for c in 0..<classes { g[c] = Float(Double(g[c]) * inverse) * scale }
        g[Int(label)] -= scale
      }
    }
    return (sum, correct)
  }
}
