/// What `registerPlan` did.
public struct PlanRegistration: Sendable, Hashable {
  /// Trials stored for the first time.
  public var added: Int
  /// Planned trials that were already stored; their state and outcome are untouched.
  public var kept: Int
  /// Trials without an outcome that an earlier plan had but this one does not (an edited sweep
  /// file dropped them). They stay stored, outside the plan: never dispatched, not counted.
  public var withdrawn: Int
  /// The sweep revision now current (a new one when the `SweepInfo` changed).
  public var revision: Int
}
