/// The sweep a plan comes from, as the coordinator registers it (`registerPlan`).
public struct SweepInfo: Sendable, Hashable {
  /// The sweep's name (from the sweep file).
  public var name: String
  /// The sweep file's path as the user gave it.
  public var filePath: String
  /// The sweep file's text, kept so that a report can show exactly what ran.
  public var fileText: String
  /// The keys the sweep varies, in the sweep file's order (reports group by them).
  public var sweptKeys: [String]
  /// The metric the sweep ranks trials by (for example `final_eval_loss`).
  public var metric: String
  /// How many attempts a trial may lose to vanished workers before it is `lost` (at least 1).
  public var attemptsAllowed: Int

  public init(
    name: String, filePath: String, fileText: String, sweptKeys: [String], metric: String,
    attemptsAllowed: Int
  ) {
    self.name = name
    self.filePath = filePath
    self.fileText = fileText
    self.sweptKeys = sweptKeys
    self.metric = metric
    self.attemptsAllowed = attemptsAllowed
  }
}
