import Foundation
import RecurProtocol
import RecurWire
import Testing

/// A worker facing a coordinator of another protocol version: a raw ROUTER in this process
/// answers its hello as a coordinator of the next version would.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)), arguments: [true, false])
  func aWorkerOfAnotherProtocolVersionSaysWhyAndExits76(refused: Bool) throws {
    let harness = try ClusterHarness()
    let context = try Context(defaultLinger: .zero)
    let router = try context.socket(.router)
    try router.bind("tcp://127.0.0.1:*")
    let endpoint = try router.lastEndpoint()
    let worker = try harness.start(
      "old-worker", ["worker", "--connect", endpoint, "--connect-timeout", "30s"])
    let hello = try #require(try router.receive(timeout: .seconds(20)), "\(worker.tail)")
    guard case .hello = try WorkerMessage.decode(hello[1...]) else {
      Issue.record("expected a hello first")
      return
    }
    // A coordinator of the next version either refuses (the frozen refuse layout) or just
    // talks its own version.
    let other = ProtocolVersion.current + 1
    let detail = "protocol mismatch: this coordinator speaks version \(other)"
    var reply = try CoordinatorMessage.refuse(
      Refusal(reason: .protocolMismatch, detail: detail)
    ).encode()
    if !refused { reply = try CoordinatorMessage.heartbeat.encode() }
    reply[0] = Data([other])
    try router.send([hello[0]] + reply)
    #expect(worker.waitForExit(timeout: 20) == 76, "\(worker.tail)")
    #expect(worker.output.contains(refused ? detail : "version \(other)"), "\(worker.tail)")
  }
}
