import Foundation
import RecurStore

/// How a coordinator runs: where it listens, its heartbeats, its keys, when it stops.
public struct CoordinatorOptions: Sendable {
  /// The results folder; the store is `results.sqlite` inside it.
  public var resultsDirectory: URL
  /// Where the ROUTER listens: `tcp://*:5555` on every interface, `tcp://127.0.0.1:*` on an
  /// ephemeral port.
  public var bind: String
  /// Seconds between heartbeats (PROTOCOL.md: 1 s; 0.25–10 s is sensible).
  public var heartbeatInterval: Seconds
  /// Heartbeats a worker may miss before it is dropped (the Guide's HEARTBEAT_LIVENESS; 3–5).
  public var heartbeatLiveness: Int
  /// Stop once every trial has an outcome (and tell the workers to stop).
  public var exitWhenDone: Bool
  /// CURVE: encrypt everything and admit only the authorised workers.
  public var curve: CurveServerFiles?
  /// How hard each commit pushes data to disk; `.full` unless measuring.
  public var durability: Durability
  /// Messages taken from the socket in one round at most (one transaction per round).
  public var maxMessagesPerRound: Int
  /// Seconds an attempt may run before the coordinator ends it: the trial is recorded
  /// `failed` and not run again (`AttemptDeadlines`); nil: no limit.
  public var trialTimeout: Seconds?
  /// Hand out no trial before this many workers have joined (a benchmark waits for all its
  /// workers, so that the rate is not measured on the first few).
  public var dispatchAfterWorkers = 0

  public init(
    resultsDirectory: URL, bind: String = "tcp://*:5555", heartbeatInterval: Seconds = 1,
    heartbeatLiveness: Int = 5, exitWhenDone: Bool = false, curve: CurveServerFiles? = nil,
    durability: Durability = .full, maxMessagesPerRound: Int = 4096, trialTimeout: Seconds? = nil
  ) {
    self.resultsDirectory = resultsDirectory
    self.bind = bind
    self.heartbeatInterval = heartbeatInterval
    self.heartbeatLiveness = heartbeatLiveness
    self.exitWhenDone = exitWhenDone
    self.curve = curve
    self.durability = durability
    self.maxMessagesPerRound = maxMessagesPerRound
    self.trialTimeout = trialTimeout
  }

  /// The trial timeouts accepted: from 1 s (shorter cannot tell a slow start from a stuck
  /// trial) to 30 days (a longer one is almost certainly a typo: no limit is the default).
  public static let trialTimeoutRange: ClosedRange<Seconds> = 1...(30 * 24 * 3600)

  /// Checks the heartbeat settings against what the protocol can carry.
  func validate() throws(CoordinatorError) {
    guard heartbeatInterval >= 0.001, heartbeatInterval <= 3600 else {
      throw .invalidOption(
        "--heartbeat-interval must be between 1 ms and 1 hour (1s is the default)")
    }
    guard heartbeatLiveness >= 1, heartbeatLiveness <= 1000 else {
      throw .invalidOption("--heartbeat-liveness must be between 1 and 1000 (3 to 5 is usual)")
    }
    if let trialTimeout, !Self.trialTimeoutRange.contains(trialTimeout) {
      throw .invalidOption(
        "--trial-timeout must be between 1s and 720h (30 days), for example 90s, 10m or 2h")
    }
    guard maxMessagesPerRound >= 1 else {
      throw .invalidOption("at least one message per round")
    }
  }
}

/// The key files of a CURVE coordinator (`recur keys generate`).
public struct CurveServerFiles: Sendable {
  /// The coordinator's secret key file (`NAME.key`).
  public var secretKeyPath: String
  /// The folder of the authorised workers' public key files (`*.pub`).
  public var authorizedKeysDirectory: String

  public init(secretKeyPath: String, authorizedKeysDirectory: String) {
    self.secretKeyPath = secretKeyPath
    self.authorizedKeysDirectory = authorizedKeysDirectory
  }

  /// The public key file beside the secret one (`NAME.pub` for `NAME.key`), which workers
  /// pass as `--server-key`.
  public var publicKeyPath: String {
    let url = URL(fileURLWithPath: secretKeyPath)
    return url.deletingPathExtension().appendingPathExtension("pub").path
  }
}
