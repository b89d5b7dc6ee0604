/// The protocol version this build speaks, carried as frame 0 of every message.
///
/// Frame 0 is one byte in every version, past and future, so that any peer can tell a version
/// mismatch apart from garbage and say so (PROTOCOL.md, Versions). Bump it on any change to a
/// frame or payload layout; there is no negotiation, peers must speak the same version.
public enum ProtocolVersion {
  /// The version of the layouts in PROTOCOL.md. 2 added `cancel` (`0x88`).
  public static let current: UInt8 = 2
}
