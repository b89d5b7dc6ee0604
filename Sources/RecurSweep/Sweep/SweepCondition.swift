/// The `when` of a parameter: it is swept only in configurations where every named key takes
/// one of the listed values; elsewhere the key keeps its fixed or default value.
public struct SweepCondition: Sendable, Equatable {
  /// One named key and the values it may take for the condition to hold.
  public struct Clause: Sendable, Equatable {
    public let key: String
    public let values: [TrialValue]
  }

  /// All must hold.
  public let clauses: [Clause]

  /// True when every clause holds; `value(key)` gives a key's value in the configuration.
  func holds(_ value: (String) -> TrialValue) -> Bool {
    clauses.allSatisfy { $0.values.contains(value($0.key)) }
  }
}
