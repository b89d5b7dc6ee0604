import Foundation
import Testing

@testable import RecurProtocol

/// Thousands of random and mutated inputs: the decoder must throw or decode, never trap; and
/// whatever it decodes must encode back to the very same bytes (the layout is canonical).
@Suite struct DecoderFuzzTests {
  /// Decodes `frames` both ways; if one succeeds, its re-encoding must equal `frames`.
  private func decodeBothWays(_ frames: [Data]) throws -> Int {
    var decoded = 0
    if let message = try? WorkerMessage.decode(frames) {
      #expect(try message.encode() == frames, "worker \(message) re-encodes differently")
      decoded += 1
    }
    if let message = try? CoordinatorMessage.decode(frames) {
      // A refusal of another version is accepted and re-encoded in this one.
      if frames[0] == Data([ProtocolVersion.current]) {
        #expect(try message.encode() == frames, "coordinator \(message) re-encodes differently")
      }
      decoded += 1
    }
    return decoded
  }

  @Test func randomFramesNeverCrashTheDecoder() throws {
    var random = FuzzGenerator(seed: 1)
    for _ in 0..<5000 {
      let count = Int.random(in: 0...5, using: &random)
      let frames = (0..<count).map { _ in
        Data(random.bytes(Int.random(in: 0...24, using: &random)))
      }
      _ = try decodeBothWays(frames)
    }
  }

  @Test func randomPayloadsUnderValidHeadersNeverCrashTheDecoder() throws {
    var random = FuzzGenerator(seed: 2)
    var decoded = 0
    for _ in 0..<20000 {
      let type = MessageType.allCases.randomElement(using: &random) ?? .ready
      let size = Int.random(in: 0...48, using: &random)
      let frames = [
        Data([ProtocolVersion.current]), Data([type.rawValue]), Data(random.bytes(size)),
      ]
      decoded += try decodeBothWays(frames)
    }
    #expect(decoded > 0, "some random payloads should form valid messages")
  }

  @Test func everyTruncationOfEveryMessageIsRejected() throws {
    for frames in try Samples.encoded {
      let payload = frames[2]
      for length in 0..<payload.count {
        let cut = [frames[0], frames[1], payload.prefix(length)]
        #expect(try decodeBothWays(cut) == 0, "a truncated \(frames[1]) decoded")
      }
    }
  }

  @Test func bitFlipsInEveryMessageNeverCrashTheDecoder() throws {
    var random = FuzzGenerator(seed: 3)
    for frames in try Samples.encoded {
      let bytes = Array(frames[2])
      // every single bit of the payload and the header bytes, then random multi-bit damage
      for bit in 0..<(bytes.count * 8) {
        var damaged = bytes
        damaged[bit / 8] ^= 1 << (bit % 8)
        _ = try decodeBothWays([frames[0], frames[1], Data(damaged)])
      }
      for bit in 0..<8 {
        _ = try decodeBothWays([frames[0], Data([frames[1][0] ^ (1 << bit)]), frames[2]])
        _ = try decodeBothWays([Data([frames[0][0] ^ (1 << bit)]), frames[1], frames[2]])
      }
      for _ in 0..<200 where !bytes.isEmpty {
        var damaged = bytes
        for _ in 0..<Int.random(in: 2...6, using: &random) {
          damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(
            in: 0...255, using: &random)
        }
        _ = try decodeBothWays([frames[0], frames[1], Data(damaged)])
      }
    }
  }

  @Test func hostileLengthFieldsAtEveryOffsetAreRejectedOrDecoded() throws {
    let hostile: [UInt32] = [
      0xFFFF_FFFF, 0x8000_0000, 0x7FFF_FFFF, UInt32(ProtocolLimits.maxPayloadBytes + 1),
      UInt32(ProtocolLimits.maxRecordsPerBatch), UInt32(ProtocolLimits.maxNameBytes + 1), 4096,
    ]
    for frames in try Samples.encoded {
      let bytes = Array(frames[2])
      guard bytes.count >= 4 else { continue }
      for offset in 0...(bytes.count - 4) {
        for value in hostile {
          var damaged = bytes
          withUnsafeBytes(of: value.littleEndian) {
            damaged.replaceSubrange(offset..<offset + 4, with: $0)
          }
          _ = try decodeBothWays([frames[0], frames[1], Data(damaged)])
        }
      }
    }
  }

  @Test func appendedAndInsertedBytesAreRejectedOrDecoded() throws {
    var random = FuzzGenerator(seed: 4)
    for frames in try Samples.encoded {
      let extended = [frames[0], frames[1], frames[2] + Data([0])]
      #expect(try decodeBothWays(extended) == 0, "trailing byte accepted after \(frames[1])")
      for _ in 0..<100 {
        var bytes = Array(frames[2])
        let at = Int.random(in: 0...bytes.count, using: &random)
        bytes.insert(contentsOf: random.bytes(Int.random(in: 1...8, using: &random)), at: at)
        _ = try decodeBothWays([frames[0], frames[1], Data(bytes)])
      }
    }
  }
}
