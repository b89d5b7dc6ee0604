import Foundation

/// A validated sweep file: settings, fixed keys, swept parameters, and the plan of its trials.
///
/// The format follows W&B Sweeps (issue 4): `name`, `description`, `method` (grid | random),
/// `samples` and `sample_seed` (random only), `seeds` or `repeats`, `metric`, `attempts`,
/// `max_trials`, `fixed` (trial keys that do not vary) and `parameters` (trial keys with a
/// distribution and an optional `when`). `Sweep.load(path:)` reports every problem of a file
/// at once; a `Sweep` that exists is valid, and `expand()` cannot fail.
public struct Sweep: Sendable {
  public enum Method: String, Sendable, CaseIterable, Codable {
    /// The cartesian product of the parameters' values.
    case grid
    /// `samples` configurations drawn from the distributions.
    case random
  }

  /// The path the file was read from, as given.
  public let path: String
  /// The file's text, as read (for storing beside the results).
  public let text: String
  /// The `name:`, or the file's base name.
  public let name: String
  /// The `description:`, the question the sweep asks.
  public let description: String?
  public let method: Method
  /// Random: the configurations asked for.
  public let samples: Int?
  /// Random: the seed of the draws (`sample_seed`, default 0).
  public let sampleSeed: UInt64
  /// The seeds every configuration runs with (from `seeds`, or `repeats: N` as N consecutive
  /// seeds from the fixed or default seed); empty when the file gives neither, and each
  /// configuration then runs once with its own seed.
  public let seeds: [Int]
  public let metric: SweepMetric
  /// How many times a trial lost with its worker is tried in all.
  public let attempts: Int
  public let maxTrials: Int
  /// The `fixed:` keys.
  public let fixed: [String: TrialValue]
  /// The `parameters:`, in file order.
  public let parameters: [SweepParameter]

  let base: TrialSpec
  let parameterKeys: [TrialKey]
  let plan: SweepPlan

  /// How many trials `expand()` gives.
  public var trialCount: Int { plan.configurationCount * max(seeds.count, 1) }

  /// The keys this sweep varies, in file order, `seed` last (when several seeds run).
  public var sweptKeys: [String] {
    parameters.filter { !$0.distribution.isConstant }.map(\.key)
      + (seeds.count > 1 ? ["seed"] : [])
  }

  /// Reads and validates the sweep file at `path`.
  ///
  /// - Throws: `SweepError.missingFile` if it cannot be read, `.invalid` with every problem.
  public static func load(path: String) throws(SweepError) -> Sweep {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .missingFile(path: path, reason: "no such file")
    }
    if !isDirectory.boolValue, let size = fileSize(path), size > maximumFileBytes {
      throw .invalid([tooLarge(size, path: path)])
    }
    guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
      throw .missingFile(
        path: path, reason: isDirectory.boolValue ? "is a folder" : "cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .invalid([notUTF8(data, path: path)])
    }
    return try parse(text: text, path: path)
  }

  /// Validates sweep text; `path` names it in diagnostics.
  public static func parse(text: String, path: String) throws(SweepError) -> Sweep {
    var reader = SweepReader(file: path, text: text)
    guard let sweep = reader.read() else { throw .invalid(reader.diagnostics) }
    return sweep
  }
}

extension SweepDistribution {
  /// True when the distribution can give only one value.
  var isConstant: Bool { gridCount == 1 }
}
