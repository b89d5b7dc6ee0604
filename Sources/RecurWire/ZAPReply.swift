import Foundation

/// The ZAP decision for one request (ZeroMQ RFC 27/ZAP), apart from the socket that carries it
/// so that it can be tested alone.
///
/// Request frames: version "1.0", request id, domain, address, identity (routing id),
/// mechanism, then the credentials (for CURVE: the client's 32-byte public key). Reply frames:
/// version "1.0", the same request id, status code, status text, user id, metadata.
struct ZAPReply: Equatable {
  /// "200" admitted, "400" refused, "500" the request itself was malformed.
  let statusCode: String
  let statusText: String
  /// Given to the application as the "User-Id" property of the client's messages.
  let userID: String
  let requestID: Data

  /// The decision on `request`: CURVE clients whose key is in `authorized` (key to name) are
  /// admitted under that name; every other client or mechanism is refused.
  init(request: [Data], authorized: [CurveKey: String]) {
    guard request.count >= 6, request[0] == Data("1.0".utf8) else {
      self.init("500", "malformed ZAP request", "", request.count > 1 ? request[1] : Data())
      return
    }
    let requestID = request[1]
    let mechanism = String(decoding: request[5], as: UTF8.self)
    guard mechanism == "CURVE", request.count == 7 else {
      self.init("400", "only CURVE clients are admitted", "", requestID)
      return
    }
    guard let key = try? CurveKey(bytes: request[6]), let name = authorized[key] else {
      self.init("400", "client public key not authorised", "", requestID)
      return
    }
    self.init("200", "OK", name, requestID)
  }

  private init(_ statusCode: String, _ statusText: String, _ userID: String, _ requestID: Data) {
    self.statusCode = statusCode
    self.statusText = statusText
    self.userID = userID
    self.requestID = requestID
  }

  /// Whether the client is admitted.
  var admitted: Bool { statusCode == "200" }

  /// The reply frames.
  var frames: [Data] {
    [
      Data("1.0".utf8), requestID, Data(statusCode.utf8), Data(statusText.utf8),
      Data(userID.utf8), Data(),
    ]
  }
}
