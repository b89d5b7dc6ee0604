/// One point of a curve aggregated over seeds: the mean and the band from the lowest to the
/// highest seed.
struct BandPoint: Sendable, Hashable {
  var x: Double
  var mean: Double
  var low: Double
  var high: Double
  /// How many trials had a finite value here.
  var count: Int

  /// Aggregates `(x, value)` pairs from several trials: one point per x (in increasing x)
  /// over the trials that have a finite value there. With `geometric`, the mean is the
  /// geometric one and non-positive values are dropped (for norms plotted on a log axis).
  static func aggregate(_ samples: [(Double, Double)], geometric: Bool = false) -> [BandPoint] {
    var byX: [Double: [Double]] = [:]
    for (x, value) in samples where x.isFinite && value.isFinite && (!geometric || value > 0) {
      byX[x, default: []].append(value)
    }
    return byX.keys.sorted().compactMap { x in
      guard let values = byX[x], let low = values.min(), let high = values.max(),
        let mean = geometric ? Statistics.geometricMean(values) : Statistics.mean(values)
      else { return nil }
      return BandPoint(x: x, mean: mean, low: low, high: high, count: values.count)
    }
  }
}
