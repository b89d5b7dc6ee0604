import Foundation

/// How a worker connects and introduces itself.
public struct WorkerOptions: Sendable {
  /// The coordinator's address, `tcp://HOST:5555`.
  public var endpoint: String
  /// The name shown by the coordinator (`HOST-PID` when not given).
  public var name: String
  /// Give up (exit 69) after this long without a welcome, at the start or after losing the
  /// coordinator.
  public var connectTimeout: Seconds
  /// CURVE: the coordinator's public key file and this worker's secret key file.
  public var curve: CurveClientFiles?
  /// The engine's version string, sent in hello.
  public var engineVersion: String
  /// Processor cores reported in hello.
  public var cores: Int
  /// Unacknowledged metrics messages kept for re-sending at most.
  public var metricsLimit: Int

  public init(
    endpoint: String, name: String? = nil, connectTimeout: Seconds = 60,
    curve: CurveClientFiles? = nil, engineVersion: String,
    cores: Int = ProcessInfo.processInfo.activeProcessorCount, metricsLimit: Int = 10_000
  ) {
    self.endpoint = endpoint
    self.name = name ?? "\(HostName.current)-\(getpid())"
    self.connectTimeout = connectTimeout
    self.curve = curve
    self.engineVersion = engineVersion
    self.cores = cores
    self.metricsLimit = metricsLimit
  }
}

/// The key files of a CURVE worker (`recur keys generate`).
public struct CurveClientFiles: Sendable {
  /// The coordinator's public key file (`--server-key`, its `NAME.pub`).
  public var serverKeyPath: String
  /// This worker's secret key file (`--key`, its `NAME.key`); its public key must be in the
  /// coordinator's `--authorized-keys` folder.
  public var keyPath: String

  public init(serverKeyPath: String, keyPath: String) {
    self.serverKeyPath = serverKeyPath
    self.keyPath = keyPath
  }
}
