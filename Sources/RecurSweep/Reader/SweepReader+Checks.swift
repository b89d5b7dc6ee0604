import Yams

/// Checks across settings: a key both fixed and swept, seeds given twice, required keys,
/// and what the method allows.
extension SweepReader {
  mutating func checkConflicts(
    _ settings: Settings, _ fixed: [String: FixedEntry], _ drafts: [ParameterDraft],
    _ fields: [String: Field]
  ) {
    for draft in drafts {
      if let entry = fixed[draft.key.name] {
        report(
          draft.keyNode,
          "\(draft.key.name) is both fixed (line \(entry.keyNode.position.line)) and swept; "
            + "expected it under fixed or under parameters, not both")
      }
    }
    if let repeats = fields["repeats"], fields["seeds"] != nil {
      report(repeats.key, "seeds and repeats both given; expected one of them")
    }
    if let setter = fields["seeds"] ?? fields["repeats"] {
      checkSeedSetters(setter, fixed, drafts)
    }
    for name in ["task", "cell"] { checkRequired(name, fixed, drafts, fields) }
  }

  private mutating func checkSeedSetters(
    _ setter: Field, _ fixed: [String: FixedEntry], _ drafts: [ParameterDraft]
  ) {
    let which = setter.key.text ?? "seeds"
    // repeats counts up from a fixed seed; seeds replaces it, so both cannot be meant.
    if which == "seeds", let entry = fixed["seed"] {
      report(
        setter.key,
        "\(which) sets the trial key seed, which fixed also sets (line "
          + "\(entry.keyNode.position.line)); expected one of them")
    }
    if let draft = drafts.first(where: { $0.key.name == "seed" }) {
      report(
        setter.key,
        "\(which) sets the trial key seed, which parameters also sweeps (line "
          + "\(draft.keyNode.position.line)); expected one of them")
    }
  }

  private mutating func checkRequired(
    _ name: String, _ fixed: [String: FixedEntry], _ drafts: [ParameterDraft],
    _ fields: [String: Field]
  ) {
    // A fixed value with a problem was reported where it is written.
    guard fixed[name] == nil, fields["fixed"]?.value.mapping?[name] == nil else { return }
    if let draft = drafts.first(where: { $0.key.name == name }) {
      if let when = draft.when {
        report(
          when.key,
          "\(name) is needed by every trial, so it cannot have a when; expected \(name) swept "
            + "in every configuration")
      }
      return
    }
    let example = name == "task" ? "task: adding" : "cell: lstm"
    let position = fields["fixed"]?.key.position ?? .start
    report(
      at: position,
      "no \(name) given, and every trial needs one; expected \(name) under fixed (such as "
        + "\(example)) or under parameters")
  }

  mutating func checkMethod(
    _ settings: Settings, _ drafts: [ParameterDraft], _ fields: [String: Field]
  ) {
    switch settings.method {
    case .grid:
      for name in ["samples", "sample_seed"] {
        guard let field = fields[name] else { continue }
        report(
          field.key,
          "\(name) applies to method random only; expected no \(name) under method grid "
            + "(or method: random)")
      }
      for draft in drafts {
        guard let distribution = draft.distribution, !distribution.isDiscrete else { continue }
        report(
          draft.distributionNode,
          "\(draft.key.name): \(distribution.name) is continuous and method grid cannot "
            + "enumerate it; expected values, value, int_uniform, q_uniform or q_log_uniform, "
            + "or method: random")
      }
    case .random:
      if fields["samples"] == nil {
        report(
          fields["method"]?.value ?? .init("random"),
          "method random needs samples; expected samples: N, the number of configurations "
            + "to draw")
      }
    }
  }

  /// The trial every configuration starts from: defaults, then the fixed keys. A swept task
  /// or cell is set by every configuration, so its placeholder here never reaches a trial.
  func baseSpec(_ fixed: [String: FixedEntry]) -> TrialSpec {
    var spec = TrialSpec(task: .noop, cell: .rnn)
    for entry in fixed.values { spec.set(entry.key, to: entry.value) }
    return spec
  }
}
