/// Upper bounds on every length the codec reads or writes (PROTOCOL.md, Limits).
///
/// Why: a hostile or broken peer must not make the coordinator allocate absurd sizes. The
/// decoder checks each length against these bounds and against the bytes actually present
/// before it allocates anything; the encoder enforces the same bounds so that a sender never
/// produces a message its peer would reject. Set the receiving socket's ZMQ_MAXMSGSIZE to
/// `maxFrameBytes` so that libzmq drops larger frames before they are even buffered.
public enum ProtocolLimits {
  /// The largest payload frame: 16 MiB. A batch of metric records above this must be split.
  public static let maxPayloadBytes = 16 << 20
  /// The largest frame of any kind (the payload frame is the largest); for ZMQ_MAXMSGSIZE.
  public static let maxFrameBytes = maxPayloadBytes
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
