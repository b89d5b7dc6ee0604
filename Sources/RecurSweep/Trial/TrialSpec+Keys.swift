extension TrialSpec {
  /// A trial from `key=value` arguments (`recur run task=adding cell=lstm hidden=64`); keys
  /// not given take their defaults. Throws the first problem found, naming the key and what it
  /// accepts.
  public static func parse(arguments: [String]) throws(TrialKeyError) -> TrialSpec {
    var pairs: [(key: String, value: String)] = []
    pairs.reserveCapacity(arguments.count)
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "=") else {
        throw .malformed(argument: argument)
      }
      pairs.append(
        (String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
    }
    return try resolve(pairs)
  }

  /// A trial from the members of a flat JSON object, each value as its text (a string's
  /// contents, a number as written): what `parse(arguments:)` makes of `key=value` for each
  /// member, without building and splitting those arguments (a worker decodes a spec per
  /// trial). A key holding `=` is an unknown key here, where `parse(arguments:)` would split it.
  public static func parse(members: [(key: String, value: String)]) throws(TrialKeyError)
    -> TrialSpec
  {
    try resolve(members)
  }

  /// A trial from stored keys (`resolvedKeys()` read back from a store or a message).
  public init(keys: [String: String]) throws(TrialKeyError) {
    self = try TrialSpec.resolve(keys.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
  }

  /// Every key with its canonical value, in `TrialKey.all`'s order: what `recur run` needs to
  /// rerun this trial, and what displays and stores show.
  public func resolvedKeys() -> [(key: String, value: String)] {
    TrialKey.all.map { ($0.name, $0.value(in: self).canonical) }
  }

  /// The value of the key named `name` (nil for an unknown name).
  public func value(of name: String) -> TrialValue? {
    TrialKey.named(name)?.value(in: self)
  }

  /// Sets a key to a value of the key's type; values are checked by the callers
  /// (`TrialKey.parse`), so a value of another type is ignored.
  mutating func set(_ key: TrialKey, to value: TrialValue) {
    key.write(&self, value)
  }

  /// Checks and sets each key. The argument a message names is `key=value` again, which is
  /// the argument `parse(arguments:)` split (it splits at the first `=`); it is built only for
  /// a message. Keys given are a bit set of `TrialKey.all`'s indices.
  private static func resolve(
    _ pairs: [(key: String, value: String)]
  ) throws(TrialKeyError) -> TrialSpec {
    var spec = TrialSpec(task: .noop, cell: .rnn)
    var given: UInt64 = 0
    for (name, text) in pairs {
      guard let index = TrialKey.index(named: name) else {
        let suggestion = Suggestion.closest(to: name, among: TrialKey.names)
        throw .unknownKey(argument: "\(name)=\(text)", key: name, suggestion: suggestion)
      }
      guard given & (1 << index) == 0 else { throw .duplicate(key: name) }
      given |= 1 << index
      let key = TrialKey.all[index]
      switch key.parse(text) {
      case .success(let value): spec.set(key, to: value)
      case .failure(let problem):
        throw .invalidValue(
          argument: "\(name)=\(text)", key: name, reason: problem.reason,
          expected: problem.expected)
      }
    }
    for (index, key) in TrialKey.all.enumerated() where key.isRequired && given & (1 << index) == 0
    {
      throw .missing(key: key.name, expected: key.expectation)
    }
    return spec
  }
}
