/// JSON (and any other Codable format) as an object of trial keys: `{"task": "adding",
/// "seq_len": 100, "lr": 0.001, …}`, numbers as numbers.
///
/// Decoding takes defaults for missing keys and refuses unknown keys and values out of range:
/// a worker of an older release must fail a trial it does not understand rather than run a
/// different one.
extension TrialSpec: Codable {
  private struct Name: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Name.self)
    for key in TrialKey.all {
      let name = Name(stringValue: key.name)
      switch key.value(in: self) {
      case .int(let value): try container.encode(value, forKey: name)
      case .float(let value): try container.encode(value, forKey: name)
      case .text(let value): try container.encode(value, forKey: name)
      }
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Name.self)
    for name in container.allKeys where TrialKey.named(name.stringValue) == nil {
      throw DecodingError.dataCorruptedError(
        forKey: name, in: container,
        debugDescription: "unknown trial key \(name.stringValue)")
    }
    var spec = TrialSpec(task: .noop, cell: .rnn)
    for key in TrialKey.all {
      let name = Name(stringValue: key.name)
      guard let value = try Self.decodeValue(of: key, in: container, at: name) else {
        if key.isRequired {
          throw DecodingError.keyNotFound(
            name, .init(codingPath: container.codingPath, debugDescription: "required key"))
        }
        continue
      }
      spec.set(key, to: value)
    }
    self = spec
  }

  private static func decodeValue(
    of key: TrialKey, in container: KeyedDecodingContainer<Name>, at name: Name
  ) throws -> TrialValue? {
    let checked: Result<TrialValue, TrialValueProblem>
    switch key.kind {
    case .int, .float:
      guard let number = try container.decodeIfPresent(Double.self, forKey: name) else {
        return nil
      }
      if key.isInteger, let whole = try? container.decode(Int.self, forKey: name) {
        checked = key.parse(String(whole))  // exact beyond 2^53
      } else {
        checked = key.check(number: number, written: TrialValue.float(number).canonical)
      }
    case .choice, .text:
      guard let text = try container.decodeIfPresent(String.self, forKey: name) else {
        return nil
      }
      checked = key.parse(text)
    }
    switch checked {
    case .success(let value): return value
    case .failure(let problem):
      throw DecodingError.dataCorruptedError(
        forKey: name, in: container,
        debugDescription: "\(key.name): \(problem.reason); expected \(problem.expected)")
    }
  }
}
