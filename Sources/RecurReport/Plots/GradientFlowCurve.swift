/// ‖dL/dh_t‖ of the top layer against t for one group, at initialisation (the diagnosis at
/// step 0) and at the end (each trial's last diagnosis), geometric mean over the trials at
/// each t (the norms span decades and are plotted on a log axis).
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
      let trials = trained.contains { $0.lastDiagnosis != nil } ? trained : group.trials
      let initial = trials.compactMap { trial in
        trial.points.first { $0.step == 0 && $0.hasDiagnosis }?.topHiddenGradNorm()
      }
      let last = trials.compactMap(\.lastDiagnosis)
      guard !initial.isEmpty || !last.isEmpty else { return nil }
      return GradientFlowCurve(
        series: layout.series(of: group), facet: layout.facet(of: group),
        initial: Self.flow(initial), final: Self.flow(last.compactMap { $0.topHiddenGradNorm() }),
        finalStep: last.map(\.step).max())
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
  /// The trial's last record with a gradient-flow diagnosis.
  var lastDiagnosis: MetricPoint? {
    points.last(where: \.hasDiagnosis)
  }
}
