import Testing

@testable import RecurSweep

/// `TrialSpec.parse(members:)` (a worker's path from a spec's JSON members) must accept and
/// refuse exactly what `parse(arguments:)` does with the same `key=value` arguments, with the
/// same trial or the same error.
@Suite struct TrialSpecMembersTests {
  typealias Pairs = [(key: String, value: String)]

  static func outcome(
    _ parse: () throws(TrialKeyError) -> TrialSpec
  ) -> Result<TrialSpec, TrialKeyError> {
    do {
      return .success(try parse())
    } catch {
      return .failure(error)
    }
  }

  static func expectSameOutcome(_ pairs: Pairs, sourceLocation: SourceLocation = #_sourceLocation) {
    let arguments = pairs.map { "\($0.key)=\($0.value)" }
    let fromArguments = outcome { () throws(TrialKeyError) in
      try TrialSpec.parse(arguments: arguments)
    }
    let fromMembers = outcome { () throws(TrialKeyError) in try TrialSpec.parse(members: pairs) }
    #expect(fromMembers == fromArguments, "\(arguments)", sourceLocation: sourceLocation)
  }

  /// The arguments of `TrialSpecTests`, good and bad, as members.
  static let sameCases: [[String]] = [
    [
      "task=adding", "seq_len=100", "cell=lstm", "hidden=128", "steps=2000", "lr=1e-3", "seed=1",
      "optimizer=nesterov", "init=orthogonal", "clip=1.5", "data=some/file.txt",
    ],
    ["task=copy", "cell=gru", "steps=1e4", "batch=64.0"],
    ["task=adding", "cell=lstn"],
    ["task=adding", "cell=lstm", "hiden=64"],
    ["task=adding", "cell=lstm", "hidden=32.5"],
    ["task=adding", "cell=lstm", "hidden=0"],
    ["task=adding", "cell=lstm", "hidden=lots"],
    ["task=adding", "cell=lstm", "lr=0"],
    ["task=adding", "cell=lstm", "lr=nan"],
    ["task=adding", "cell=lstm", "momentum=1e999"],
    ["task=addin", "cell=lstm"],
    ["task=adding", "cell=lstm", "data="],
    ["task=adding", "cell=lstm", "cell=gru"],
    ["cell=lstm"],
    ["task=adding"],
    [],
    ["task=adding", "cell=lstm", "colour=red"],
    ["hidden=64", "lr=0.0010", "cell=lstm", "task=adding"],
    ["task=noop", "cell=rnn", "seed=1_000", "lr=+.5", "hidden=1e1"],
    ["task=noop", "cell=rnn", "seed=0x10"],
    ["task=noop", "cell=rnn", "lr=inf"],
    ["task=noop", "cell=rnn", "lr= 0.1"],
    ["task=noop", "cell=rnn", "hidden=true"],
    ["task=noop", "cell=rnn", "hidden=null"],
    ["task=noop", "cell=rnn", "TASK=noop"],
  ]

  @Test(arguments: sameCases)
  func membersGiveWhatTheSameArgumentsGive(arguments: [String]) throws {
    let pairs: Pairs = try arguments.map { argument in
      let equals = try #require(argument.firstIndex(of: "="))
      return (
        String(argument[..<equals]), String(argument[argument.index(after: equals)...])
      )
    }
    Self.expectSameOutcome(pairs)
  }

  /// Values at and just beyond each key's bounds, in the spellings a JSON encoder or a person
  /// may use.
  static func boundaryValues(of key: TrialKey) -> [String] {
    switch key.kind {
    case .int(let range):
      let low = range.lowerBound
      let high = range.upperBound
      return [
        "\(low)", "\(high)", "\(low - 1)", "\(high + 1)", "\(low).0", "\(high).0", "\(low).5",
        "\(high)e0", "-0", "9223372036854775807", "9223372036854775808", "1e400", "",
      ]
    case .float(let range):
      return [
        "\(range.min)", "\(range.max)", "\(range.min.nextUp)", "\(range.max.nextUp)",
        "\(range.min.nextDown)", "\(range.max)e0", "-0", "0", "1e-320", "1e400", "-1e400", "nan",
        "",
      ]
    case .choice(let words):
      return words + words.map { $0.uppercased() } + words.map { " " + $0 } + [""]
    case .text:
      return [
        "a", "some/file.txt", "", " ", "tab\there", "line\nbreak", "del\u{7F}", "c1\u{85}",
        "caf\u{E9}.txt", "\u{1F600}", "nul\u{0}", "\u{200B}",
      ]
    }
  }

  /// The keys given are tracked as bits of a UInt64: a 65th key would have no bit (a shift
  /// past the width is 0), so its duplicates would go unnoticed and it could never be given.
  @Test func everyKeyHasItsOwnBitInTheGivenSet() {
    #expect(TrialKey.all.count <= UInt64.bitWidth)
  }

  @Test func everyKeyAtItsBoundariesGivesWhatTheArgumentGives() {
    for key in TrialKey.all {
      for value in Self.boundaryValues(of: key) {
        var pairs: Pairs = [("task", "noop"), ("cell", "rnn")]
        if let index = pairs.firstIndex(where: { $0.key == key.name }) {
          pairs[index].value = value
        } else {
          pairs.append((key.name, value))
        }
        Self.expectSameOutcome(pairs)
      }
    }
  }

  @Test func boundariesInsideTheRangeAreAccepted() throws {
    let spec = try TrialSpec.parse(members: [
      ("task", "noop"), ("cell", "rnn"), ("hidden", "4096"), ("layers", "1"), ("seed", "0"),
      ("lr", "10"), ("momentum", "0"), ("forget_bias", "-100"), ("data", "caf\u{E9}.txt"),
    ])
    #expect(spec.hidden == 4096)
    #expect(spec.layers == 1)
    #expect(spec.seed == 0)
    #expect(spec.lr == 10)
    #expect(spec.forgetBias == -100)
    #expect(spec.data == "caf\u{E9}.txt")
  }

  @Test(arguments: ["a\u{85}b", "del\u{7F}", "tab\there", "nul\u{0}"])
  func aControlCharacterIsRefusedInAPath(path: String) {
    #expect(throws: TrialKeyError.self) {
      try TrialSpec.parse(members: [("task", "noop"), ("cell", "rnn"), ("data", path)])
    }
  }

  @Test func aKeyHoldingEqualsIsUnknownRatherThanSplit() {
    // As an argument, `data=x=y` would set data to "x=y"; as a member key it names no key.
    let pairs: Pairs = [("task", "noop"), ("cell", "rnn"), ("data=x", "y")]
    let outcome = Self.outcome { () throws(TrialKeyError) in try TrialSpec.parse(members: pairs) }
    guard case .failure(.unknownKey(let argument, let key, _)) = outcome else {
      Issue.record("expected an unknown key, got \(outcome)")
      return
    }
    #expect(argument == "data=x=y")
    #expect(key == "data=x")
  }
}
