import Foundation

/// Reads payload fields in the wire layout of PROTOCOL.md, never past the end of the payload.
///
/// Every read first checks that its bytes are present and every length against its limit, so
/// that no input can trap or make it allocate more than the payload it was given.
struct PayloadReader {
  private let data: Data
  /// Bytes consumed, counted from `data.startIndex`.
  private var offset = 0

  init(_ data: Data) {
    self.data = data
  }

  /// Bytes not yet read.
  var remaining: Int { data.count - offset }

  /// Claims the next `size` bytes for `field` and returns their offset.
  private mutating func claim(_ size: Int, field: String) throws(ProtocolError) -> Int {
    guard size <= remaining else {
      throw .truncated(field: field, needed: size, available: remaining)
    }
    defer { offset += size }
    return offset
  }

  mutating func u8(_ field: String) throws(ProtocolError) -> UInt8 {
    let at = try claim(1, field: field)
    return data[data.startIndex + at]
  }

  mutating func u32(_ field: String) throws(ProtocolError) -> UInt32 {
    let at = try claim(4, field: field)
    let raw = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }
    return UInt32(littleEndian: raw)
  }

  mutating func i32(_ field: String) throws(ProtocolError) -> Int32 {
    Int32(bitPattern: try u32(field))
  }

  mutating func u64(_ field: String) throws(ProtocolError) -> UInt64 {
    let at = try claim(8, field: field)
    let raw = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
    return UInt64(littleEndian: raw)
  }

  /// A u32 count of elements of at least `minimumElementBytes` each, checked against `limit`
  /// and against the bytes left, so that a caller may reserve that many elements safely.
  mutating func count(
    _ field: String, limit: Int, minimumElementBytes: Int
  ) throws(ProtocolError) -> Int {
    let value = Int(try u32(field))
    guard value <= limit else { throw .fieldTooLong(field: field, length: value, limit: limit) }
    let needed = value * minimumElementBytes
    guard needed <= remaining else {
      throw .truncated(field: field, needed: needed, available: remaining)
    }
    return value
  }

  /// UTF-8 text of at most `limit` bytes after its u32 length.
  mutating func text(_ field: String, limit: Int) throws(ProtocolError) -> String {
    let size = try count(field, limit: limit, minimumElementBytes: 1)
    let at = try claim(size, field: field)
    let decoded = data.withUnsafeBytes { buffer in
      String(validating: UnsafeRawBufferPointer(rebasing: buffer[at..<at + size]), as: UTF8.self)
    }
    guard let decoded else { throw .invalidUTF8(field: field) }
    return decoded
  }

  /// Raw bytes of at most `limit` after their u32 length.
  mutating func blob(_ field: String, limit: Int) throws(ProtocolError) -> Data {
    let size = try count(field, limit: limit, minimumElementBytes: 1)
    let at = try claim(size, field: field)
    let start = data.startIndex + at
    return data.subdata(in: start..<start + size)
  }

  /// A trial id and attempt, in that order.
  mutating func trial() throws(ProtocolError) -> TrialAttempt {
    let trialID = try text("trial id", limit: ProtocolLimits.maxNameBytes)
    return TrialAttempt(trialID: trialID, attempt: try u32("attempt"))
  }

  /// Succeeds only if every byte of the payload of `type` was read.
  func finish(_ type: MessageType) throws(ProtocolError) {
    guard remaining == 0 else { throw .trailingBytes(count: remaining, after: type) }
  }
}
