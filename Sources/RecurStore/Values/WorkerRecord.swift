import Foundation

/// A worker the coordinator has seen (`recordWorker`, `workers()`).
public struct WorkerRecord: Sendable, Hashable {
  public var name: String
  public var host: String
  public var cores: Int
  public var firstSeen: Date
  public var lastSeen: Date
}
