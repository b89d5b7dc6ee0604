import CZeroMQ
import Foundation

/// Everything that can go wrong on the wire, as one typed error.
///
/// Every libzmq return code passes through `ZMQCall.check` (as pyzmq's `_check_rc` does), so a
/// failed call always arrives here with its operation, `errno` and libzmq's own text.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A libzmq call failed: the operation (`bind tcp://…`), `errno` and `zmq_strerror` text.
  case call(operation: String, errno: Int32, message: String)
  /// The context was shut down or terminated (ETERM): the process is stopping.
  case contextTerminated(operation: String)
  /// A ROUTER with router_mandatory could not route to the peer (EHOSTUNREACH): that peer has
  /// disconnected.
  case hostUnreachable(operation: String)
  /// The socket was closed before this operation.
  case socketClosed(operation: String)
  /// A caller passed a value libzmq cannot take (no frames to send, a negative size…).
  case invalidArgument(String)
  /// A message had more frames than the receiver accepts; it was drained and dropped.
  case tooManyFrames(limit: Int)
  /// A message had a frame of `bytes`, above the receiver's `limit`; it was drained and dropped
  /// without copying that frame. `firstFrame` is the message's first frame (a ROUTER's routing
  /// id), empty if it was the large one.
  case frameTooLarge(bytes: Int, limit: Int, firstFrame: Data)
  /// Text that is not a valid Z85 CURVE key.
  case invalidKey(String)
  /// A key file that cannot be read, written or parsed.
  case keyFile(path: String, problem: String)
  /// The server's ZAP handler refused this client's key (ZAP status 400 or other).
  case authenticationRefused(endpoint: String, status: Int)

  /// The `errno` of a failed libzmq call, if this error is one.
  public var errno: Int32? {
    if case .call(_, let code, _) = self { return code }
    return nil
  }

  public var description: String {
    switch self {
    case .call(let operation, let code, let message):
      let hint = Self.hint(errno: code, operation: operation)
      return "\(operation) failed: \(message) (errno \(code))" + (hint.isEmpty ? "" : "; \(hint)")
    case .contextTerminated(let operation):
      return "\(operation) interrupted: the ZeroMQ context is shutting down"
    case .hostUnreachable(let operation):
      return "\(operation) failed: the peer is no longer connected"
    case .socketClosed(let operation):
      return "\(operation) failed: the socket is already closed (a bug of ours)"
    case .invalidArgument(let problem):
      return "invalid argument: \(problem)"
    case .tooManyFrames(let limit):
      return "dropped a message of more than \(limit) frames: the peer is not a Recur process"
    case .frameTooLarge(let bytes, let limit, _):
      return "dropped a message with a frame of \(bytes) bytes, above the limit of \(limit)"
    case .invalidKey(let problem):
      return "invalid CURVE key: \(problem); keys are 40 characters of Z85 made by "
        + "`recur keys generate`"
    case .keyFile(let path, let problem):
      return "\(path): \(problem)"
    case .authenticationRefused(let endpoint, let status):
      return "not authorised by the coordinator at \(endpoint) (ZAP status \(status)): add this "
        + "worker's public key file to the coordinator's --authorized-keys folder, or use a key "
        + "that is already there"
    }
  }

  /// What a user can do about the common failures.
  private static func hint(errno code: Int32, operation: String) -> String {
    let onEndpoint = operation.hasPrefix("bind") || operation.hasPrefix("connect")
    switch code {
    case EADDRINUSE: return "another process listens on that address; choose another port"
    case EADDRNOTAVAIL: return "that address is not one of this machine's interfaces"
    case ENODEV: return "no such network interface"
    case EINVAL where onEndpoint:
      return "check the endpoint form, tcp://HOST:PORT (or tcp://*:PORT to bind)"
    case EPROTONOSUPPORT: return "unsupported transport; use tcp://, ipc:// or inproc://"
    case ENOENT where operation.hasPrefix("unbind") || operation.hasPrefix("disconnect"):
      return "that endpoint was never bound or connected here"
    case EMTHREAD: return "no I/O thread available; raise the context's I/O threads"
    case EMFILE: return "too many open files or sockets; raise the limit (ulimit -n)"
    default: return ""
    }
  }
}
