/// ‖dL/dh_t‖ of the top layer against t for one group, at initialisation (the diagnosis at
/// step 0) and at the end (each trial's last finite diagnosis), geometric mean over the
/// trials at each t (the norms span decades and are plotted on a log axis).
///
/// Trials that trained count; a group with none yet (a live sweep) shows its running trials'
/// latest diagnoses instead.
struct GradientFlowCurve: Sendable, Hashable {
  var series: String
  var facet: [String]
  var initial: [BandPoint]
  var final: [BandPoint]
  /// The step of the last diagnosis (the latest among the trials).
  var finalStep: Int?
}

extension Report {
  /// One gradient-flow curve per group with diagnoses, in row order.
  func gradientFlow(layout: PlotLayout) -> [GradientFlowCurve] {
    groups.compactMap { group in
      let trained = group.trials.filter(\.hasTrained)
      let trials = trained.contains { $0.lastFiniteDiagnosis != nil } ? trained : group.trials
      let initial = trials.compactMap { $0.initialDiagnosis?.curve }
      let last = trials.compactMap(\.lastFiniteDiagnosis)
      guard !initial.isEmpty || !last.isEmpty else { return nil }
      return GradientFlowCurve(
        series: layout.series(of: group), facet: layout.facet(of: group),
        initial: Self.flow(initial), final: Self.flow(last.map(\.curve)),
        finalStep: last.map(\.point.step).max())
    }
  }

  private static func flow(_ curves: [[Double?]]) -> [BandPoint] {
    let samples = curves.flatMap { curve in
      curve.enumerated().compactMap { t, value in value.map { (Double(t), $0) } }
    }
    return BandPoint.aggregate(samples, geometric: true)
  }
}

extension TrialData {
  /// The diagnosis at step 0 (before any update) with its top-layer ‖dL/dh_t‖ curve, when
  /// that curve is entirely finite.
  var initialDiagnosis: (point: MetricPoint, curve: [Double?])? {
    guard let point = points.first(where: { $0.step == 0 && $0.hasDiagnosis }),
      let curve = point.topHiddenGradNorm(), curve.allSatisfy({ $0 != nil })
    else { return nil }
    return (point, curve)
  }

  /// The last diagnosis whose top-layer curve is entirely finite (a diverging pass's is not),
  /// with that curve: "the end" of training for the gradient measures, as in METRICS.md.
  var lastFiniteDiagnosis: (point: MetricPoint, curve: [Double?])? {
    for point in points.reversed() where point.hasDiagnosis {
      if let curve = point.topHiddenGradNorm(), curve.allSatisfy({ $0 != nil }) {
        return (point, curve)
      }
    }
    return nil
  }
}
