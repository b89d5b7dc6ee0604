/// One trial key's schema: name, type, allowed values or range, default and a one-line doc.
///
/// `TrialKey.all` is the one table of trial keys. Everything that reads or writes keys goes
/// through it: `TrialSpec.parse(arguments:)` for `recur run`, sweep validation, the canonical
/// encoding and the trial id, JSON coding, and `resolvedKeys()` for display and storage.
/// Defaults are the property initialisers of `TrialSpec`, read back through `defaultValue`.
public struct TrialKey: Sendable {
  /// The type of a key's values and what is allowed.
  public enum Kind: Sendable, Equatable {
    /// An integer in the closed range.
    case int(ClosedRange<Int>)
    /// A finite number in the range.
    case float(FloatRange)
    /// One of the listed words.
    case choice([String])
    /// A line of text (a file path): non-empty, no control characters.
    case text
  }

  /// The name in `key=value` arguments, sweep files and JSON (snake_case).
  public let name: String
  public let kind: Kind
  /// Required keys (`task`, `cell`) have no default.
  public let isRequired: Bool
  /// One line for `--help` and documentation.
  public let summary: String
  let read: @Sendable (TrialSpec) -> TrialValue
  let write: @Sendable (inout TrialSpec, TrialValue) -> Void

  /// The value of this key in `spec`.
  public func value(in spec: TrialSpec) -> TrialValue { read(spec) }

  /// The default, or nil for a required key.
  public var defaultValue: TrialValue? {
    isRequired ? nil : read(TrialSpec(task: .noop, cell: .rnn))
  }

  /// True for keys whose values are integers.
  public var isInteger: Bool {
    if case .int = kind { return true }
    return false
  }

  /// True for keys whose values are numbers (integers or floats).
  public var isNumeric: Bool {
    switch kind {
    case .int, .float: true
    case .choice, .text: false
    }
  }
}

extension TrialKey {
  /// Every trial key, in the order they are displayed (at most 64: `TrialSpec` parsing keeps
  /// the keys given as a bit set of these indices).
  public static let all: [TrialKey] = [
    choice("task", \.task, required: true, "what the trial trains on"),
    int("seq_len", \.seqLen, 1...100_000, "T, time steps per sequence (copy: the blank gap)"),
    choice("cell", \.cell, required: true, "the recurrent cell"),
    int("hidden", \.hidden, 1...4096, "H, units per recurrent layer"),
    int("layers", \.layers, 1...8, "stacked recurrent layers"),
    choice("optimizer", \.optimizer, "the optimiser, with PyTorch's semantics"),
    float("lr", \.lr, .init(0, 10, minExclusive: true), "learning rate"),
    float("momentum", \.momentum, .init(0, 1), "momentum of the momentum and nesterov optimizers"),
    float("weight_decay", \.weightDecay, .init(0, 1), "L2 penalty (adamw: decoupled decay)"),
    int("batch", \.batch, 1...4096, "sequences per step"),
    int("steps", \.steps, 1...10_000_000, "optimiser steps"),
    float("clip", \.clip, .init(0, 1e6), "global gradient-norm clipping threshold; 0 = off"),
    float("clip_value", \.clipValue, .init(0, 1e6), "element-wise gradient clipping; 0 = off"),
    choice("init", \.initializer, "initialisation of the weights"),
    float("init_scale", \.initScale, .init(0, 100, minExclusive: true), "factor on weight_hh"),
    float(
      "forget_bias", \.forgetBias, .init(-100, 100),
      "LSTM total forget-gate bias at init (0 keeps the init scheme's)"),
    int("seed", \.seed, 0...(1 << 53), "seed of the model, the data and the batches"),
    int("eval_every", \.evalEvery, 0...10_000_000, "steps between evaluations; 0 = at the end"),
    int("diagnose_every", \.diagnoseEvery, 0...10_000_000, "steps between diagnoses; 0 = never"),
    int("threads", \.threads, 1...256, "BLAS threads of the trial"),
    text("data", \.data, "charlm: the text file to model"),
  ]

  /// The key named `name`, if there is one.
  public static func named(_ name: String) -> TrialKey? {
    index[name].map { all[$0] }
  }

  /// The index in `all` of the key named `name`, if there is one.
  static func index(named name: String) -> Int? { index[name] }

  /// Every key sorted by name (byte order): the order of the canonical text.
  static let canonicalOrder = all.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }

  /// Every key name, in display order.
  public static var names: [String] { all.map(\.name) }

  private static let index: [String: Int] = Dictionary(
    uniqueKeysWithValues: all.enumerated().map { ($0.element.name, $0.offset) })
}

extension TrialKey {
  private static func int(
    _ name: String, _ path: WritableKeyPath<TrialSpec, Int> & Sendable,
    _ range: ClosedRange<Int>, _ summary: String
  ) -> TrialKey {
    TrialKey(
      name: name, kind: .int(range), isRequired: false, summary: summary,
      read: { .int($0[keyPath: path]) },
      write: { spec, value in
        if case .int(let number) = value { spec[keyPath: path] = number }
      })
  }

  private static func float(
    _ name: String, _ path: WritableKeyPath<TrialSpec, Double> & Sendable,
    _ range: FloatRange, _ summary: String
  ) -> TrialKey {
    TrialKey(
      name: name, kind: .float(range), isRequired: false, summary: summary,
      read: { .float($0[keyPath: path]) },
      write: { spec, value in
        if let number = value.number { spec[keyPath: path] = number }
      })
  }

  private static func choice<Choice>(
    _ name: String, _ path: WritableKeyPath<TrialSpec, Choice> & Sendable,
    required: Bool = false, _ summary: String
  ) -> TrialKey
  where Choice: RawRepresentable<String> & CaseIterable & Sendable {
    TrialKey(
      name: name, kind: .choice(Choice.allCases.map(\.rawValue)), isRequired: required,
      summary: summary,
      read: { .text($0[keyPath: path].rawValue) },
      write: { spec, value in
        if case .text(let word) = value, let choice = Choice(rawValue: word) {
          spec[keyPath: path] = choice
        }
      })
  }

  private static func text(
    _ name: String, _ path: WritableKeyPath<TrialSpec, String> & Sendable, _ summary: String
  ) -> TrialKey {
    TrialKey(
      name: name, kind: .text, isRequired: false, summary: summary,
      read: { .text($0[keyPath: path]) },
      write: { spec, value in
        if case .text(let text) = value { spec[keyPath: path] = text }
      })
  }
}
