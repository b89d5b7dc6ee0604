/// How a worker told to shut down stops. Stored values, append-only.
public enum ShutdownMode: UInt8, Sendable, CaseIterable {
  /// Finish the running trial, send its result, wait for its acknowledgement, then bye.
  case afterCurrentTrial = 1
  /// Abandon the running trial at once (the coordinator requeues it), send bye, exit.
  case now = 2
}
