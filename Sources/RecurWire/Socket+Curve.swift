import CZeroMQ
import Foundation

/// CURVE encryption and authentication (zmq_curve(7)). Call before `bind` or `connect`.
extension Socket {
  /// Makes this socket a CURVE server with its long-term secret key: every connection is
  /// encrypted, and clients must know the matching public key. Which clients are admitted is
  /// decided by a ZAP handler in the same context (`ZAPAuthenticator`); without one, any client
  /// that knows the server's public key is admitted.
  public func makeCurveServer(secretKey: CurveKey) throws(WireError) {
    try setOption(ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER")
    try setOption(ZMQ_CURVE_SECRETKEY, bytes: secretKey.bytes, "ZMQ_CURVE_SECRETKEY")
  }

  /// Makes this socket a CURVE client of the server whose public key is `serverKey`,
  /// authenticating with its own `keyPair`.
  public func makeCurveClient(serverKey: CurveKey, keyPair: CurveKeyPair) throws(WireError) {
    try setOption(ZMQ_CURVE_SERVERKEY, bytes: serverKey.bytes, "ZMQ_CURVE_SERVERKEY")
    try setOption(ZMQ_CURVE_PUBLICKEY, bytes: keyPair.publicKey.bytes, "ZMQ_CURVE_PUBLICKEY")
    try setOption(ZMQ_CURVE_SECRETKEY, bytes: keyPair.secretKey.bytes, "ZMQ_CURVE_SECRETKEY")
  }
}
