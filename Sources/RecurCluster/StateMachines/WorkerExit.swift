/// Why a worker stopped. The command line turns each into an exit status and a message.
public enum WorkerExit: Equatable, Sendable, CustomStringConvertible {
  /// The coordinator told the worker to stop (shutdown), or the sweep is over: exit 0.
  case shutDown
  /// The coordinator is stopping and refused new work: exit 0.
  case coordinatorStopping
  /// The worker itself was interrupted (SIGINT, SIGTERM) and said goodbye: exit 0.
  case interrupted
  /// No coordinator answered within the connect timeout: exit 69 (EX_UNAVAILABLE).
  case unreachable(endpoint: String, seconds: Double, curve: Bool)
  /// The address cannot be connected to as written: exit 64 (EX_USAGE).
  case invalidAddress(endpoint: String, problem: String)
  /// The coordinator speaks another protocol version: exit 76 (EX_PROTOCOL).
  case protocolMismatch(String)
  /// The coordinator does not admit this worker's key: exit 77 (EX_NOPERM).
  case notAuthorised(String)

  /// Whether the worker stopped as asked, rather than because of a problem.
  public var isClean: Bool {
    switch self {
    case .shutDown, .coordinatorStopping, .interrupted: true
    case .unreachable, .invalidAddress, .protocolMismatch, .notAuthorised: false
    }
  }

  public var description: String {
    switch self {
    case .shutDown: return "the coordinator ended the session"
    case .coordinatorStopping: return "the coordinator is stopping and takes no more work"
    case .interrupted: return "interrupted; said goodbye to the coordinator"
    case .unreachable(let endpoint, let seconds, let curve):
      let hint =
        curve
        ? "; check the address, that the coordinator runs, that the port is open, and that "
          + "--server-key is the coordinator's public key"
        : "; check the address, that the coordinator runs and that the port is open"
      return "no coordinator answered at \(endpoint) within \(Self.format(seconds))" + hint
    case .invalidAddress(let endpoint, let problem):
      return "cannot connect to \(endpoint): \(problem); give the coordinator's address as "
        + "tcp://HOST:PORT, as it printed it"
    case .protocolMismatch(let detail): return "refused by the coordinator: \(detail)"
    case .notAuthorised(let detail): return "refused by the coordinator: \(detail)"
    }
  }

  private static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
