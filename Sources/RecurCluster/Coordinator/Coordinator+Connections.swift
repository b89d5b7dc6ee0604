import Foundation
import Logging
import RecurProtocol
import RecurWire

/// What arrives below the protocol: messages too large to decode, and connections libzmq
/// closes (PROTOCOL.md, Limits). Both are counted and logged once per peer, like malformed
/// messages, so that nothing a hostile peer sends goes unnoticed.
extension Coordinator {
  /// Takes one message from the ROUTER, or nil when none is queued. A message with a frame
  /// above `ProtocolLimits.maxFrameBytes` (but within libzmq's hard limit, `hardFrameBytes`)
  /// or with too many frames is drained, counted as malformed and skipped; after a round's
  /// worth of those (`maxMessagesPerRound`) it returns nil, so that a flood of them cannot
  /// hold up the round (heartbeats, liveness).
  func receiveOne() throws(WireError) -> [Data]? {
    for _ in 0..<options.maxMessagesPerRound {
      do {
        let frames = try router.receive(
          timeout: .zero, maxFrames: 8, maxFrameBytes: ProtocolLimits.maxFrameBytes)
        if let peer = frames?.first {
          connections.received(on: router.lastSourceDescriptor, from: peer)
        }
        return frames
      } catch .tooManyFrames {
        noteMalformed(peer: Data(), ProtocolError.wrongFrameCount(found: 9, expected: 3))
      } catch .frameTooLarge(let bytes, let limit, let peer) {
        connections.received(on: router.lastSourceDescriptor, from: peer)
        oversized += 1
        noteMalformed(peer: peer, ProtocolError.payloadTooLarge(length: bytes, limit: limit))
      }
    }
    return nil
  }

  /// Reads the ROUTER's monitor: each closed connection of a peer that never said hello is
  /// counted and logged (once per routing id; once in all for connections that delivered no
  /// message at all, such as those libzmq cut off for a first frame above the hard limit).
  func drainMonitor() {
    guard let monitor else { return }
    while let event = try? monitor.next(timeout: .zero) {
      guard event.kind == .disconnected else { continue }
      let closure = connections.closed(descriptor: Int32(bitPattern: event.value)) {
        peers.member($0) != nil
      }
      switch closure {
      case .member(let peer):
        logger.info("the connection of \(describe(peer)) closed without a goodbye")
      case .departed:
        break
      case .stranger(let peer):
        closedConnections += 1
        guard closedStrangers.record(peer ?? Data()) else { continue }
        let who = peer.map { describe($0) } ?? "a peer that delivered no message"
        logger.warning(
          """
          the connection of \(who) closed before any hello: it hung up, broke the ZeroMQ \
          protocol, or sent a frame above \(ProtocolLimits.hardFrameBytes) bytes (then libzmq \
          cut it off); further ones only counted
          """)
      }
    }
  }

  /// A hello while the peer table is full: not answered (the worker says hello again after
  /// its liveness period, by when silent members have expired), counted, logged once per peer.
  func turnAway(_ peer: Data, _ hello: Hello) {
    turnedAway += 1
    guard crowded.record(peer) else { return }
    logger.warning(
      """
      hello from \(hello.name) (peer \(Self.hex(peer))) ignored: \(peers.count) workers are \
      connected, the most this coordinator takes (further ones from it only counted)
      """)
  }

  /// A monitor of the ROUTER's closed connections.
  static func monitorClosures(_ router: Socket) throws(WireError) -> SocketMonitor {
    try SocketMonitor(router, events: [.disconnected])
  }
}
