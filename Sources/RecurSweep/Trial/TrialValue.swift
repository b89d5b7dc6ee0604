/// The value of one trial key, typed as the key's schema says (`TrialKey.Kind`).
///
/// Choice keys (`cell`, `task`, …) and text keys hold `.text`. Values compare and hash by their
/// canonical text, so `1e-3` and `0.001` are the same learning rate.
public enum TrialValue: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case float(Double)
  case text(String)

  /// The canonical text: integers in decimal; floats as Swift's shortest round-trip decimal
  /// (`Double.description`: `0.001`, `1e-05`, `2.0`), with -0.0 written as `0.0`; text as is.
  /// The trial id hashes this text, so it must never change between releases.
  public var canonical: String {
    switch self {
    case .int(let value): String(value)
    case .float(let value): value == 0 ? "0.0" : value.description
    case .text(let value): value
    }
  }

  public var description: String { canonical }

  /// The value as a Double, for numeric keys (nil for text).
  public var number: Double? {
    switch self {
    case .int(let value): Double(value)
    case .float(let value): value
    case .text: nil
    }
  }

  public static func == (lhs: TrialValue, rhs: TrialValue) -> Bool {
    lhs.canonical == rhs.canonical
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(canonical)
  }
}
