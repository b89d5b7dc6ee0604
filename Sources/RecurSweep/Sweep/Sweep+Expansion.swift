extension Sweep {
  /// Every trial of the sweep, in run order: the configurations interleaved (see `SweepPlan`),
  /// all of them with the first seed, then all with the second, and so on, so that early
  /// results already cover every cell type. The same file gives the same trials, ids and
  /// order on every machine and in every run.
  public func expand() -> [PlannedTrial] {
    let configurations = plan.configurations()
    let swept = Set(sweptKeys)
    let seedRuns: [Int?] = seeds.isEmpty ? [nil] : seeds.map { $0 }
    let template = CanonicalTemplate(base: base)
    let slots = parameterKeys.map { template.slot(of: $0.name) ?? 0 }
    let seedSlot = template.slot(of: "seed") ?? 0
    var trials: [PlannedTrial] = []
    trials.reserveCapacity(configurations.count * seedRuns.count)
    for seed in seedRuns {
      for configuration in configurations {
        var spec = base
        var active: [String] = []
        var replacements: [(slot: Int, value: TrialValue)] = []
        for (p, value) in configuration.enumerated() {
          guard let value else { continue }
          parameterKeys[p].write(&spec, value)
          replacements.append((slots[p], value))
          if swept.contains(parameterKeys[p].name) { active.append(parameterKeys[p].name) }
        }
        if let seed {
          spec.seed = seed
          replacements.append((seedSlot, .int(seed)))
          if swept.contains("seed") { active.append("seed") }
        }
        replacements.sort { $0.slot < $1.slot }
        trials.append(
          PlannedTrial(
            id: template.id(replacing: replacements), ordinal: trials.count, spec: spec,
            sweptKeys: active))
      }
    }
    return trials
  }

  /// How the trial count comes about: `cell 3 × seq_len 3 × seeds 3`, with parameters linked
  /// by `when` counted together (`cell+forget_bias 4`) and random sweeps as `30 samples`.
  public var countDescription: String {
    var factors: [String] = []
    switch method {
    case .grid:
      for digit in plan.digits {
        switch digit {
        case .parameter(let p, let values): factors.append("\(parameters[p].key) \(values.count)")
        case .linked(let ps, let configurations):
          factors.append(
            ps.map { parameters[$0].key }.joined(separator: "+") + " \(configurations.count)")
        }
      }
    case .random:
      let wanted = samples ?? plan.configurationCount
      factors.append(
        plan.configurationCount == wanted
          ? "\(wanted) samples" : "\(plan.configurationCount) distinct of \(wanted) samples")
    }
    if !seeds.isEmpty { factors.append("seeds \(seeds.count)") }
    return factors.isEmpty ? "1 configuration" : factors.joined(separator: " × ")
  }
}
