import Foundation

/// The three frames of every message, `[version, type, payload]`, before the payload is read.
///
/// Checks what every message shares, in the order that gives the most useful error: a peer of
/// another version is reported as a version mismatch even if its frames look different.
struct Envelope {
  let version: UInt8
  let typeCode: UInt8
  let payload: Data

  static let frameCount = 3

  /// The frames of a message of `type` with `payload`, in this build's version.
  static func frames(_ type: MessageType, _ payload: Data) -> [Data] {
    [Data([ProtocolVersion.current]), Data([type.rawValue]), payload]
  }

  /// Opens `frames`; the version is not checked against this build's (callers do).
  init(_ frames: ArraySlice<Data>) throws(ProtocolError) {
    guard let versionFrame = frames.first else { throw .noFrames }
    guard versionFrame.count == 1, let version = versionFrame.first else {
      throw .malformedHeader(frame: "version", length: versionFrame.count)
    }
    let mismatch = ProtocolError.unsupportedVersion(
      found: version, supported: ProtocolVersion.current)
    guard frames.count == Self.frameCount else {
      throw version == ProtocolVersion.current
        ? .wrongFrameCount(found: frames.count, expected: Self.frameCount) : mismatch
    }
    let typeFrame = frames[frames.startIndex + 1]
    guard typeFrame.count == 1, let typeCode = typeFrame.first else {
      throw version == ProtocolVersion.current
        ? .malformedHeader(frame: "type", length: typeFrame.count) : mismatch
    }
    let payload = frames[frames.startIndex + 2]
    guard payload.count <= ProtocolLimits.maxPayloadBytes else {
      throw .payloadTooLarge(length: payload.count, limit: ProtocolLimits.maxPayloadBytes)
    }
    self.version = version
    self.typeCode = typeCode
    self.payload = payload
  }

  /// The message type, which must travel in the direction given.
  func type(fromWorker: Bool) throws(ProtocolError) -> MessageType {
    guard version == ProtocolVersion.current else {
      throw .unsupportedVersion(found: version, supported: ProtocolVersion.current)
    }
    guard let type = MessageType(rawValue: typeCode) else { throw .unknownType(typeCode) }
    guard type.isFromWorker == fromWorker else { throw .wrongDirection(type) }
    return type
  }
}
