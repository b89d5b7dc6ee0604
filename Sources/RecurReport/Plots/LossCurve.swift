/// The loss of one group over training: the mean over its trials at each recorded step, with
/// the band from the lowest to the highest trial, and the task's baseline.
///
/// Every trial with records counts, a running one too (so a live report shows progress): at
/// each step, the mean covers the trials that recorded a finite loss there, so a trial that
/// diverged or has not got that far yet simply leaves the mean from that step on.
struct LossCurve: Sendable, Hashable {
  var series: String
  var facet: [String]
  /// Eval loss when any trial of the group recorded one, otherwise training loss.
  var isEvalLoss: Bool
  var points: [BandPoint]
  /// The task's baseline loss, when a summary gives it.
  var baseline: Double?
}

extension Report {
  /// One loss curve per group that recorded a loss, in row order.
  func lossCurves(layout: PlotLayout) -> [LossCurve] {
    groups.compactMap { group in
      let points = group.trials.flatMap(\.points)
      let isEval = points.contains { $0.evalLoss != nil }
      let samples = points.compactMap { point -> (Double, Double)? in
        guard let loss = isEval ? point.evalLoss : point.trainLoss else { return nil }
        return (Double(point.step), loss)
      }
      let curve = BandPoint.aggregate(samples)
      guard !curve.isEmpty else { return nil }
      return LossCurve(
        series: layout.series(of: group), facet: layout.facet(of: group), isEvalLoss: isEval,
        points: curve, baseline: group.baseline)
    }
  }
}
