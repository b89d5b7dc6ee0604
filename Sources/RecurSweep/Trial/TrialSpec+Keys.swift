extension TrialSpec {
  /// A trial from `key=value` arguments (`recur run task=adding cell=lstm hidden=64`); keys
  /// not given take their defaults. Throws the first problem found, naming the key and what it
  /// accepts.
  public static func parse(arguments: [String]) throws(TrialKeyError) -> TrialSpec {
    var pairs: [(key: String, value: String, argument: String)] = []
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "=") else {
        throw .malformed(argument: argument)
      }
      let key = String(argument[..<equals])
      let value = String(argument[argument.index(after: equals)...])
      pairs.append((key, value, argument))
    }
    return try resolve(pairs)
  }

  /// A trial from stored keys (`resolvedKeys()` read back from a store or a message).
  public init(keys: [String: String]) throws(TrialKeyError) {
    self = try TrialSpec.resolve(
      keys.sorted { $0.key < $1.key }.map { ($0.key, $0.value, "\($0.key)=\($0.value)") })
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

  private static func resolve(
    _ pairs: [(key: String, value: String, argument: String)]
  ) throws(TrialKeyError) -> TrialSpec {
    var spec = TrialSpec(task: .noop, cell: .rnn)
    var given: Set<String> = []
    for (name, text, argument) in pairs {
      guard let key = TrialKey.named(name) else {
        let suggestion = Suggestion.closest(to: name, among: TrialKey.names)
        throw .unknownKey(argument: argument, key: name, suggestion: suggestion)
      }
      guard given.insert(name).inserted else { throw .duplicate(key: name) }
      switch key.parse(text) {
      case .success(let value): spec.set(key, to: value)
      case .failure(let problem):
        throw .invalidValue(
          argument: argument, key: name, reason: problem.reason, expected: problem.expected)
      }
    }
    for key in TrialKey.all where key.isRequired && !given.contains(key.name) {
      throw .missing(key: key.name, expected: key.expectation)
    }
    return spec
  }
}
