import Foundation

/// One entry of the sweep's event log (`logEvent`, `events(limit:)`).
public struct EventRecord: Sendable, Hashable {
  public var time: Date
  /// A short machine-readable kind chosen by the coordinator (`worker-joined`, `requeued`, …).
  public var kind: String
  public var message: String
  public var worker: String?
  public var trialID: String?
}
