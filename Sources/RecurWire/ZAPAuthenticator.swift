import CZeroMQ
import Foundation

/// Admits only CURVE clients whose public key is authorised: a ZAP handler (ZeroMQ RFC
/// 27/ZAP) serving every CURVE server socket of one context.
///
/// libzmq asks the handler bound at `inproc://zeromq.zap.01` about every CURVE handshake of
/// the context's server sockets. This one answers 200 for an authorised key (with the key's
/// name as the "User-Id") and 400 otherwise; libzmq then closes the refused connection and the
/// client's monitor reports `handshakeFailedAuth` with value 400 (`SocketMonitor`). Without a
/// handler, libzmq admits any client that knows the server's public key.
///
/// Create it before the server socket binds, keep it alive as long as that socket, and use
/// one per context (the endpoint is unique). It serves requests on a thread of its own, which
/// `stop()` (or deinit) ends.
public final class ZAPAuthenticator {
  /// The well-known endpoint libzmq sends ZAP requests to.
  public static let endpoint = "inproc://zeromq.zap.01"

  private let control: Socket
  private let finished = DispatchSemaphore(value: 0)
  private let tally: Tally
  private var running = true

  /// Starts serving, admitting the keys of `authorized` (public key to a name for logs).
  public init(context: Context, authorized: [CurveKey: String]) throws(WireError) {
    let handler = try context.socket(.reply)
    try handler.setLinger(.zero)
    try handler.bind(Self.endpoint)
    let controlEndpoint = context.uniqueInprocEndpoint("zap-control")
    control = try context.socket(.pair)
    try control.setLinger(.zero)
    try control.bind(controlEndpoint)
    let peer = try context.socket(.pair)
    try peer.setLinger(.zero)
    try peer.connect(controlEndpoint)
    tally = Tally()
    // The sockets move to the handler thread and are used only there from now on (sockets
    // may migrate between threads across a full memory barrier, which starting one is).
    let sockets = Handoff((handler, peer))
    let tally = tally
    let finished = finished
    let thread = Thread {
      let (handler, peer) = sockets.value
      Self.serve(handler, control: peer, authorized: authorized, tally: tally)
      handler.close()
      peer.close()
      finished.signal()
    }
    thread.name = "recur.zap"
    thread.start()
  }

  /// Admits exactly the keys of `authorized`, each named by the start of its Z85 text.
  public convenience init(context: Context, authorized: Set<CurveKey>) throws(WireError) {
    let named = Dictionary(uniqueKeysWithValues: authorized.map { ($0, String($0.z85.prefix(8))) })
    try self.init(context: context, authorized: named)
  }

  deinit {
    stop()
  }

  /// Handshakes admitted so far.
  public var admittedCount: Int { tally.admitted.current }
  /// Handshakes refused so far.
  public var refusedCount: Int { tally.refused.current }

  /// Stops serving and waits for the handler thread to close its sockets. CURVE handshakes
  /// after this point fail. Stopping twice is harmless.
  public func stop() {
    guard running else { return }
    running = false
    _ = try? control.send([Data("STOP".utf8)], dontWait: true)
    finished.wait()
    control.close()
  }

  /// The handler loop: answer requests until told to stop or the context ends.
  private static func serve(
    _ handler: Socket, control: Socket, authorized: [CurveKey: String], tally: Tally
  ) {
    let items = [PollItem(control), PollItem(handler)]
    while let ready = try? Poller.poll(items), !ready[0].contains(.readable) {
      guard ready[1].contains(.readable) else { continue }
      guard let request = try? handler.receive(timeout: .zero, maxFrames: 16) else { continue }
      let reply = ZAPReply(request: request, authorized: authorized)
      _ = (reply.admitted ? tally.admitted : tally.refused).next()
      guard (try? handler.send(reply.frames)) != nil else { return }
    }
  }
}

/// Counts of decisions, shared between the handler thread and its owner.
final class Tally: Sendable {
  let admitted = Counter()
  let refused = Counter()
}

/// Carries values into a thread that becomes their only user: the caller promises not to
/// touch them again (libzmq sockets may change threads across a memory barrier).
final class Handoff<Value>: @unchecked Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
