import Foundation
import RecurEngine

extension ProbeReport {
  /// A short summary for a person: the loss, the gradient norm of each parameter, the
  /// gradient-flow curve of each layer at its first, middle and last step with the ratio
  /// first / last (`GradientFlow.retention`), and the saturation of each gate.
  public var text: String {
    var lines = [
      "loss \(Self.format(lossValue)) (\(loss.rawValue); \(config.cell.rawValue), "
        + "\(config.layers) layer\(config.layers == 1 ? "" : "s"), hidden \(config.hiddenSize); "
        + "T=\(steps), B=\(batchSize))",
      "gradient norms:",
    ]
    let width = parameterNames.map(\.count).max() ?? 0
    for (name, norm) in zip(diagnostics.parameterNames, diagnostics.parameterGradNorms) {
      lines.append(
        "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
          + Self.format(norm))
    }
    lines.append("gradient flow ‖dL/dh_t‖ (first, middle, last step; first/last):")
    for (layer, curve) in diagnostics.hiddenGradNorm.enumerated() {
      lines.append("  layer \(layer): " + Self.flow(curve))
    }
    lines.append("saturation:")
    for layer in 0..<config.layers {
      let gates = diagnostics.saturation.filter { $0.layer == layer }
        .map { "\($0.gate) \(Self.fraction($0.fraction))" }
      lines.append("  layer \(layer): " + gates.joined(separator: "  "))
    }
    return lines.joined(separator: "\n")
  }

  private static func flow(_ curve: [Float]) -> String {
    guard let first = curve.first, let last = curve.last else { return "(empty)" }
    let middle = curve[curve.count / 2]
    let ratio = GradientFlow.retention(curve).map { format(Float($0)) } ?? "n/a"
    return "t=0 \(format(first)), t=\(curve.count / 2) \(format(middle)), "
      + "t=\(curve.count - 1) \(format(last)); ratio \(ratio)"
  }

  /// Four significant digits in scientific notation, as PyTorch prints small gradients.
  static func format(_ value: Float) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    return String(format: "%.4g", Double(value))
  }

  static func fraction(_ value: Float) -> String {
    String(format: "%.3f", Double(value))
  }
}
