import CZeroMQ

/// The ZeroMQ socket patterns Recur uses (zmq_socket(3)).
public enum SocketType: Sendable, CaseIterable {
  /// The coordinator's socket: routes each reply to the worker that sent the request.
  case router
  /// The worker's socket: asynchronous requests and replies to one coordinator.
  case dealer
  /// One-to-one, for pipes between threads (inproc) and socket monitors.
  case pair
  case request
  case reply
  case publisher
  case subscriber

  var rawValue: Int32 {
    switch self {
    case .router: ZMQ_ROUTER
    case .dealer: ZMQ_DEALER
    case .pair: ZMQ_PAIR
    case .request: ZMQ_REQ
    case .reply: ZMQ_REP
    case .publisher: ZMQ_PUB
    case .subscriber: ZMQ_SUB
    }
  }
}
