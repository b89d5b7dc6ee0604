import RecurSweep
import Testing

/// Helpers shared by the sweep suites.
enum SweepTesting {
  /// The sweep of `yaml`, which must be valid.
  static func sweep(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Sweep
  {
    do {
      return try Sweep.parse(text: yaml, path: "t.yaml")
    } catch {
      Issue.record("unexpected problems:\n\(error)", sourceLocation: sourceLocation)
      throw error
    }
  }

  /// Every diagnostic of `yaml` as `line:column: message` (the file name left out).
  static func problems(_ yaml: String) -> [String] {
    do {
      _ = try Sweep.parse(text: yaml, path: "t.yaml")
      return []
    } catch {
      return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    }
  }

  /// A minimal valid head: task and cell fixed.
  static let head = """
    fixed:
      task: adding
      cell: lstm

    """
}
