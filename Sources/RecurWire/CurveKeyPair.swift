import CZeroMQ
import Foundation

/// A CURVE key pair (zmq_curve(7)): the public key is given to peers, the secret key never
/// leaves its owner.
public struct CurveKeyPair: Hashable, Sendable {
  public let publicKey: CurveKey
  public let secretKey: CurveKey

  /// A new random key pair (zmq_curve_keypair(3), from libsodium's random source).
  public static func generate() throws(WireError) -> CurveKeyPair {
    var publicText = [CChar](repeating: 0, count: 41)
    var secretText = [CChar](repeating: 0, count: 41)
    try ZMQCall.check(
      zmq_curve_keypair(&publicText, &secretText), "generate a CURVE key pair (needs libsodium)")
    return CurveKeyPair(
      unchecked: try CurveKey(z85: string(publicText)),
      secretKey: try CurveKey(z85: string(secretText)))
  }

  /// The pair of `secretKey`, its public key derived from it (zmq_curve_public(3)).
  public init(secretKey: CurveKey) throws(WireError) {
    var publicText = [CChar](repeating: 0, count: 41)
    try ZMQCall.check(zmq_curve_public(&publicText, secretKey.z85), "derive a CURVE public key")
    self.init(unchecked: try CurveKey(z85: Self.string(publicText)), secretKey: secretKey)
  }

  /// The pair of both keys, checked to belong together.
  public init(publicKey: CurveKey, secretKey: CurveKey) throws(WireError) {
    let derived = try CurveKeyPair(secretKey: secretKey)
    guard derived.publicKey == publicKey else {
      throw .invalidKey("the public key does not belong to the secret key")
    }
    self.init(unchecked: publicKey, secretKey: secretKey)
  }

  private init(unchecked publicKey: CurveKey, secretKey: CurveKey) {
    self.publicKey = publicKey
    self.secretKey = secretKey
  }

  private static func string(_ text: [CChar]) -> String {
    String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
