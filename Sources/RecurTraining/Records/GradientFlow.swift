import Foundation

/// Summaries of one layer's gradient-flow curve ‖dL/dh_t‖, t = 0..<T (the engine's
/// `Diagnostics.hiddenGradNorm`), as METRICS.md defines them.
///
/// The curve shows how much of the loss's gradient reaches each time step: in a network whose
/// gradient vanishes it falls geometrically going back from the steps where the loss is
/// applied (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013, section 2).
public enum GradientFlow {
  /// ‖dL/dh_0‖ / ‖dL/dh_{T-1}‖: near 1 when the gradient reaches the start of the sequence,
  /// tiny when it vanished, large when it grew. nil when either norm is not finite or the
  /// last is 0.
  public static func retention(_ curve: [Float]) -> Double? {
    guard let first = curve.first, let last = curve.last else { return nil }
    let ratio = Double(first) / Double(last)
    return ratio.isFinite ? ratio : nil
  }

  /// The least-squares slope of ln ‖dL/dh_t‖ against t, over the steps whose norm is finite
  /// and positive: positive when the gradient shrinks going back in time (it is multiplied by
  /// about e^-slope per step back), negative when it grows. nil with fewer than two such steps.
  public static func decayPerStep(_ curve: [Float]) -> Double? {
    var points: [(t: Double, y: Double)] = []
    for (t, norm) in curve.enumerated() where norm.isFinite && norm > 0 {
      points.append((Double(t), log(Double(norm))))
    }
    guard points.count >= 2 else { return nil }
    let n = Double(points.count)
    let meanT = points.reduce(0) { $0 + $1.t } / n
    let meanY = points.reduce(0) { $0 + $1.y } / n
    var covariance = 0.0
    var variance = 0.0
    for point in points {
      covariance += (point.t - meanT) * (point.y - meanY)
      variance += (point.t - meanT) * (point.t - meanT)
    }
    let slope = covariance / variance
    return slope.isFinite ? slope : nil
  }
}
