/// Upper bounds on every length the codec reads or writes (PROTOCOL.md, Limits).
///
/// Why: a hostile or broken peer must not make the coordinator allocate absurd sizes. The
/// decoder checks each length against these bounds and against the bytes actually present
/// before it allocates anything; the encoder enforces the same bounds so that a sender never
/// produces a message its peer would reject. A receiver checks `maxFrameBytes` itself (so that
/// it can count and report an oversized message) and sets its socket's ZMQ_MAXMSGSIZE to
/// `hardFrameBytes`, so that libzmq closes the connection of a peer that sends far more.
public enum ProtocolLimits {
  /// The largest payload frame: 16 MiB. A batch of metric records above this must be split.
  public static let maxPayloadBytes = 16 << 20
  /// The largest frame of any kind (the payload frame is the largest); for ZMQ_MAXMSGSIZE.
  public static let maxFrameBytes = maxPayloadBytes
  /// The receiving socket's ZMQ_MAXMSGSIZE: 4 × `maxFrameBytes`, 64 MiB.
  ///
  /// Why a second, larger limit: libzmq enforces its own by closing the connection, silently,
  /// before the receiver sees anything, so a frame just above `maxFrameBytes` (a peer built with
  /// other limits, a batch split wrong) would vanish without a trace. Between the two limits
  /// the frame is received whole and refused by the receiver, which counts it and says why;
  /// above `hardFrameBytes` libzmq still cuts the connection off, which only a socket monitor
  /// sees. Why 4×: libzmq buffers a whole frame before handing it over, so this is the memory
  /// one connection can hold in flight; 64 MiB is harmless next to the coordinator's ~120 MB
  /// for a large sweep, while 16× (256 MiB per connection) would let a few hostile peers
  /// exhaust a small machine.
  public static let hardFrameBytes = 4 * maxFrameBytes
  /// Names, host names, trial ids, versions, sweep names, session ids: 1 KiB of UTF-8.
  public static let maxNameBytes = 1024
  /// Error messages and refusal details: 64 KiB of UTF-8.
  public static let maxTextBytes = 64 << 10
  /// Metric records in one metrics message.
  public static let maxRecordsPerBatch = 65_536
  /// Sequence numbers in one acknowledgement.
  public static let maxAcknowledgedSequences = 65_536

  /// The longest prefix of `text` that fits in `maxBytes` bytes of UTF-8 without splitting a
  /// character, for error messages that may exceed `maxTextBytes`.
  public static func truncate(_ text: String, toUTF8Bytes maxBytes: Int) -> String {
    guard text.utf8.count > maxBytes else { return text }
    var result = ""
    var used = 0
    for character in text {
      let size = character.utf8.count
      if used + size > maxBytes { break }
      result.append(character)
      used += size
    }
    return result
  }
}
