import Foundation
import Testing

@testable import RecurProtocol

@Suite struct MessageRoundTripTests {
  @Test(arguments: Samples.worker)
  func workerMessageSurvivesEncodeAndDecode(_ message: WorkerMessage) throws {
    let frames = try message.encode()
    #expect(frames.count == 3)
    #expect(frames[0] == Data([ProtocolVersion.current]))
    #expect(frames[1] == Data([message.type.rawValue]))
    #expect(try WorkerMessage.decode(frames) == message)
  }

  @Test(arguments: Samples.coordinator)
  func coordinatorMessageSurvivesEncodeAndDecode(_ message: CoordinatorMessage) throws {
    let frames = try message.encode()
    #expect(frames.count == 3)
    #expect(frames[1] == Data([message.type.rawValue]))
    #expect(try CoordinatorMessage.decode(frames) == message)
  }

  @Test func everyMessageTypeHasASample() {
    let covered = Set(Samples.worker.map(\.type) + Samples.coordinator.map(\.type))
    #expect(covered == Set(MessageType.allCases))
  }

  @Test func decodingReadsFramesThatAreSlicesOfLargerBuffers() throws {
    let frames = try Samples.worker[6].encode()
    let padded = frames.map { frame -> Data in
      var buffer = Data([0xEE, 0xEE]) + frame + Data([0xEE])
      buffer = buffer[2..<(buffer.count - 1)]
      return buffer
    }
    #expect(padded[2].startIndex == 2)
    #expect(try WorkerMessage.decode(padded) == Samples.worker[6])
  }

  @Test func routerFramesDecodeAfterDroppingTheRoutingID() throws {
    let frames = [Data("worker-7".utf8)] + (try WorkerMessage.ready.encode())
    #expect(try WorkerMessage.decode(frames.dropFirst()) == .ready)
  }

  @Test func payloadLayoutMatchesProtocolDocument() throws {
    // PROTOCOL.md, wait: u32 little-endian milliseconds.
    let wait = try CoordinatorMessage.wait(retryAfterMilliseconds: 0x0102_0304).encode()
    #expect(wait == [Data([2]), Data([0x87]), Data([0x04, 0x03, 0x02, 0x01])])
    // cancel: trial "ab" attempt 3 (u32 length, id bytes, u32 attempt).
    let cancel = try CoordinatorMessage.cancel(TrialAttempt(trialID: "ab", attempt: 3)).encode()
    #expect(cancel == [Data([2]), Data([0x88]), Data([2, 0, 0, 0, 0x61, 0x62, 3, 0, 0, 0])])
    // heartbeat with a running trial: u8 1, u32 length, id bytes, u32 attempt.
    let beat = try WorkerMessage.heartbeat(
      running: TrialAttempt(trialID: "ab", attempt: 3)
    ).encode()
    #expect(beat[2] == Data([1, 2, 0, 0, 0, 0x61, 0x62, 3, 0, 0, 0]))
  }

  @Test func truncateKeepsWholeCharactersWithinTheByteBudget() {
    #expect(ProtocolLimits.truncate("héllo", toUTF8Bytes: 2) == "h")
    #expect(ProtocolLimits.truncate("héllo", toUTF8Bytes: 3) == "hé")
    #expect(ProtocolLimits.truncate("abc", toUTF8Bytes: 10) == "abc")
    #expect(ProtocolLimits.truncate("😕😕", toUTF8Bytes: 7) == "😕")
  }
}
