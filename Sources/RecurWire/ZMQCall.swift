import CZeroMQ
import Foundation

/// The one place where libzmq return codes become `WireError`s.
///
/// Modelled on pyzmq's `_check_rc`: read `zmq_errno()` right after the failed call, and map
/// ETERM and EHOSTUNREACH to their own cases because callers handle them differently (stop;
/// forget the peer). EAGAIN and EINTR are handled by the callers that expect them.
enum ZMQCall {
  /// `rc` if it is not negative; otherwise the error of the call that just failed.
  @discardableResult
  static func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(WireError)
    -> Int32
  {
    guard rc < 0 else { return rc }
    throw lastError(operation())
  }

  /// The error of the libzmq call that just failed in this thread.
  static func lastError(_ operation: String) -> WireError {
    error(errno: zmq_errno(), operation)
  }

  /// The error for `code`, with libzmq's text for it.
  static func error(errno code: Int32, _ operation: String) -> WireError {
    switch code {
    case ETERM: return .contextTerminated(operation: operation)
    case EHOSTUNREACH: return .hostUnreachable(operation: operation)
    default:
      let message = zmq_strerror(code).map { String(cString: $0) } ?? "unknown error"
      return .call(operation: operation, errno: code, message: message)
    }
  }
}
