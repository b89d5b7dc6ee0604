import Yams

/// The last step: seeds, the plan of configurations within `max_trials`, and the `Sweep`.
extension SweepReader {
  mutating func build(
    _ settings: Settings, _ fixed: [String: FixedEntry], _ drafts: [ParameterDraft],
    _ order: [Int], _ base: TrialSpec, _ fields: [String: Field]
  ) -> Sweep? {
    var parameters: [SweepParameter] = []
    for draft in drafts {
      guard let distribution = draft.distribution else { return nil }
      parameters.append(
        SweepParameter(
          key: draft.key.name, distribution: distribution, condition: draft.condition))
    }
    let keys = drafts.map(\.key)
    guard let seeds = resolveSeeds(settings, base, fields) else { return nil }
    let runs = max(seeds.count, 1)
    let limit = settings.maxTrials / runs
    let plan: SweepPlan
    switch settings.method {
    case .grid:
      switch SweepPlan.grid(parameters, order: order, keys: keys, base: base, limit: limit) {
      case .success(let grid): plan = grid
      case .failure(let overflow):
        reportTooMany(
          overflow.count.map { $0.multipliedReportingOverflow(by: runs) }, settings, fields)
        return nil
      }
    case .random:
      let samples = settings.samples ?? 1
      guard samples <= limit else {
        reportTooMany(samples.multipliedReportingOverflow(by: runs), settings, fields)
        return nil
      }
      plan = SweepPlan.random(
        parameters, order: order, keys: keys, base: base, samples: samples,
        seed: settings.sampleSeed)
    }
    return Sweep(
      path: file, text: text, name: settings.name, description: settings.description,
      method: settings.method, samples: settings.samples, sampleSeed: settings.sampleSeed,
      seeds: seeds, metric: settings.metric, attempts: settings.attempts,
      maxTrials: settings.maxTrials, fixed: fixed.mapValues(\.value), parameters: parameters,
      base: base, parameterKeys: keys, plan: plan)
  }

  /// `seeds`, or `repeats: N` as N consecutive seeds from the fixed or default seed.
  private mutating func resolveSeeds(
    _ settings: Settings, _ base: TrialSpec, _ fields: [String: Field]
  ) -> [Int]? {
    guard let repeats = settings.repeats else { return settings.seeds }
    let last = base.seed + repeats - 1
    if last > 1 << 53, let field = fields["repeats"] {
      report(
        field.value,
        "repeats: seeds up to \(last) pass the largest seed 2^53; expected fewer repeats")
      return nil
    }
    return Array(base.seed...last)
  }

  private mutating func reportTooMany(
    _ count: (partialValue: Int, overflow: Bool)?, _ settings: Settings, _ fields: [String: Field]
  ) {
    let size =
      count.flatMap { $0.overflow ? nil : "\($0.partialValue) trials, more than" }
      ?? "more trials than"
    let node =
      fields["max_trials"]?.value
      ?? (settings.method == .random ? fields["samples"]?.value : fields["parameters"]?.key)
    let message =
      "the sweep expands to \(size) max_trials \(settings.maxTrials); expected at "
      + "most \(settings.maxTrials): sweep fewer values"
      + (fields["max_trials"] == nil
        ? " or raise max_trials" : " or raise max_trials (at most \(Self.maxTrialsLimit))")
    if let node { report(node, message) } else { report(at: .start, message) }
  }
}
