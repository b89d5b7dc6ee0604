/// One trial of an expanded sweep: what the coordinator queues and a worker runs.
public struct PlannedTrial: Sendable, Hashable {
  /// `spec.id`: the stable hash of the trial's resolved keys.
  public let id: String
  /// 0-based position in the sweep's run order (interleaved, seeds last).
  public let ordinal: Int
  public let spec: TrialSpec
  /// The keys this sweep varies that apply to this trial (a parameter whose `when` does not
  /// hold is left out), in file order, `seed` last.
  public let sweptKeys: [String]

  public init(ordinal: Int, spec: TrialSpec, sweptKeys: [String]) {
    self.init(id: spec.id, ordinal: ordinal, spec: spec, sweptKeys: sweptKeys)
  }

  /// With the id already computed (`CanonicalTemplate`); it must equal `spec.id`.
  init(id: String, ordinal: Int, spec: TrialSpec, sweptKeys: [String]) {
    self.id = id
    self.ordinal = ordinal
    self.spec = spec
    self.sweptKeys = sweptKeys
  }

  /// The swept keys with their values, for display: `cell=lstm seq_len=100 seed=2`.
  public var label: String {
    sweptKeys.compactMap { key in spec.value(of: key).map { "\(key)=\($0.canonical)" } }
      .joined(separator: " ")
  }
}
