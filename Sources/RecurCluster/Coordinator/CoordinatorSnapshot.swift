import RecurStore

/// The sweep as the coordinator sees it now, for the live view.
public struct CoordinatorSnapshot: Sendable {
  /// One connected worker and what it runs.
  public struct Worker: Sendable, Hashable {
    public var name: String
    public var host: String
    /// The trial it runs (`id#attempt`), nil when idle.
    public var trial: String?
    /// The trial's swept keys (`cell=lstm seq_len=100`), empty when idle.
    public var label: String
  }

  /// Trials by state, attempts started and duplicates.
  public var counts: StatusCounts
  /// Connected workers, by name.
  public var workers: [Worker]
  /// Outcomes per hour over the last minutes; nil before the first.
  public var trialsPerHour: Double?
  /// Seconds until every trial has an outcome at that rate; nil without a rate.
  public var secondsLeft: Double?
  /// Seconds since the coordinator started.
  public var elapsed: Double
  /// Messages dropped as malformed or foreign.
  public var malformedMessages: Int
  /// False once the coordinator is stopping.
  public var isDispatching: Bool
}
