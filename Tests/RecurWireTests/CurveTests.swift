import Foundation
import Testing

@testable import RecurWire

/// CURVE keys, Z85, encryption and ZAP authentication over real tcp sockets.
@Suite struct CurveTests {
  static let patience = Duration.seconds(5)

  @Test func z85MatchesTheRFCExample() throws {
    // ZeroMQ RFC 32/Z85 test vector.
    let bytes = Data([0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B])
    #expect(try Z85.encode(bytes) == "HelloWorld")
    #expect(try Z85.decode("HelloWorld") == bytes)
  }

  @Test func z85RoundTripsRandomBytes() throws {
    var random = SystemRandomNumberGenerator()
    for length in stride(from: 0, through: 64, by: 4) {
      let bytes = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
      #expect(try Z85.decode(try Z85.encode(bytes)) == bytes)
    }
  }

  @Test(arguments: ["Hell", "HelloWorl", "Hello Worl", "Hell\"World", "%%%%%"])
  func z85RejectsMalformedText(_ text: String) {
    #expect(throws: WireError.self) { try Z85.decode(text) }
  }

  @Test func z85RefusesByteCountsNotMultipleOfFour() {
    #expect(throws: WireError.self) { try Z85.encode(Data([1, 2, 3])) }
  }

  @Test func generatedKeyPairsAreConsistent() throws {
    let pair = try CurveKeyPair.generate()
    #expect(pair.publicKey.z85.count == 40)
    #expect(pair.secretKey.bytes.count == 32)
    #expect(try CurveKeyPair(secretKey: pair.secretKey) == pair)
    #expect(try CurveKeyPair(publicKey: pair.publicKey, secretKey: pair.secretKey) == pair)
    let other = try CurveKeyPair.generate()
    #expect(other != pair)
    #expect(throws: WireError.self) {
      try CurveKeyPair(publicKey: other.publicKey, secretKey: pair.secretKey)
    }
    #expect(try CurveKey(bytes: pair.publicKey.bytes) == pair.publicKey)
    #expect(!pair.secretKey.description.contains(pair.secretKey.z85))
  }

  @Test(arguments: [
    "", "short", String(repeating: "a", count: 41), String(repeating: " ", count: 40),
  ])
  func malformedKeysAreRefused(_ text: String) {
    #expect(throws: WireError.self) { try CurveKey(z85: text) }
  }

  /// A CURVE ROUTER on loopback, its endpoint and key pair.
  static func curveServer(_ context: Context) throws -> (Socket, String, CurveKeyPair) {
    let keys = try CurveKeyPair.generate()
    let server = try context.socket(.router)
    try server.makeCurveServer(secretKey: keys.secretKey)
    try server.bind("tcp://127.0.0.1:*")
    return (server, try server.lastEndpoint(), keys)
  }

  /// A CURVE DEALER connected to `endpoint`, with a monitor watching its handshake.
  static func curveClient(
    _ context: Context, _ endpoint: String, serverKey: CurveKey, keys: CurveKeyPair
  ) throws -> (Socket, SocketMonitor) {
    let client = try context.socket(.dealer)
    try client.makeCurveClient(serverKey: serverKey, keyPair: keys)
    let monitor = try SocketMonitor(client)
    try client.connect(endpoint)
    return (client, monitor)
  }

  @Test func curveConnectionCarriesMessagesBothWays() throws {
    let context = try Context()
    let (server, endpoint, serverKeys) = try Self.curveServer(context)
    let (client, monitor) = try Self.curveClient(
      context, endpoint, serverKey: serverKeys.publicKey, keys: try CurveKeyPair.generate())
    #expect(try monitor.awaitHandshake(timeout: Self.patience)?.kind == .handshakeSucceeded)
    try client.send([Data("secret payload".utf8)])
    let request = try #require(try server.receive(timeout: Self.patience))
    #expect(request.last == Data("secret payload".utf8))
    try server.send([request[0], Data("answer".utf8)])
    #expect(try client.receive(timeout: Self.patience) == [Data("answer".utf8)])
  }

  @Test func zapAdmitsAuthorisedKeysAndTheRefusedClientLearnsWhy() throws {
    let context = try Context()
    let trusted = try CurveKeyPair.generate()
    let authenticator = try ZAPAuthenticator(
      context: context, authorized: [trusted.publicKey: "w1"])
    let (server, endpoint, serverKeys) = try Self.curveServer(context)

    let (stranger, strangerMonitor) = try Self.curveClient(
      context, endpoint, serverKey: serverKeys.publicKey, keys: try CurveKeyPair.generate())
    let refusal = try #require(try strangerMonitor.awaitHandshake(timeout: Self.patience))
    #expect(refusal.kind == .handshakeFailedAuth)
    #expect(refusal.value == 400)
    #expect(
      refusal.authenticationFailure == .authenticationRefused(endpoint: endpoint, status: 400))
    try stranger.send([Data("let me in".utf8)], dontWait: true)

    let (friend, friendMonitor) = try Self.curveClient(
      context, endpoint, serverKey: serverKeys.publicKey, keys: trusted)
    #expect(try friendMonitor.awaitHandshake(timeout: Self.patience)?.kind == .handshakeSucceeded)
    try friend.send([Data("hello".utf8)])
    let received = try #require(try server.receive(timeout: Self.patience))
    #expect(received.last == Data("hello".utf8), "only the trusted client's message arrives")
    #expect(authenticator.admittedCount >= 1)
    #expect(authenticator.refusedCount >= 1)
    authenticator.stop()
    authenticator.stop()
  }

  @Test func onlyOneAuthenticatorServesAContext() throws {
    let context = try Context()
    let first = try ZAPAuthenticator(context: context, authorized: Set<CurveKey>())
    let error = try #require(throws: WireError.self) {
      try ZAPAuthenticator(context: context, authorized: Set<CurveKey>())
    }
    #expect(error.errno == EADDRINUSE)
    first.stop()
  }
}
