/// One attempt at one trial: the key by which the coordinator recognises duplicates.
///
/// A trial that goes back to the queue (its worker vanished) runs again as a new attempt; a
/// late result of an older attempt then arrives with a different key and is kept apart
/// (PROTOCOL.md, Reliability).
public struct TrialAttempt: Hashable, Sendable, CustomStringConvertible {
  /// The sweep's stable trial id (at most `ProtocolLimits.maxNameBytes` of UTF-8).
  public var trialID: String
  /// The attempt number, 1 for the first run of the trial.
  public var attempt: UInt32

  public init(trialID: String, attempt: UInt32) {
    self.trialID = trialID
    self.attempt = attempt
  }

  public var description: String { "\(trialID)#\(attempt)" }
}
