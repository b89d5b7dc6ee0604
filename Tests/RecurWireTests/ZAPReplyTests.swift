import Foundation
import Testing

@testable import RecurWire

/// The ZAP decision alone (ZeroMQ RFC 27/ZAP), without sockets.
@Suite struct ZAPReplyTests {
  let key: CurveKey

  init() throws {
    key = try CurveKeyPair.generate().publicKey
  }

  private func request(mechanism: String = "CURVE", credentials: [Data]) -> [Data] {
    [
      Data("1.0".utf8), Data("42".utf8), Data("recur".utf8), Data("127.0.0.1".utf8), Data(),
      Data(mechanism.utf8),
    ] + credentials
  }

  @Test func authorisedKeyIsAdmittedUnderItsName() {
    let reply = ZAPReply(request: request(credentials: [key.bytes]), authorized: [key: "w1"])
    #expect(reply.admitted)
    #expect(
      reply.frames == [
        Data("1.0".utf8), Data("42".utf8), Data("200".utf8), Data("OK".utf8), Data("w1".utf8),
        Data(),
      ])
  }

  @Test func unknownKeyIsRefusedWith400() throws {
    let other = try CurveKeyPair.generate().publicKey
    let reply = ZAPReply(request: request(credentials: [other.bytes]), authorized: [key: "w1"])
    #expect(reply.statusCode == "400")
    #expect(reply.requestID == Data("42".utf8))
  }

  @Test func otherMechanismsAndBadCredentialsAreRefused() {
    let authorized = [key: "w1"]
    #expect(
      ZAPReply(request: request(mechanism: "NULL", credentials: []), authorized: authorized)
        .statusCode == "400")
    #expect(
      ZAPReply(
        request: request(mechanism: "PLAIN", credentials: [Data(), Data()]), authorized: authorized
      ).statusCode == "400")
    #expect(
      ZAPReply(request: request(credentials: [Data([1, 2])]), authorized: authorized).statusCode
        == "400")
    #expect(
      ZAPReply(request: request(credentials: [key.bytes, Data()]), authorized: authorized)
        .statusCode == "400")
  }

  @Test func malformedRequestsGet500() {
    #expect(ZAPReply(request: [], authorized: [:]).statusCode == "500")
    var wrongVersion = request(credentials: [key.bytes])
    wrongVersion[0] = Data("2.0".utf8)
    #expect(ZAPReply(request: wrongVersion, authorized: [key: "w1"]).statusCode == "500")
  }
}
