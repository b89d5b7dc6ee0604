/// A running mean in Double, for losses pooled over many batches of Float targets.
struct MeanAccumulator {
  private(set) var sum = 0.0
  private(set) var count = 0

  mutating func add(_ value: Double) {
    sum += value
    count += 1
  }

  /// The mean so far; 0 when nothing was added.
  var mean: Double { count == 0 ? 0 : sum / Double(count) }
}
