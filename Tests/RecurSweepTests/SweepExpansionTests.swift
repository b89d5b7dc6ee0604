import Testing

@testable import RecurSweep

/// Expansion: counts, stable ids, run order, reproducible random draws.
@Suite struct SweepExpansionTests {
  static let grid = """
    name: g
    seeds: [1, 2, 3]
    fixed:
      task: adding
      steps: 3000
    parameters:
      cell: {values: [rnn, lstm, gru]}
      seq_len: {values: [50, 100, 200]}
      forget_bias: {values: [0.0, 1.0], when: {cell: lstm}}
    """

  /// The same sweep with its keys written in another order.
  static let gridReordered = """
    parameters:
      forget_bias: {when: {cell: lstm}, values: [0.0, 1.0]}
      seq_len: {values: [100, 200, 50]}
      cell: {values: [gru, lstm, rnn]}
    fixed:
      steps: 3000.0
      task: adding
    seeds: [3, 1, 2]
    name: g
    """

  @Test func gridCountsAreProductsWithConditionsCountedWhereTheyHold() throws {
    let sweep = try SweepTesting.sweep(Self.grid)
    #expect(sweep.trialCount == 36)  // (rnn + gru + lstm × 2) × 3 × 3
    #expect(sweep.countDescription == "cell+forget_bias 4 × seq_len 3 × seeds 3")
    let trials = sweep.expand()
    #expect(trials.count == 36)
    #expect(Set(trials.map(\.id)).count == 36)
    #expect(trials.map(\.ordinal) == Array(0..<36))
  }

  @Test func idsAreStableAcrossRunsAndKeyOrder() throws {
    let first = try SweepTesting.sweep(Self.grid).expand()
    let again = try SweepTesting.sweep(Self.grid).expand()
    #expect(first == again)
    let reordered = try SweepTesting.sweep(Self.gridReordered).expand()
    #expect(Set(first.map(\.id)) == Set(reordered.map(\.id)))
    for trial in first {
      #expect(trial.id == trial.spec.id)
    }
  }

  /// Pins ids to values computed once: a change here changes every stored trial id.
  @Test func idsDoNotChangeBetweenReleases() throws {
    let trials = try SweepTesting.sweep(Self.grid).expand()
    #expect(trials.first?.label == "cell=rnn seq_len=50 seed=1")
    #expect(trials.first?.id == TrialSpec.pinned(cell: .rnn, seqLen: 50, seed: 1).id)
    #expect(trials.first?.id == "c9f8a5a4114c")
  }

  @Test func editingAFileKeepsTheIdsOfUnchangedTrials() throws {
    let before = try SweepTesting.sweep(Self.grid).expand()
    let edited = Self.grid.replacingOccurrences(
      of: "[50, 100, 200]", with: "[50, 100, 200, 400]")
    let after = try SweepTesting.sweep(edited).expand()
    #expect(after.count == 48)
    #expect(Set(before.map(\.id)).isSubset(of: Set(after.map(\.id))))
  }

  @Test func theOrderInterleavesEverySweptKeyAndRunsSeedsLast() throws {
    let trials = try SweepTesting.sweep(Self.grid).expand()
    let firstFour = trials.prefix(4)
    #expect(Set(firstFour.map(\.spec.cell)) == [.rnn, .lstm, .gru])
    #expect(Set(firstFour.prefix(3).map(\.spec.seqLen)) == [50, 100, 200])
    #expect(trials.prefix(12).allSatisfy { $0.spec.seed == 1 })
    #expect(trials[12..<24].allSatisfy { $0.spec.seed == 2 })
  }

  @Test func theGridOrderIsAPermutationWhoseEveryPrefixSpreadsOverEachKey() throws {
    let sweep = try SweepTesting.sweep(
      SweepTesting.head.replacingOccurrences(of: "  cell: lstm\n", with: "") + """
        parameters:
          cell: {values: [rnn, rnn_relu, lstm, gru]}
          seq_len: {values: [10, 20, 30, 40]}
          hidden: {values: [8, 16, 32, 64]}
          batch: {values: [1, 2]}
        """)
    let trials = sweep.expand()
    #expect(trials.count == 128)
    let keys = Set(
      trials.map { "\($0.spec.cell) \($0.spec.seqLen) \($0.spec.hidden) \($0.spec.batch)" })
    #expect(keys.count == 128)
    for start in stride(from: 0, to: 128, by: 4) {
      let block = trials[start..<start + 4]
      #expect(Set(block.map(\.spec.cell)).count == 4)
      #expect(Set(block.map(\.spec.seqLen)).count == 4)
      #expect(Set(block.map(\.spec.hidden)).count == 4)
      #expect(Set(block.map(\.spec.batch)).count == 2)
    }
  }

  @Test func sweptKeysOfATrialLeaveOutParametersWhoseConditionFails() throws {
    let trials = try SweepTesting.sweep(Self.grid).expand()
    for trial in trials {
      let expected =
        trial.spec.cell == .lstm
        ? ["cell", "seq_len", "forget_bias", "seed"] : ["cell", "seq_len", "seed"]
      #expect(trial.sweptKeys == expected)
    }
  }

  static let random = """
    method: random
    samples: 20
    sample_seed: 5
    fixed: {task: adding}
    parameters:
      cell: {values: [rnn, lstm, gru]}
      lr: {distribution: log_uniform, min: 1.0e-4, max: 1.0e-2}
      hidden: {distribution: int_uniform, min: 32, max: 256}
      clip: {distribution: q_uniform, min: 0, max: 2, q: 0.25}
      batch: {distribution: q_log_uniform, min: 8, max: 128, q: 8}
      init_scale: {distribution: normal, mu: 1, sigma: 2}
      momentum: {distribution: uniform, min: 0.5, max: 0.99}
      forget_bias: {values: [0.0, 1.0], when: {cell: lstm}}
    """

  @Test func randomDrawsAreReproducibleFromTheSampleSeed() throws {
    let a = try SweepTesting.sweep(Self.random).expand()
    let b = try SweepTesting.sweep(Self.random).expand()
    #expect(a == b)
    #expect(a.count == 20)
    let other = try SweepTesting.sweep(
      Self.random.replacingOccurrences(of: "sample_seed: 5", with: "sample_seed: 6")
    ).expand()
    #expect(Set(a.map(\.id)).isDisjoint(with: other.map(\.id)))
  }

  /// Pins the draws: a change in the generator or the rounding changes every random sweep.
  @Test func randomDrawsDoNotChangeBetweenReleases() throws {
    let first = try #require(try SweepTesting.sweep(Self.random).expand().first)
    #expect(
      first.label
        == "cell=rnn lr=0.0043843 hidden=192 clip=0.75 batch=32 init_scale=0.920236 momentum=0.659071"
    )
  }

  @Test func randomDrawsStayInsideTheirDistributions() throws {
    let trials = try SweepTesting.sweep(
      Self.random.replacingOccurrences(of: "samples: 20", with: "samples: 500")
    ).expand()
    #expect(trials.count == 500)
    #expect(trials.allSatisfy { $0.id == $0.spec.id })
    for spec in trials.map(\.spec) {
      #expect(spec.lr >= 1e-4 && spec.lr <= 1e-2)
      #expect((32...256).contains(spec.hidden))
      #expect(spec.clip >= 0 && spec.clip <= 2)
      #expect((spec.clip / 0.25).rounded() * 0.25 == spec.clip)
      #expect(spec.batch % 8 == 0 && (8...128).contains(spec.batch))
      #expect(spec.initScale > 0 && spec.initScale <= 100)
      #expect(spec.momentum >= 0.5 && spec.momentum <= 0.99)
      #expect(SignificantDigits.round(spec.lr, to: 6) == spec.lr)
      if spec.cell != .lstm { #expect(spec.forgetBias == 0) }
    }
    let cells = Dictionary(grouping: trials, by: \.spec.cell).mapValues(\.count)
    #expect(cells.values.allSatisfy { $0 > 120 })  // about 167 each
    let lowDecade = trials.filter { $0.spec.lr < 1e-3 }.count
    #expect(lowDecade > 200 && lowDecade < 300)  // log-uniform: half in each decade
  }

  @Test func removingAParameterOrAddingSamplesKeepsTheOtherDraws() throws {
    let full = try SweepTesting.sweep(Self.random).expand()
    let withoutClip = try SweepTesting.sweep(
      Self.random.replacingOccurrences(
        of: "  clip: {distribution: q_uniform, min: 0, max: 2, q: 0.25}\n", with: "")
    ).expand()
    #expect(full.map(\.spec.lr) == withoutClip.map(\.spec.lr))
    let more = try SweepTesting.sweep(
      Self.random.replacingOccurrences(of: "samples: 20", with: "samples: 30")
    ).expand()
    #expect(Array(more.prefix(20)) == full)
  }

  @Test func repeatedRandomConfigurationsAreDrawnOnce() throws {
    let sweep = try SweepTesting.sweep(
      """
      method: random
      samples: 10
      repeats: 2
      fixed: {task: adding}
      parameters:
        cell: {values: [rnn, lstm, gru]}
      """)
    #expect(sweep.trialCount == 6)
    #expect(sweep.countDescription == "3 distinct of 10 samples × seeds 2")
    #expect(Set(sweep.expand().map(\.id)).count == 6)
  }
}

extension TrialSpec {
  fileprivate static func pinned(cell: TrialCell, seqLen: Int, seed: Int) -> TrialSpec {
    var spec = TrialSpec(task: .adding, cell: cell)
    spec.steps = 3000
    spec.seqLen = seqLen
    spec.seed = seed
    return spec
  }
}
