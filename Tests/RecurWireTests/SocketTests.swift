import Foundation
import Testing

@testable import RecurWire

/// Real sockets over tcp loopback (ephemeral ports) and inproc.
@Suite struct SocketTests {
  /// Long enough for any loopback delivery; only reached when something is broken.
  static let patience = Duration.seconds(5)

  /// A ROUTER bound on an ephemeral loopback port, and its address.
  static func boundRouter(_ context: Context) throws -> (Socket, String) {
    let router = try context.socket(.router)
    try router.bind("tcp://127.0.0.1:*")
    return (router, try router.lastEndpoint())
  }

  @Test func lastEndpointNamesTheEphemeralPort() throws {
    let context = try Context()
    let (_, endpoint) = try Self.boundRouter(context)
    #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
    let port = Int(endpoint.split(separator: ":").last ?? "")
    #expect(port.map { $0 > 0 && $0 < 65536 } == true)
  }

  @Test func routerAndDealerExchangeMultipartMessages() throws {
    let context = try Context()
    let (router, endpoint) = try Self.boundRouter(context)
    let dealer = try context.socket(.dealer)
    try dealer.setRoutingID(Data("worker-1".utf8))
    try dealer.connect(endpoint)
    let frames = [Data([1]), Data(), Data([0, 255, 0, 10]), Data(repeating: 7, count: 10_000)]
    #expect(try dealer.send(frames))
    let received = try #require(try router.receive(timeout: Self.patience))
    #expect(received == [Data("worker-1".utf8)] + frames)
    try router.send([received[0], Data("reply".utf8), Data()])
    #expect(try dealer.receive(timeout: Self.patience) == [Data("reply".utf8), Data()])
  }

  @Test func byteArrayFramesAreSentLikeData() throws {
    let context = try Context()
    let left = try context.socket(.pair)
    let right = try context.socket(.pair)
    let endpoint = context.uniqueInprocEndpoint("test")
    try left.bind(endpoint)
    try right.connect(endpoint)
    try left.send([[1, 2, 3], [], [4]] as [[UInt8]])
    #expect(try right.receive(timeout: Self.patience) == [Data([1, 2, 3]), Data(), Data([4])])
  }

  @Test func receiveReturnsNilWhenNothingArrivesInTime() throws {
    let context = try Context()
    let (router, _) = try Self.boundRouter(context)
    #expect(try router.receive(timeout: .milliseconds(30)) == nil)
    #expect(try router.receive(timeout: .zero) == nil)
  }

  @Test func pollReportsWhichSocketIsReadable() throws {
    let context = try Context()
    let (first, firstEndpoint) = try Self.boundRouter(context)
    let (second, secondEndpoint) = try Self.boundRouter(context)
    let dealer = try context.socket(.dealer)
    try dealer.connect(secondEndpoint)
    try dealer.connect(firstEndpoint)
    let items = [PollItem(first), PollItem(second)]
    #expect(try Poller.poll(items, timeout: .milliseconds(20)) == [[], []])
    // a DEALER round-robins over its connections once both are up; wait until one gets it
    try dealer.send([Data("x".utf8)])
    let ready = try Poller.poll(items, timeout: Self.patience)
    #expect(ready.filter { $0.contains(.readable) }.count == 1)
    let readable = ready[0].contains(.readable) ? first : second
    #expect(try readable.receive(timeout: .zero)?.last == Data("x".utf8))
    #expect(try Poller.poll([PollItem(dealer, .writable)], timeout: .zero) == [.writable])
  }

  @Test func badEndpointsThrowWireErrorsWithLibzmqText() throws {
    let context = try Context()
    let socket = try context.socket(.router)
    let invalid = try #require(throws: WireError.self) { try socket.bind("tcp://nonsense") }
    guard case .call(let operation, let code, let message) = invalid else {
      Issue.record("expected a libzmq call error, got \(invalid)")
      return
    }
    #expect(operation == "bind tcp://nonsense")
    #expect(code != 0)
    #expect(!message.isEmpty)
    #expect(invalid.description.contains("bind tcp://nonsense failed"))
    let transport = try #require(throws: WireError.self) { try socket.connect("bogus://x") }
    #expect(transport.errno == EPROTONOSUPPORT)
  }

  @Test func bindingAPortInUseSaysSo() throws {
    let context = try Context()
    let (first, endpoint) = try Self.boundRouter(context)
    let other = try context.socket(.router)
    let error = try withExtendedLifetime(first) {
      try #require(throws: WireError.self) { try other.bind(endpoint) }
    }
    #expect(error.errno == EADDRINUSE)
    #expect(error.description.contains("choose another port"))
  }

  @Test func unbindAndDisconnectUndoBindAndConnect() throws {
    let context = try Context()
    let (router, endpoint) = try Self.boundRouter(context)
    let dealer = try context.socket(.dealer)
    try dealer.connect(endpoint)
    try dealer.disconnect(endpoint)
    try router.unbind(endpoint)
    #expect(throws: WireError.self) { try router.unbind(endpoint) }
    let unknown = try #require(throws: WireError.self) { try dealer.disconnect(endpoint) }
    #expect(unknown.errno == ENOENT)
    #expect(unknown.description.contains("never bound or connected"))
  }

  @Test func mandatoryRouterReportsAPeerThatIsGone() throws {
    let context = try Context()
    let (router, _) = try Self.boundRouter(context)
    try router.setRouterMandatory(true)
    #expect(throws: WireError.hostUnreachable(operation: "send")) {
      try router.send([Data("nobody".utf8), Data("hello".utf8)])
    }
  }

  @Test func closedSocketRefusesFurtherUse() throws {
    let context = try Context()
    let socket = try context.socket(.dealer)
    socket.close()
    socket.close()
    #expect(!socket.isOpen)
    #expect(throws: WireError.socketClosed(operation: "send")) { try socket.send([Data()]) }
  }

  @Test func contextShutdownEndsBlockingCalls() throws {
    let context = try Context()
    let socket = try context.socket(.pair)
    context.shutdown()
    #expect(throws: WireError.contextTerminated(operation: "receive")) {
      try socket.receive()
    }
  }

  @Test func sendWithoutAPeerReportsWouldBlock() throws {
    let context = try Context()
    let dealer = try context.socket(.dealer)
    try dealer.setImmediate(true)
    try dealer.connect("tcp://127.0.0.1:9")  // nothing listens on the discard port
    #expect(try dealer.send([Data("x".utf8)], dontWait: true) == false)
    #expect(throws: WireError.self) { try dealer.send([Data]()) }
  }

  @Test func invalidRoutingIDsAreRefused() throws {
    let context = try Context()
    let dealer = try context.socket(.dealer)
    #expect(throws: WireError.self) { try dealer.setRoutingID(Data()) }
    #expect(throws: WireError.self) { try dealer.setRoutingID(Data([0, 1])) }
    try dealer.setRoutingID(Data("w".utf8))
    #expect(try dealer.routingID() == Data("w".utf8))
  }

  @Test func messagesWithTooManyFramesAreDrainedAndReported() throws {
    let context = try Context()
    let left = try context.socket(.pair)
    let right = try context.socket(.pair)
    let endpoint = context.uniqueInprocEndpoint("frames")
    try left.bind(endpoint)
    try right.connect(endpoint)
    try left.send((0..<10).map { Data([UInt8($0)]) })
    try left.send([Data("next".utf8)])
    #expect(throws: WireError.tooManyFrames(limit: 4)) {
      try right.receive(timeout: Self.patience, maxFrames: 4)
    }
    #expect(try right.receive(timeout: Self.patience) == [Data("next".utf8)])
  }

  @Test func framesAboveTheReceiversLimitAreDrainedAndReportedWithTheirSender() throws {
    let context = try Context()
    let (router, endpoint) = try Self.boundRouter(context)
    let dealer = try context.socket(.dealer)
    try dealer.setRoutingID(Data("big".utf8))
    try dealer.connect(endpoint)
    try dealer.send([Data([1]), Data(count: 2048), Data([2])])
    try dealer.send([Data("next".utf8)])
    #expect(
      throws: WireError.frameTooLarge(bytes: 2048, limit: 1024, firstFrame: Data("big".utf8))
    ) {
      try router.receive(timeout: Self.patience, maxFrameBytes: 1024)
    }
    #expect(router.lastSourceDescriptor >= 0, "tcp connections have a descriptor")
    let next = try router.receive(timeout: Self.patience, maxFrameBytes: 1024)
    #expect(next == [Data("big".utf8), Data("next".utf8)])
  }

  @Test func largeMessagesArriveWhole() throws {
    let context = try Context()
    let (router, endpoint) = try Self.boundRouter(context)
    let dealer = try context.socket(.dealer)
    try dealer.connect(endpoint)
    var random = SystemRandomNumberGenerator()
    let block = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
    var big = Data(capacity: 4 << 20)
    for _ in 0..<1024 { big.append(block) }
    try dealer.send([big])
    #expect(try router.receive(timeout: Self.patience)?.last == big)
  }

  @Test func framesAboveTheMaximumSizeAreDroppedWithTheirConnection() throws {
    let context = try Context()
    let router = try context.socket(.router)
    try router.setMaxMessageSize(1024)
    try router.bind("tcp://127.0.0.1:*")
    let endpoint = try router.lastEndpoint()
    let monitor = try SocketMonitor(router, events: [.disconnected])
    let hostile = try context.socket(.dealer)
    try hostile.connect(endpoint)
    try hostile.send([Data(count: 4096)])
    #expect(try monitor.next(timeout: Self.patience)?.kind == .disconnected)
    #expect(try router.receive(timeout: .zero) == nil)
    let polite = try context.socket(.dealer)
    try polite.connect(endpoint)
    try polite.send([Data(count: 1024)])
    #expect(try router.receive(timeout: Self.patience)?.last == Data(count: 1024))
  }

  @Test func optionsAcceptSensibleValues() throws {
    let context = try Context()
    let router = try context.socket(.router)
    try router.setSendHighWaterMark(10_000)
    try router.setReceiveHighWaterMark(10_000)
    try router.setRouterHandover(true)
    try router.setHeartbeat(interval: .seconds(1), timeout: .seconds(3), timeToLive: .seconds(5))
    try router.setTCPKeepAlive(true, idle: .seconds(60), interval: .seconds(10), probes: 3)
    try router.setLinger(nil)
    try router.setZAPDomain("recur")
    try router.setSendTimeout(.milliseconds(100))
    try router.setMaxMessageSize(nil)
    let dealer = try context.socket(.dealer)
    try dealer.setReconnectInterval(.milliseconds(100), maximum: .seconds(5))
    try dealer.setConnectTimeout(.seconds(2))
    #expect(throws: WireError.self) { try dealer.setSendHighWaterMark(-1) }
    let subscriber = try context.socket(.subscriber)
    try subscriber.subscribe(Data())
  }
}
