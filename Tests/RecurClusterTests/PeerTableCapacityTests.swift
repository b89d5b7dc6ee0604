import RecurProtocol
import Testing

@testable import RecurCluster

@Suite struct PeerTableCapacityTests {
  static let hello = Hello(name: "w", host: "h", cores: 1, engineVersion: "0", processID: 1)

  @Test func aFullTableHasRoomOnlyForItsMembersUntilOneExpires() {
    var peers = PeerTable<String>(interval: 1, liveness: 2, capacity: 2)
    peers.join("a", hello: Self.hello, at: 0)
    peers.join("b", hello: Self.hello, at: 1)
    #expect(!peers.hasRoom(for: "c"))
    #expect(peers.hasRoom(for: "a"), "a member may say hello again")
    #expect(peers.removeExpired(at: 2).map(\.peer) == ["a"])
    #expect(peers.hasRoom(for: "c"))
  }

  @Test func aHelloWithinOneIntervalOfTheLastIsARepeat() {
    var peers = PeerTable<String>(interval: 1, liveness: 3)
    #expect(!peers.isRepeatedHello(from: "a", at: 0))
    peers.join("a", hello: Self.hello, at: 0)
    #expect(peers.isRepeatedHello(from: "a", at: 0.5))
    #expect(!peers.isRepeatedHello(from: "a", at: 1.5))
    #expect(!peers.isRepeatedHello(from: "b", at: 0.5))
  }
}
