import RecurStore

/// How a coordinator run ended: the store's counts, and what the benchmark measures.
public struct CoordinatorSummary: Sendable {
  /// Why the loop ended.
  public enum Ending: Sendable, Equatable {
    /// Every trial has an outcome (`--exit-when-done`).
    case done
    /// Stopped by `requestStop` (a signal).
    case stopped
  }

  public var ending: Ending
  /// The store's counts after the last commit.
  public var counts: StatusCounts
  /// Seconds from the start of the loop to its end.
  public var wallSeconds: Double
  /// Seconds from the first trial started to the last outcome of this run (nil if none).
  public var dispatchSeconds: Double?
  /// Outcomes recorded during this run.
  public var outcomes: Int
  /// CPU seconds of the coordinator's thread during the loop.
  public var loopCPUSeconds: Double
  /// CPU seconds of the coordinator's thread from the first trial started to the last
  /// outcome (nil if none).
  public var dispatchCPUSeconds: Double?
  /// Rounds of the loop that committed a transaction.
  public var transactions: Int
  /// Messages received and dropped as malformed or foreign.
  public var malformedMessages: Int
  /// Of `malformedMessages`, those with a frame above `ProtocolLimits.maxFrameBytes`.
  public var oversizedMessages = 0
  /// Connections closed before their peer said hello: it hung up, or libzmq cut it off for
  /// breaking ZeroMQ's protocol or for a frame above `ProtocolLimits.hardFrameBytes`.
  public var closedConnections = 0
  /// Results and metrics from workers that do not run the attempt, ignored.
  public var foreignReports = 0
  /// Hellos ignored because the coordinator had as many workers as it takes.
  public var turnedAway = 0
}
