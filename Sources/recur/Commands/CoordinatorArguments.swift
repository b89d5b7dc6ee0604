import ArgumentParser
import Foundation

/// A duration on the command line: `1s`, `0.5s`, `250ms`, `2m`, `1h`, or a bare number of
/// seconds. Used by `recur coordinator` and `recur worker`.
struct DurationArgument: ExpressibleByArgument, CustomStringConvertible, Sendable {
  let seconds: Double

  init(seconds: Double) {
    self.seconds = seconds
  }

  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(suffix: String, scale: Double)] = [
      ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600),
    ]
    let (number, scale) =
      units.first { text.hasSuffix($0.suffix) }
      .map { (String(text.dropLast($0.suffix.count)), $0.scale) } ?? (text, 1)
    guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
    seconds = value * scale
  }

  var description: String {
    seconds < 1 ? "\(Int((seconds * 1000).rounded()))ms" : "\(Self.trimmed(seconds))s"
  }

  static var defaultCompletionKind: CompletionKind { .default }

  private static func trimmed(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
