/// The saturation of each gate of one group's top layer over training: at each diagnosed
/// step, the mean over the trials that measured it (running trials too, as `LossCurve`).
struct SaturationCurve: Sendable, Hashable {
  var series: String
  var facet: [String]
  /// The group's key values, for the panel title.
  var keyValues: [String]
  /// Per gate, in `ReportTable.gateOrder`.
  var gates: [Gate]

  struct Gate: Sendable, Hashable {
    var gate: String
    var points: [BandPoint]
  }
}

extension Report {
  /// One saturation curve per group with saturation records, in row order.
  func saturationCurves(layout: PlotLayout) -> [SaturationCurve] {
    groups.compactMap { group in
      var samples: [String: [(Double, Double)]] = [:]
      for point in group.trials.flatMap(\.points) {
        for (gate, value) in point.topSaturation {
          samples[gate, default: []].append((Double(point.step), value))
        }
      }
      let gates = ReportTable.sortedGates(samples.keys).map { gate in
        SaturationCurve.Gate(gate: gate, points: BandPoint.aggregate(samples[gate] ?? []))
      }.filter { !$0.points.isEmpty }
      guard !gates.isEmpty else { return nil }
      return SaturationCurve(
        series: layout.series(of: group), facet: layout.facet(of: group),
        keyValues: group.keyValues, gates: gates)
    }
  }
}
