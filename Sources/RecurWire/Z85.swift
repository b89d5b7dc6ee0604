import CZeroMQ
import Foundation

/// Z85, the printable encoding of binary keys (ZeroMQ RFC 32/Z85): 4 bytes become 5
/// characters, so a 32-byte CURVE key is 40 characters, safe in files, shells and source code.
public enum Z85 {
  /// The 85 characters of RFC 32, in value order.
  static let alphabet = Array(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

  /// The value of each ASCII byte, or nil for bytes outside the alphabet.
  private static let values: [UInt8?] = {
    var table = [UInt8?](repeating: nil, count: 256)
    for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
    return table
  }()

  /// `bytes` as Z85 text; their count must be a multiple of 4.
  public static func encode(_ bytes: Data) throws(WireError) -> String {
    guard bytes.count % 4 == 0 else {
      throw .invalidArgument("Z85 encodes a multiple of 4 bytes, not \(bytes.count)")
    }
    var text = [CChar](repeating: 0, count: bytes.count / 4 * 5 + 1)
    let encoded = bytes.withUnsafeBytes { buffer in
      zmq_z85_encode(&text, buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count)
    }
    guard encoded != nil else { throw ZMQCall.lastError("Z85 encode") }
    return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The bytes of Z85 `text`, whose length must be a multiple of 5.
  ///
  /// Validated here character by character (and each group against 2^32), so that no input
  /// reaches libzmq's decoder that older libzmq releases would misread.
  public static func decode(_ text: String) throws(WireError) -> Data {
    let characters = Array(text.utf8)
    guard characters.count % 5 == 0 else {
      throw .invalidKey("Z85 text has a multiple of 5 characters, not \(characters.count)")
    }
    var bytes = Data(capacity: characters.count / 5 * 4)
    for start in stride(from: 0, to: characters.count, by: 5) {
      var value: UInt64 = 0
      for byte in characters[start..<start + 5] {
        guard let digit = values[Int(byte)] else {
          throw .invalidKey("'\(Character(Unicode.Scalar(byte)))' is not a Z85 character")
        }
        value = value * 85 + UInt64(digit)
      }
      guard value <= UInt64(UInt32.max) else {
        throw .invalidKey("the group at character \(start + 1) exceeds 32 bits")
      }
      withUnsafeBytes(of: UInt32(value).bigEndian) { bytes.append(contentsOf: $0) }
    }
    return bytes
  }
}
