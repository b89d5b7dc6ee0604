import Foundation
import Testing

@testable import RecurSweep

@Suite struct TrialSpecTests {
  @Test func argumentsSetTypedFieldsAndLeaveTheRestAtDefaults() throws {
    let spec = try TrialSpec.parse(arguments: [
      "task=adding", "seq_len=100", "cell=lstm", "hidden=128", "steps=2000", "lr=1e-3", "seed=1",
      "optimizer=nesterov", "init=orthogonal", "clip=1.5", "data=some/file.txt",
    ])
    #expect(spec.task == .adding)
    #expect(spec.cell == .lstm)
    #expect(spec.seqLen == 100)
    #expect(spec.steps == 2000)
    #expect(spec.lr == 0.001)
    #expect(spec.optimizer == .nesterov)
    #expect(spec.initializer == .orthogonal)
    #expect(spec.clip == 1.5)
    #expect(spec.data == "some/file.txt")
    #expect(spec.batch == 32)
    #expect(spec.clipValue == 0)
  }

  @Test func everyKeyButTaskAndCellHasADefault() {
    let required = TrialKey.all.filter { $0.defaultValue == nil }.map(\.name)
    #expect(required == ["task", "cell"])
    #expect(
      TrialKey.named("data")?.defaultValue == .text("experiments/data/kjv-genesis-exodus.txt"))
  }

  @Test func theTableNamesEveryKeyOfIssue3Once() {
    let expected = [
      "task", "seq_len", "cell", "hidden", "layers", "optimizer", "lr", "momentum",
      "weight_decay", "batch", "steps", "clip", "clip_value", "init", "init_scale", "forget_bias",
      "seed", "eval_every", "diagnose_every", "threads", "data",
    ]
    #expect(TrialKey.names == expected)
  }

  @Test func integerKeysTakeIntegralNumbersWrittenAsFloats() throws {
    let spec = try TrialSpec.parse(arguments: ["task=copy", "cell=gru", "steps=1e4", "batch=64.0"])
    #expect(spec.steps == 10_000)
    #expect(spec.batch == 64)
  }

  @Test(arguments: [
    (["task=adding", "cell=lstn"], "cell=lstn: expected one of rnn, rnn_relu, lstm, gru"),
    (
      ["task=adding", "cell=lstm", "hiden=64"], "hiden=64: unknown key hiden; did you mean hidden?"
    ),
    (
      ["task=adding", "cell=lstm", "hidden=32.5"], "hidden=32.5: expected an integer from 1 to 4096"
    ),
    (["task=adding", "cell=lstm", "hidden=0"], "hidden=0: expected an integer from 1 to 4096"),
    (
      ["task=adding", "cell=lstm", "hidden=lots"], "hidden=lots: expected an integer from 1 to 4096"
    ),
    (
      ["task=adding", "cell=lstm", "lr=0"], "lr=0: expected a number greater than 0 and at most 10"
    ),
    (
      ["task=adding", "cell=lstm", "lr=nan"],
      "lr=nan: expected a number greater than 0 and at most 10"
    ),
    (
      ["task=adding", "cell=lstm", "momentum=1e999"],
      "momentum=1e999: expected a number from 0 to 1"
    ),
    (
      ["task=addin", "cell=lstm"],
      "task=addin: expected one of adding, copy, temporal_order, sine, mackey_glass, charlm, noop"
    ),
    (
      ["task=adding", "cell=lstm", "data="],
      "data=: expected a non-empty line of text (a file path)"
    ),
    (["task=adding", "cell=lstm", "cell=gru"], "cell is given twice; give each key once"),
    (
      ["cell=lstm"],
      "missing task: expected task=VALUE with VALUE one of adding, copy, temporal_order, sine, mackey_glass, charlm, noop"
    ),
  ])
  func badArgumentsNameTheKeyAndWhatIsAllowed(arguments: [String], message: String) {
    #expect(throws: TrialKeyError.self) { try TrialSpec.parse(arguments: arguments) }
    do {
      _ = try TrialSpec.parse(arguments: arguments)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func anArgumentWithoutEqualsAsksForKeyEqualsValue() {
    do {
      _ = try TrialSpec.parse(arguments: ["task=adding", "lstm"])
      Issue.record("expected an error")
    } catch {
      #expect(error == .malformed(argument: "lstm"))
      #expect(error.description.hasPrefix("lstm: expected key=value, such as cell=lstm"))
    }
  }

  @Test func anUnknownKeyFarFromAnyNameListsTheKeys() {
    do {
      _ = try TrialSpec.parse(arguments: ["task=adding", "cell=lstm", "colour=red"])
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("colour=red: unknown key colour; expected one of task,"))
    }
  }

  @Test func theIdDoesNotDependOnKeyOrderOrNumberSpelling() throws {
    let a = try TrialSpec.parse(arguments: ["task=adding", "cell=lstm", "lr=1e-3", "hidden=64"])
    let b = try TrialSpec.parse(arguments: ["hidden=64", "lr=0.001", "cell=lstm", "task=adding"])
    let c = try TrialSpec.parse(arguments: ["hidden=64", "lr=0.0010", "cell=lstm", "task=adding"])
    #expect(a.id == b.id)
    #expect(b.id == c.id)
    #expect(a.id.count == 12)
    #expect(a.id.allSatisfy { "0123456789abcdef".contains($0) })
  }

  @Test func theIdChangesWithAnyKey() throws {
    let base = TrialSpec(task: .adding, cell: .lstm)
    var ids: Set<String> = [base.id]
    for key in TrialKey.all {
      var changed = base
      switch key.kind {
      case .int(let range):
        let current = key.value(in: base).number.map { Int($0) } ?? 0
        changed.set(key, to: .int(current == range.upperBound ? current - 1 : current + 1))
      case .float(let range):
        let current = key.value(in: base).number ?? 0
        changed.set(key, to: .float(current == range.max ? current / 2 : current + 0.5))
      case .choice(let words):
        let current = key.value(in: base).canonical
        changed.set(key, to: .text(words.first { $0 != current } ?? current))
      case .text:
        changed.set(key, to: .text("other.txt"))
      }
      #expect(changed != base, "\(key.name)")
      ids.insert(changed.id)
    }
    #expect(ids.count == TrialKey.all.count + 1)
  }

  /// Pins the canonical encoding: if this changes, every stored trial id changes with it.
  @Test func theCanonicalTextAndIdAreStable() {
    let spec = TrialSpec(task: .adding, cell: .lstm)
    #expect(
      spec.canonicalText == """
        batch=32
        cell=lstm
        clip=0.0
        clip_value=0.0
        data=experiments/data/kjv-genesis-exodus.txt
        diagnose_every=100
        eval_every=100
        forget_bias=0.0
        hidden=128
        init=default
        init_scale=1.0
        layers=1
        lr=0.001
        momentum=0.9
        optimizer=adam
        seed=1
        seq_len=100
        steps=1000
        task=adding
        threads=1
        weight_decay=0.0

        """)
    #expect(spec.id == String(SHA256.hex(of: Array(spec.canonicalText.utf8)).prefix(12)))
    #expect(spec.id == "842afcc1d869")  // hashlib.sha256(text).hexdigest()[:12]
  }

  @Test func resolvedKeysParseBackToTheSameTrial() throws {
    var spec = TrialSpec(task: .charlm, cell: .rnnRelu)
    spec.lr = 0.000123457
    spec.forgetBias = -1
    spec.seed = 1 << 53
    let arguments = spec.resolvedKeys().map { "\($0.key)=\($0.value)" }
    let back = try TrialSpec.parse(arguments: arguments)
    #expect(back == spec)
    #expect(back.id == spec.id)
    let dictionary = Dictionary(
      uniqueKeysWithValues: spec.resolvedKeys().map { ($0.key, $0.value) })
    #expect(try TrialSpec(keys: dictionary) == spec)
  }

  @Test func jsonRoundTripsWithNumbersAsNumbers() throws {
    var spec = TrialSpec(task: .temporalOrder, cell: .gru)
    spec.lr = 0.003
    spec.hidden = 48
    let data = try JSONEncoder().encode(spec)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["hidden"] as? Int == 48)
    #expect(object["cell"] as? String == "gru")
    #expect(object.count == TrialKey.all.count)
    #expect(try JSONDecoder().decode(TrialSpec.self, from: data) == spec)
  }

  @Test func jsonTakesDefaultsForMissingKeysAndRefusesUnknownOrBadOnes() throws {
    let short = Data(#"{"task": "sine", "cell": "rnn", "steps": 20}"#.utf8)
    let spec = try JSONDecoder().decode(TrialSpec.self, from: short)
    #expect(spec.steps == 20)
    #expect(spec.hidden == 128)
    for bad in [
      #"{"task": "sine", "cell": "rnn", "colour": 1}"#,
      #"{"task": "sine", "cell": "rnn", "hidden": 0}"#,
      #"{"task": "sine", "cell": "rnn", "hidden": 2.5}"#,
      #"{"task": "sine", "cell": "lstn"}"#,
      #"{"task": "sine"}"#,
    ] {
      #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(TrialSpec.self, from: Data(bad.utf8))
      }
    }
  }
}

@Suite struct TrialKeyReferenceTests {
  @Test func theReferenceListsEveryKeyWithTypeAndDefault() {
    let lines = TrialKey.reference.split(separator: "\n")
    #expect(lines.count == TrialKey.all.count)
    #expect(
      lines.contains {
        $0.hasPrefix("cell ") && $0.contains("rnn | rnn_relu | lstm | gru, required")
      })
    #expect(
      lines.contains { $0.hasPrefix("lr ") && $0.contains("number > 0 and ≤ 10, default 0.001") })
    #expect(
      lines.contains { $0.hasPrefix("hidden ") && $0.contains("integer 1…4096, default 128") })
  }
}
