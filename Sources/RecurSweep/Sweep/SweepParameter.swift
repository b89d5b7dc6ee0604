/// One swept trial key of a sweep file: its distribution and, optionally, its `when`.
public struct SweepParameter: Sendable, Equatable {
  /// The trial key's name.
  public let key: String
  public let distribution: SweepDistribution
  /// Where the parameter applies; nil = every configuration.
  public let condition: SweepCondition?

  public init(key: String, distribution: SweepDistribution, condition: SweepCondition?) {
    self.key = key
    self.distribution = distribution
    self.condition = condition
  }
}
