/// Why a message could not be decoded (or encoded): every malformed input maps to one case.
///
/// The decoder never traps and never allocates more than the bytes it was given: whatever
/// arrives, it returns a message or throws one of these. PROTOCOL.md says what each side does
/// with them: count, log once per peer, drop, and keep serving.
public enum ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The message had no frames at all.
  case noFrames
  /// The version frame was understood but the number of frames was not 3.
  case wrongFrameCount(found: Int, expected: Int)
  /// The version or type frame was not exactly one byte long.
  case malformedHeader(frame: String, length: Int)
  /// Frame 0 names a protocol version this build does not speak.
  case unsupportedVersion(found: UInt8, supported: UInt8)
  /// Frame 1 holds a type code no version of the protocol assigned.
  case unknownType(UInt8)
  /// A known message that travels the other way (a coordinator message sent to a coordinator).
  case wrongDirection(MessageType)
  /// The payload frame is larger than `ProtocolLimits.maxPayloadBytes`.
  case payloadTooLarge(length: Int, limit: Int)
  /// The payload ended before `field` was complete.
  case truncated(field: String, needed: Int, available: Int)
  /// A length or count field exceeds its limit.
  case fieldTooLong(field: String, length: Int, limit: Int)
  /// A text field is not valid UTF-8.
  case invalidUTF8(field: String)
  /// A field holds a value outside its allowed set (an unknown outcome code, a zero interval).
  case invalidValue(field: String, value: UInt64)
  /// Bytes were left over after the last field of the message.
  case trailingBytes(count: Int, after: MessageType)

  public var description: String {
    let drop = "the message is dropped; check that both sides run the same Recur version"
    switch self {
    case .noFrames:
      return "malformed message: no frames; \(drop)"
    case .wrongFrameCount(let found, let expected):
      return "malformed message: \(found) frames, expected \(expected); \(drop)"
    case .malformedHeader(let frame, let length):
      return "malformed message: the \(frame) frame has \(length) bytes, expected 1; \(drop)"
    case .unsupportedVersion(let found, let supported):
      return "protocol mismatch: the peer speaks protocol version \(found), this build speaks "
        + "version \(supported); run the same Recur release on the coordinator and the workers"
    case .unknownType(let code):
      return "malformed message: unknown message type 0x\(String(code, radix: 16)); \(drop)"
    case .wrongDirection(let type):
      return "malformed message: \(type) travels the other way; the peer is not what it claims"
    case .payloadTooLarge(let length, let limit):
      return "message too large: \(length) bytes of payload, the limit is \(limit); "
        + "split the batch into smaller messages"
    case .truncated(let field, let needed, let available):
      return "malformed message: truncated in \(field) (needs \(needed) bytes, "
        + "\(available) left); \(drop)"
    case .fieldTooLong(let field, let length, let limit):
      return "field \(field) too long: \(length), the limit is \(limit); shorten it or split it"
    case .invalidUTF8(let field):
      return "malformed message: \(field) is not valid UTF-8; \(drop)"
    case .invalidValue(let field, let value):
      return "malformed message: \(field) has the invalid value \(value); \(drop)"
    case .trailingBytes(let count, let type):
      return "malformed message: \(count) unexpected bytes after the \(type) payload; \(drop)"
    }
  }
}
