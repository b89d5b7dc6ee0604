import Foundation

/// Appends fields to a payload in the wire layout of PROTOCOL.md (little-endian integers,
/// u32-length-prefixed text and bytes), checking every limit as it goes.
struct PayloadWriter {
  private(set) var bytes: [UInt8] = []

  /// A writer whose buffer holds `capacity` bytes before it grows.
  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  mutating func u8(_ value: UInt8) {
    bytes.append(value)
  }

  mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func i32(_ value: Int32) {
    u32(UInt32(bitPattern: value))
  }

  mutating func u64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// A count of list elements, checked against `limit`.
  mutating func count(_ value: Int, field: String, limit: Int) throws(ProtocolError) {
    guard value <= limit else { throw .fieldTooLong(field: field, length: value, limit: limit) }
    u32(UInt32(value))
  }

  /// `text` as u32 byte length then UTF-8 bytes; at most `limit` bytes.
  mutating func text(_ text: String, field: String, limit: Int) throws(ProtocolError) {
    let utf8 = text.utf8
    try count(utf8.count, field: field, limit: limit)
    bytes.append(contentsOf: utf8)
  }

  /// `data` as u32 length then the raw bytes; at most `limit` bytes.
  mutating func blob(_ data: Data, field: String, limit: Int) throws(ProtocolError) {
    try count(data.count, field: field, limit: limit)
    bytes.append(contentsOf: data)
  }

  /// The trial id and attempt, in that order.
  mutating func trial(_ trial: TrialAttempt) throws(ProtocolError) {
    try text(trial.trialID, field: "trial id", limit: ProtocolLimits.maxNameBytes)
    u32(trial.attempt)
  }

  /// The finished payload, refused if it exceeds `ProtocolLimits.maxPayloadBytes`.
  func payload() throws(ProtocolError) -> Data {
    guard bytes.count <= ProtocolLimits.maxPayloadBytes else {
      throw .payloadTooLarge(length: bytes.count, limit: ProtocolLimits.maxPayloadBytes)
    }
    return Data(bytes)
  }
}
