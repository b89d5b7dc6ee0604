import Foundation

/// A CURVE key (public or secret): 32 bytes, written as 40 characters of Z85.
///
/// Its description shows only the first 8 characters, so that a secret key printed by
/// accident in a log does not leak.
public struct CurveKey: Hashable, Sendable, CustomStringConvertible {
  /// The key as 40 Z85 characters.
  public let z85: String

  /// The key written as 40 Z85 characters.
  public init(z85: String) throws(WireError) {
    guard z85.utf8.count == 40 else {
      throw .invalidKey("expected 40 characters, found \(z85.utf8.count)")
    }
    _ = try Z85.decode(z85)
    self.z85 = z85
  }

  /// The key from its 32 raw bytes.
  public init(bytes: Data) throws(WireError) {
    guard bytes.count == 32 else { throw .invalidKey("expected 32 bytes, found \(bytes.count)") }
    z85 = try Z85.encode(bytes)
  }

  /// The 32 raw bytes.
  public var bytes: Data {
    // Validated at init, so decoding cannot fail; an empty key would be refused by libzmq.
    (try? Z85.decode(z85)) ?? Data()
  }

  public var description: String { "CurveKey(\(z85.prefix(8))…)" }
}
