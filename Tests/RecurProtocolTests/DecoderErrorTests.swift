import Foundation
import Testing

@testable import RecurProtocol

/// Each class of malformed input maps to the `ProtocolError` that names it.
@Suite struct DecoderErrorTests {
  /// This build's version, and another one.
  private let current = ProtocolVersion.current
  private let other = ProtocolVersion.current + 1

  private func frames(
    version: UInt8 = ProtocolVersion.current, type: UInt8, _ payload: [UInt8]
  ) -> [Data] {
    [Data([version]), Data([type]), Data(payload)]
  }

  private func workerError(_ frames: [Data]) -> ProtocolError? {
    do {
      _ = try WorkerMessage.decode(frames)
      return nil
    } catch {
      return error
    }
  }

  private func coordinatorError(_ frames: [Data]) -> ProtocolError? {
    do {
      _ = try CoordinatorMessage.decode(frames)
      return nil
    } catch {
      return error
    }
  }

  @Test func emptyMessageIsRejected() {
    #expect(workerError([]) == .noFrames)
  }

  @Test func wrongFrameCountIsRejected() {
    #expect(workerError([Data([current]), Data([2])]) == .wrongFrameCount(found: 2, expected: 3))
    #expect(
      workerError([Data([current]), Data([2]), Data(), Data()])
        == .wrongFrameCount(found: 4, expected: 3)
    )
  }

  @Test func headerFramesMustBeOneByte() {
    #expect(
      workerError([Data([current, 0]), Data([2]), Data()])
        == .malformedHeader(frame: "version", length: 2))
    #expect(
      workerError([Data(), Data([2]), Data()]) == .malformedHeader(frame: "version", length: 0))
    #expect(
      workerError([Data([current]), Data([2, 2]), Data()])
        == .malformedHeader(frame: "type", length: 2))
  }

  @Test func otherVersionIsReportedAsAMismatchWhateverItsFrames() {
    let mismatch = ProtocolError.unsupportedVersion(found: other, supported: current)
    #expect(workerError(frames(version: other, type: 2, [])) == mismatch)
    #expect(workerError([Data([other])]) == mismatch)
    #expect(workerError([Data([other]), Data([1, 2, 3]), Data(), Data()]) == mismatch)
    // A version-1 peer (before `cancel`) is a mismatch too.
    #expect(
      workerError(frames(version: 1, type: 2, []))
        == .unsupportedVersion(found: 1, supported: current))
  }

  @Test func refusalOfAnotherVersionStillDecodes() throws {
    var refusal = try CoordinatorMessage.refuse(
      Refusal(reason: .protocolMismatch, detail: "coordinator speaks protocol 9")
    ).encode()
    refusal[0] = Data([9])
    #expect(
      try CoordinatorMessage.decode(refusal)
        == .refuse(Refusal(reason: .protocolMismatch, detail: "coordinator speaks protocol 9")))
    var welcome = try Samples.coordinator[0].encode()
    welcome[0] = Data([9])
    #expect(coordinatorError(welcome) == .unsupportedVersion(found: 9, supported: current))
  }

  @Test(arguments: [0x00, 0x07, 0x7F, 0x80, 0x89, 0xFF] as [UInt8])
  func unknownTypeIsRejected(_ code: UInt8) {
    #expect(workerError(frames(type: code, [])) == .unknownType(code))
    #expect(coordinatorError(frames(type: code, [])) == .unknownType(code))
  }

  @Test func messageOfTheOtherDirectionIsRejected() throws {
    #expect(
      workerError(try CoordinatorMessage.heartbeat.encode())
        == .wrongDirection(.coordinatorHeartbeat))
    #expect(coordinatorError(try WorkerMessage.ready.encode()) == .wrongDirection(.ready))
  }

  @Test func oversizedPayloadIsRejectedBeforeReading() {
    let big = [Data([current]), Data([4]), Data(count: ProtocolLimits.maxPayloadBytes + 1)]
    #expect(
      workerError(big)
        == .payloadTooLarge(
          length: ProtocolLimits.maxPayloadBytes + 1, limit: ProtocolLimits.maxPayloadBytes))
  }

  @Test func truncatedFieldIsNamed() {
    // hello: name length 5 but only 2 bytes follow.
    #expect(
      workerError(frames(type: 1, [5, 0, 0, 0, 0x61, 0x62]))
        == .truncated(field: "name", needed: 5, available: 2))
    #expect(
      workerError(frames(type: 1, [5, 0])) == .truncated(field: "name", needed: 4, available: 2))
  }

  @Test func hugeLengthsAreRejectedWithoutAllocating() {
    let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
    #expect(
      workerError(frames(type: 1, huge))
        == .fieldTooLong(field: "name", length: 0xFFFF_FFFF, limit: ProtocolLimits.maxNameBytes))
    // metrics: trial "a", attempt 1, sequence 0, record count 2^32-1.
    let metrics: [UInt8] = [1, 0, 0, 0, 0x61, 1, 0, 0, 0] + Array(repeating: 0, count: 8) + huge
    #expect(
      workerError(frames(type: 4, metrics))
        == .fieldTooLong(
          field: "record count", length: 0xFFFF_FFFF, limit: ProtocolLimits.maxRecordsPerBatch))
    // a count under its limit but larger than the bytes present.
    let lying: [UInt8] =
      [1, 0, 0, 0, 0x61, 1, 0, 0, 0] + Array(repeating: 0, count: 8) + [0, 1, 0, 0]
    #expect(
      workerError(frames(type: 4, lying))
        == .truncated(field: "record count", needed: 256 * 4, available: 0))
  }

  @Test func invalidUTF8IsRejected() {
    #expect(workerError(frames(type: 1, [2, 0, 0, 0, 0xC3, 0x28])) == .invalidUTF8(field: "name"))
  }

  @Test func trailingBytesAreRejected() {
    #expect(workerError(frames(type: 2, [0])) == .trailingBytes(count: 1, after: .ready))
    #expect(
      coordinatorError(frames(type: 0x85, [1, 2]))
        == .trailingBytes(count: 2, after: .coordinatorHeartbeat))
  }

  @Test func invalidEnumeratedValuesAreRejected() {
    #expect(workerError(frames(type: 3, [2])) == .invalidValue(field: "running flag", value: 2))
    #expect(
      coordinatorError(frames(type: 0x86, [3])) == .invalidValue(field: "shutdown mode", value: 3))
    #expect(
      coordinatorError(frames(type: 0x82, [0, 0, 0, 0, 0]))
        == .invalidValue(field: "refusal reason", value: 0))
    let result: [UInt8] = [1, 0, 0, 0, 0x61, 1, 0, 0, 0] + Array(repeating: 0, count: 8) + [4]
    #expect(workerError(frames(type: 5, result)) == .invalidValue(field: "outcome", value: 4))
  }

  @Test func zeroHeartbeatSettingsAreRejected() {
    let welcome: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0] + [0, 0, 0, 0] + [3, 0, 0, 0]
    #expect(
      coordinatorError(frames(type: 0x81, welcome))
        == .invalidValue(field: "heartbeat interval", value: 0))
    #expect(throws: ProtocolError.invalidValue(field: "heartbeat liveness", value: 0)) {
      try CoordinatorMessage.welcome(
        Welcome(
          coordinatorID: "", sessionID: "", heartbeatIntervalMilliseconds: 1, heartbeatLiveness: 0)
      ).encode()
    }
  }

  @Test func encoderRefusesFieldsBeyondTheirLimits() {
    let longName = String(repeating: "n", count: ProtocolLimits.maxNameBytes + 1)
    #expect(
      throws: ProtocolError.fieldTooLong(
        field: "name", length: longName.utf8.count, limit: ProtocolLimits.maxNameBytes)
    ) {
      try WorkerMessage.hello(
        Hello(name: longName, host: "h", cores: 1, engineVersion: "v", processID: 1)
      ).encode()
    }
    let records = [
      Data(count: ProtocolLimits.maxPayloadBytes / 2),
      Data(count: ProtocolLimits.maxPayloadBytes / 2),
    ]
    #expect(throws: ProtocolError.self) {
      try WorkerMessage.metrics(MetricsBatch(trial: Samples.trial, sequence: 0, records: records))
        .encode()
    }
  }

  @Test func errorDescriptionsTellTheUserWhatToDo() {
    let mismatch = ProtocolError.unsupportedVersion(found: 2, supported: 1).description
    #expect(mismatch.contains("version 2") && mismatch.contains("same Recur release"))
    #expect(ProtocolError.payloadTooLarge(length: 10, limit: 5).description.contains("split"))
  }
}
