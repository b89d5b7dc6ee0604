/// Why a sweep file cannot be used. `recur` maps `.missingFile` to exit code 66 and
/// `.invalid` to 65.
public enum SweepError: Error, Sendable, CustomStringConvertible {
  /// No file at the path, or one that cannot be read.
  case missingFile(path: String, reason: String)
  /// Every problem found, in file order; nothing runs until they are fixed.
  case invalid([SweepDiagnostic])

  /// The problems, one per line (`file:line:column: what is wrong; what is expected`).
  public var description: String {
    switch self {
    case .missingFile(let path, let reason):
      "\(path): \(reason); expected the path of a sweep file such as experiments/smoke.yaml"
    case .invalid(let diagnostics):
      diagnostics.map(\.description).joined(separator: "\n")
    }
  }

  /// The diagnostics of an invalid file (empty for a missing one).
  public var diagnostics: [SweepDiagnostic] {
    if case .invalid(let diagnostics) = self { return diagnostics }
    return []
  }
}
