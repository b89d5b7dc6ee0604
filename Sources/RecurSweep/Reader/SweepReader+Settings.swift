import Yams

/// The top-level settings: name, description, method, samples, sample_seed, seeds or repeats,
/// metric, attempts, max_trials.
extension SweepReader {
  struct Settings {
    var name: String
    var description: String?
    var method: Sweep.Method = .grid
    var samples: Int?
    var sampleSeed: UInt64 = 0
    var seeds: [Int] = []
    var repeats: Int?
    var metric: SweepMetric = .standard
    var attempts = 3
    var maxTrials = 100_000

    /// True when `seeds` or `repeats` sets the trial seed of every configuration.
    var seedsGiven: Bool { !seeds.isEmpty || repeats != nil }
  }

  /// The largest `max_trials` a file may ask for: a plan of a million trials is ~1 GB of
  /// memory in the coordinator, and no study of this kind needs more.
  static let maxTrialsLimit = 1_000_000

  mutating func readSettings(_ fields: [String: Field]) -> Settings {
    var settings = Settings(name: Self.defaultName(file: file))
    if let node = fields["name"]?.value, let name = readText(node, "name") {
      if Self.isValidName(name) {
        settings.name = name
      } else {
        report(
          node,
          "name: '\(name)' has characters a results folder cannot use; expected 1 to 64 "
            + "letters, digits, '.', '_' or '-', not starting with '.'")
      }
    }
    if let node = fields["description"]?.value {
      settings.description = readText(node, "description")
    }
    if let node = fields["method"]?.value,
      let word = readWord(node, "method", Sweep.Method.allCases.map(\.rawValue))
    {
      settings.method = Sweep.Method(rawValue: word) ?? .grid
    }
    if let node = fields["samples"]?.value {
      settings.samples = readInteger(node, "samples", 1...Self.maxTrialsLimit)
    }
    if let node = fields["sample_seed"]?.value,
      let seed = readInteger(node, "sample_seed", 0...(1 << 53))
    {
      settings.sampleSeed = UInt64(seed)
    }
    if let node = fields["seeds"]?.value { settings.seeds = readSeeds(node) }
    if let node = fields["repeats"]?.value {
      settings.repeats = readInteger(node, "repeats", 1...10_000)
    }
    if let node = fields["metric"]?.value { settings.metric = readMetric(node) ?? .standard }
    if let node = fields["attempts"]?.value {
      settings.attempts = readInteger(node, "attempts", 1...100) ?? settings.attempts
    }
    if let node = fields["max_trials"]?.value {
      settings.maxTrials =
        readInteger(node, "max_trials", 1...Self.maxTrialsLimit) ?? settings.maxTrials
    }
    return settings
  }

  /// A list of distinct trial seeds.
  private mutating func readSeeds(_ node: Node) -> [Int] {
    guard case .sequence(let list) = node else {
      report(
        node,
        "seeds: expected a list of seeds such as [1, 2, 3] (or repeats: 3); found "
          + node.kindDescription)
      return []
    }
    guard !list.isEmpty else {
      report(node, "seeds: the list is empty; expected at least one seed, such as [1]")
      return []
    }
    guard let key = TrialKey.named("seed") else { return [] }
    var seeds: [Int] = []
    var seen = Set<Int>()  // a list of 100,000 seeds must not take n² comparisons
    for element in list {
      guard case .int(let seed)? = readValue(element, for: key, "seeds") else { continue }
      if !seen.insert(seed).inserted {
        report(element, "seeds: \(seed) appears twice; expected each seed once")
      } else {
        seeds.append(seed)
      }
    }
    return seeds
  }

  /// `{name: eval_loss, goal: minimize}`, or just the name.
  private mutating func readMetric(_ node: Node) -> SweepMetric? {
    let names = SweepMetric.known.map(\.name)
    if case .scalar = node {
      guard let name = readWord(node, "metric", names) else { return nil }
      return SweepMetric(name: name, goal: Self.naturalGoal(of: name))
    }
    guard case .mapping = node else {
      report(
        node,
        "metric: expected a mapping such as {name: eval_loss, goal: minimize}; found "
          + node.kindDescription)
      return nil
    }
    let fields = readFields(of: node, allowed: ["name", "goal"]) { name in
      "metric: unknown key '\(name)'; "
        + SweepReader.suggestion(for: name, among: ["name", "goal"])
    }
    guard let nameField = fields["name"] else {
      report(node, "metric: no name; expected {name: eval_loss, goal: minimize}")
      return nil
    }
    guard let name = readWord(nameField.value, "metric name", names) else { return nil }
    var goal = Self.naturalGoal(of: name)
    if let goalNode = fields["goal"]?.value {
      let goals = SweepMetric.Goal.allCases.map(\.rawValue)
      guard let word = readWord(goalNode, "metric goal", goals) else { return nil }
      goal = SweepMetric.Goal(rawValue: word) ?? goal
    }
    return SweepMetric(name: name, goal: goal)
  }

  private static func naturalGoal(of metric: String) -> SweepMetric.Goal {
    SweepMetric.known.first { $0.name == metric }?.goal ?? .minimize
  }

  /// Letters, digits, `.`, `_`, `-`; 1 to 64 of them; not starting with `.`.
  static func isValidName(_ name: String) -> Bool {
    guard (1...64).contains(name.count), !name.hasPrefix(".") else { return false }
    return name.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        || $0 == "." || $0 == "_" || $0 == "-"
    }
  }

  /// The file's base name without extension, with other characters replaced by `-`.
  static func defaultName(file: String) -> String {
    let base = file.split(separator: "/").last.map(String.init) ?? file
    let stem = base.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(
      separator: ".")
    let cleaned = String(
      (stem.isEmpty ? base : stem).map { character -> Character in
        let text = String(character)
        return isValidName("a" + text) ? character : "-"
      }.prefix(64))
    return isValidName(cleaned) ? cleaned : "sweep"
  }
}
