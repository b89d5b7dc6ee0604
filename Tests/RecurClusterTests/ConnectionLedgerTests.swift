import RecurCluster
import Testing

@Suite struct ConnectionLedgerTests {
  typealias Ledger = ConnectionLedger<String>

  static func close(
    _ ledger: inout Ledger, _ descriptor: Int32, members: Set<String> = []
  ) -> Ledger.Closure {
    ledger.closed(descriptor: descriptor) { members.contains($0) }
  }

  @Test func aClosedConnectionIsTheMembersWhileItIsOne() {
    var closure: Ledger.Closure
    var ledger = Ledger()
    ledger.received(on: 7, from: "w1")
    closure = Self.close(&ledger, 7, members: ["w1"])
    #expect(closure == .member("w1"))
    #expect(ledger.count == 0)
  }

  @Test func aDepartedWorkersConnectionClosingIsExpected() {
    var closure: Ledger.Closure
    var ledger = Ledger()
    ledger.received(on: 7, from: "w1")
    ledger.departed("w1")
    closure = Self.close(&ledger, 7)
    #expect(closure == .departed("w1"))
  }

  @Test func aRejoinedWorkerIsNoLongerDeparted() {
    var closure: Ledger.Closure
    var ledger = Ledger()
    ledger.received(on: 7, from: "w1")
    ledger.departed("w1")
    ledger.joined("w1")
    closure = Self.close(&ledger, 7)
    #expect(closure == .stranger("w1"))
  }

  @Test func connectionsThatNeverSaidHelloAreStrangers() {
    var closure: Ledger.Closure
    var ledger = Ledger()
    ledger.received(on: 9, from: "x")
    ledger.received(on: -1, from: "inproc")
    #expect(ledger.count == 1)
    closure = Self.close(&ledger, 9)
    #expect(closure == .stranger("x"))
    closure = Self.close(&ledger, 10)
    #expect(closure == .stranger(nil))
  }

  @Test func aReusedDescriptorBelongsToItsLatestPeer() {
    var closure: Ledger.Closure
    var ledger = Ledger()
    ledger.received(on: 5, from: "old")
    ledger.received(on: 5, from: "new")
    closure = Self.close(&ledger, 5, members: ["new"])
    #expect(closure == .member("new"))
  }

  @Test func onlyTheLatestDepartedPeersAreRemembered() {
    var closure: Ledger.Closure
    var ledger = Ledger(capacity: 2)
    for peer in ["a", "b", "c"] {
      ledger.received(on: Int32(peer.unicodeScalars.first?.value ?? 0), from: peer)
      ledger.departed(peer)
    }
    closure = Self.close(&ledger, 97)
    #expect(closure == .stranger("a"))
    closure = Self.close(&ledger, 99)
    #expect(closure == .departed("c"))
  }
}
