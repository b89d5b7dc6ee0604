import Testing

@testable import RecurSweep

/// Every feature of the sweep format reads into the model as documented.
@Suite struct SweepFormatTests {
  @Test func theIssueExampleReadsIntoEverySetting() throws {
    let sweep = try SweepTesting.sweep(
      """
      name: cells-adding
      description: Which cell keeps the gradient alive over 50, 100 and 200 steps?
      method: random            # grid | random
      samples: 30               # random only: how many configurations to draw
      seeds: [1, 2, 3]          # every configuration runs once per seed (or: repeats: 3)
      metric: {name: eval_loss, goal: minimize}
      attempts: 3               # times a trial lost with its worker is retried
      fixed:                    # trial keys that do not vary
        task: adding
        steps: 3000
        batch: 32
        optimizer: adam
      parameters:
        cell: {values: [rnn, lstm, gru]}
        seq_len: {values: [50, 100, 200]}
        lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-2}
        hidden: {distribution: int_uniform, min: 32, max: 256}
        forget_bias: {values: [0.0, 1.0], when: {cell: lstm}}   # only where cell is lstm
      """)
    #expect(sweep.name == "cells-adding")
    #expect(sweep.description == "Which cell keeps the gradient alive over 50, 100 and 200 steps?")
    #expect(sweep.method == .random)
    #expect(sweep.samples == 30)
    #expect(sweep.seeds == [1, 2, 3])
    #expect(sweep.metric == SweepMetric(name: "eval_loss", goal: .minimize))
    #expect(sweep.attempts == 3)
    #expect(sweep.maxTrials == 100_000)
    #expect(sweep.fixed["steps"] == .int(3000))
    #expect(sweep.fixed["optimizer"] == .text("adam"))
    #expect(sweep.parameters.map(\.key) == ["cell", "seq_len", "lr", "hidden", "forget_bias"])
    #expect(sweep.parameters[2].distribution == .logUniform(min: 1e-4, max: 1e-2))
    #expect(sweep.parameters[3].distribution == .intUniform(min: 32, max: 256))
    #expect(
      sweep.parameters[4].condition
        == SweepCondition(clauses: [.init(key: "cell", values: [.text("lstm")])]))
    #expect(sweep.sweptKeys == ["cell", "seq_len", "lr", "hidden", "forget_bias", "seed"])
    #expect(sweep.trialCount == 90)
    #expect(sweep.text.hasPrefix("name: cells-adding\n"))
    #expect(sweep.path == "t.yaml")
  }

  @Test func defaultsApplyWhenSettingsAreLeftOut() throws {
    let sweep = try Sweep.parse(
      text: "fixed: {task: copy, cell: gru}\n", path: "experiments/my sweep.v2.yaml")
    #expect(sweep.name == "my-sweep.v2")
    #expect(sweep.description == nil)
    #expect(sweep.method == .grid)
    #expect(sweep.attempts == 3)
    #expect(sweep.maxTrials == 100_000)
    #expect(sweep.metric == .standard)
    #expect(sweep.seeds.isEmpty)
    #expect(sweep.sweptKeys.isEmpty)
    #expect(sweep.trialCount == 1)
    #expect(sweep.countDescription == "1 configuration")
    let trial = try #require(sweep.expand().first)
    #expect(trial.spec == TrialSpec(task: .copy, cell: .gru))
    #expect(trial.sweptKeys.isEmpty)
  }

  @Test(arguments: [
    ("{values: [1, 2]}", SweepDistribution.values([.float(1), .float(2)])),
    ("{distribution: categorical, values: [0.5]}", .values([.float(0.5)])),
    ("{value: 2.5}", .value(.float(2.5))),
    ("{distribution: constant, value: 3}", .value(.float(3))),
    ("{distribution: uniform, min: 0.5, max: 2}", .uniform(min: 0.5, max: 2)),
    ("{min: 0.5, max: 2}", .uniform(min: 0.5, max: 2)),
    ("{distribution: log_uniform, min: 1e-3, max: 10}", .logUniform(min: 0.001, max: 10)),
    ("{distribution: log_uniform_values, min: 1e-3, max: 10}", .logUniform(min: 0.001, max: 10)),
    ("{distribution: int_uniform, min: 1, max: 4}", .intUniform(min: 1, max: 4)),
    ("{distribution: q_uniform, min: 0, max: 2, q: 0.5}", .qUniform(min: 0, max: 2, q: 0.5)),
    ("{distribution: q_uniform, min: 0, max: 2}", .qUniform(min: 0, max: 2, q: 1)),
    (
      "{distribution: q_log_uniform, min: 0.1, max: 8, q: 0.1}",
      .qLogUniform(min: 0.1, max: 8, q: 0.1)
    ),
    ("{distribution: q_log_uniform_values, min: 1, max: 8}", .qLogUniform(min: 1, max: 8, q: 1)),
    ("{distribution: normal, mu: 2, sigma: 0.5}", .normal(mu: 2, sigma: 0.5)),
    ("{distribution: normal}", .normal(mu: 0, sigma: 1)),
  ])
  func everyDistributionReads(spec: String, expected: SweepDistribution) throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head + "method: random\nsamples: 2\nparameters:\n  forget_bias: \(spec)\n")
    #expect(sweep.parameters.first?.distribution == expected)
  }

  @Test func minAndMaxAloneMeanIntUniformForIntegerKeys() throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head + "parameters:\n  hidden: {min: 8, max: 10}\n")
    #expect(sweep.parameters.first?.distribution == .intUniform(min: 8, max: 10))
    #expect(sweep.expand().map(\.spec.hidden) == [8, 9, 10])
  }

  @Test func discreteDistributionsAreEnumeratedByGrids() throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head + """
        parameters:
          hidden: {distribution: q_log_uniform, min: 16, max: 64, q: 16}
          clip: {distribution: q_uniform, min: 0, max: 0.3, q: 0.1}
          layers: {value: 2}
        """)
    #expect(sweep.countDescription == "hidden 4 × clip 4 × layers 1")
    let trials = sweep.expand()
    #expect(Set(trials.map(\.spec.hidden)) == [16, 32, 48, 64])
    #expect(Set(trials.map(\.spec.clip)) == [0, 0.1, 0.2, 0.3])
    #expect(trials.allSatisfy { $0.spec.layers == 2 })
    #expect(sweep.sweptKeys == ["hidden", "clip"])
  }

  @Test func repeatsRunConsecutiveSeedsFromTheFixedOrDefaultSeed() throws {
    let fromDefault = try SweepTesting.sweep(SweepTesting.head + "repeats: 3\n")
    #expect(fromDefault.seeds == [1, 2, 3])
    #expect(fromDefault.countDescription == "seeds 3")
    let fromFixed = try SweepTesting.sweep(
      "repeats: 2\nfixed: {task: adding, cell: lstm, seed: 10}\n")
    #expect(fromFixed.expand().map(\.spec.seed) == [10, 11])
  }

  @Test func metricsTakeANameAloneWithTheirNaturalGoal() throws {
    let retention = try SweepTesting.sweep(SweepTesting.head + "metric: gradient_retention\n")
    #expect(retention.metric == SweepMetric(name: "gradient_retention", goal: .maximize))
    let explicit = try SweepTesting.sweep(
      SweepTesting.head + "metric: {name: bits_per_char, goal: maximize}\n")
    #expect(explicit.metric == SweepMetric(name: "bits_per_char", goal: .maximize))
  }

  @Test func conditionsMayListSeveralValuesAndKeys() throws {
    let sweep = try SweepTesting.sweep(
      """
      fixed: {task: adding}
      parameters:
        cell: {values: [rnn, lstm, gru]}
        optimizer: {values: [adam, sgd]}
        forget_bias: {values: [0.0, 1.0], when: {cell: [lstm, gru], optimizer: adam}}
      """)
    let trials = sweep.expand()
    #expect(sweep.trialCount == 8)  // 6 + 2 more for (lstm, adam) and (gru, adam)
    #expect(trials.count == 8)
    for trial in trials {
      let applies = [.lstm, .gru].contains(trial.spec.cell) && trial.spec.optimizer == .adam
      #expect(trial.sweptKeys.contains("forget_bias") == applies)
      if !applies { #expect(trial.spec.forgetBias == 0) }
    }
  }

  @Test func aConditionOnAFixedKeyIsConstant() throws {
    let sweep = try SweepTesting.sweep(
      """
      fixed: {task: adding, cell: lstm}
      parameters:
        forget_bias: {values: [0.0, 1.0], when: {cell: lstm}}
        momentum: {values: [0.5, 0.9], when: {optimizer: adam}}
      """)
    #expect(sweep.trialCount == 4)
  }

  @Test func quotedTextAndPlainWordsBothNameChoices() throws {
    let sweep = try SweepTesting.sweep(
      "fixed: {task: \"adding\", cell: 'gru', data: \"some dir/a b.txt\"}\n")
    #expect(sweep.expand().first?.spec.data == "some dir/a b.txt")
  }
}
