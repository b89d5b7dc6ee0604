/// The coordinator turning a worker away, with a reason the worker reports to its user.
///
/// Its layout is frozen across versions (PROTOCOL.md, Versions): a worker of any version can
/// read why it was refused, a protocol mismatch above all.
public struct Refusal: Equatable, Sendable {
  public var reason: RefusalReason
  /// A sentence for the worker's user (at most `ProtocolLimits.maxTextBytes`).
  public var detail: String

  public init(reason: RefusalReason, detail: String) {
    self.reason = reason
    self.detail = detail
  }
}

/// Why a coordinator refused a worker. Stored values, append-only.
public enum RefusalReason: UInt8, Sendable, CaseIterable {
  /// The worker speaks another protocol version: fatal, the worker exits non-zero.
  case protocolMismatch = 1
  /// The worker's identity is not admitted: fatal, the worker exits non-zero.
  case notAuthorised = 2
  /// The coordinator is stopping and takes no more work: the worker exits cleanly.
  case shuttingDown = 3
  /// The coordinator does not know this worker (it restarted, or dropped the worker as dead):
  /// not fatal, the worker sends hello again and then re-sends what was not acknowledged.
  case unknownWorker = 4
}

extension Refusal {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    writer.u8(reason.rawValue)
    try writer.text(detail, field: "refusal detail", limit: ProtocolLimits.maxTextBytes)
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    let code = try reader.u8("refusal reason")
    guard let reason = RefusalReason(rawValue: code) else {
      throw .invalidValue(field: "refusal reason", value: UInt64(code))
    }
    self.reason = reason
    detail = try reader.text("refusal detail", limit: ProtocolLimits.maxTextBytes)
  }
}
