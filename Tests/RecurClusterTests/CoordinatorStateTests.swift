import Foundation
import RecurProtocol
import RecurWire
import Testing

@testable import RecurCluster

@Suite struct PeerTableTests {
  static let hello = Hello(name: "w1", host: "h", cores: 2, engineVersion: "0", processID: 1)

  @Test func membersGetAHeartbeatAfterOneQuietInterval() {
    var peers = PeerTable<String>(interval: 1, liveness: 3)
    peers.join("a", hello: Self.hello, at: 0)
    #expect(peers.heartbeatsDue(at: 0.5).isEmpty)
    #expect(peers.heartbeatsDue(at: 1) == ["a"])
    peers.sent(to: "a", at: 1)
    #expect(peers.heartbeatsDue(at: 1.5).isEmpty)
    #expect(peers.nextDeadline() == 2)
  }

  @Test func silentMembersExpireAndOthersStay() {
    var peers = PeerTable<String>(interval: 1, liveness: 3)
    peers.join("a", hello: Self.hello, at: 0)
    peers.join("b", hello: Self.hello, at: 0)
    peers.heard(from: "b", at: 2)
    #expect(!peers.hasExpired(at: 2.9))
    #expect(peers.hasExpired(at: 3))
    #expect(peers.removeExpired(at: 3).map(\.peer) == ["a"])
    #expect(peers.member("b") != nil)
    #expect(peers.count == 1)
  }

  @Test func strangersAreNotTracked() {
    var peers = PeerTable<String>(interval: 1, liveness: 3)
    peers.heard(from: "x", at: 0)
    #expect(peers.member("x") == nil)
    #expect(!peers.hasExpired(at: 100))
  }

  @Test func aReturningMemberIsNotNew() {
    var peers = PeerTable<String>(interval: 1, liveness: 3)
    let first = peers.join("a", hello: Self.hello, at: 0)
    let second = peers.join("a", hello: Self.hello, at: 1)
    #expect(first)
    #expect(!second)
    peers.leave("a")
    #expect(peers.member("a") == nil)
    #expect(!peers.hasExpired(at: 100))
  }
}

@Suite struct ProblemTallyTests {
  @Test func eachPeersFirstProblemIsLoggedAndAllAreCounted() {
    var tally = ProblemTally<Int>(capacity: 2)
    let logged = [tally.record(1), tally.record(1), tally.record(2), tally.record(3)]
    #expect(logged == [true, false, true, false], "past the capacity, only counted")
    #expect(tally.total == 4)
    #expect(tally.count(for: 1) == 2)
    #expect(tally.peerCount == 2)
  }
}

@Suite struct ReplyBatchTests {
  @Test func acknowledgementsOfOneAttemptToOnePeerAreMerged() {
    var batch = ReplyBatch<String>()
    let t1 = TrialAttempt(trialID: "a", attempt: 1)
    let t2 = TrialAttempt(trialID: "a", attempt: 2)
    batch.acknowledge(t1, sequence: 0, to: "w1")
    batch.send(.heartbeat, to: "w2")
    batch.acknowledge(t1, sequence: 1, to: "w1")
    batch.acknowledge(t2, sequence: 0, to: "w1")
    batch.acknowledge(t1, sequence: 2, to: "w3")
    let sent = batch.drain().immediate
    #expect(sent.count == 4)
    #expect(sent[0].message == .ack(Acknowledgement(trial: t1, sequences: [0, 1])))
    #expect(sent[1].message == .heartbeat)
    #expect(sent[2].message == .ack(Acknowledgement(trial: t2, sequences: [0])))
    #expect(sent[3].peer == "w3")
    #expect(batch.isEmpty)
    batch.acknowledge(t1, sequence: 5, to: "w1")
    #expect(
      batch.drain().immediate.first?.message
        == .ack(Acknowledgement(trial: t1, sequences: [5])))
  }

  @Test func acknowledgementsOfOutcomesWaitApartForTheSync() {
    var batch = ReplyBatch<String>()
    let t1 = TrialAttempt(trialID: "a", attempt: 1)
    batch.acknowledge(t1, sequence: 0, to: "w1")
    batch.acknowledge(t1, sequence: 1, to: "w1", afterSync: true)
    batch.send(.heartbeat, to: "w1")
    let (immediate, afterSync) = batch.drain()
    #expect(
      immediate.map(\.message) == [.ack(Acknowledgement(trial: t1, sequences: [0])), .heartbeat])
    #expect(afterSync.map(\.message) == [.ack(Acknowledgement(trial: t1, sequences: [1]))])
  }
}

@Suite struct OutboxTests {
  static let a1 = TrialAttempt(trialID: "a", attempt: 1)
  static let a2 = TrialAttempt(trialID: "a", attempt: 2)

  @Test func acknowledgedMessagesAreDroppedAndTheRestKeptInOrder() {
    var o = Outbox<String>()
    o.add("m0", attempt: Self.a1, sequence: 0, kind: .metrics)
    o.add("m1", attempt: Self.a1, sequence: 1, kind: .metrics)
    o.add("r", attempt: Self.a1, sequence: 2, kind: .result)
    o.add("other", attempt: Self.a2, sequence: 0, kind: .metrics)
    o.acknowledge(Self.a1, sequences: [0, 2])
    #expect(o.entries.map(\.message) == ["m1", "other"])
    #expect(!o.holdsResult)
  }

  @Test func theSameSequenceOfAnotherAttemptIsNotAcknowledged() {
    var o = Outbox<String>()
    o.add("old", attempt: Self.a1, sequence: 0, kind: .result)
    o.add("new", attempt: Self.a2, sequence: 0, kind: .result)
    o.acknowledge(Self.a2, sequences: [0])
    #expect(o.entries.map(\.message) == ["old"])
  }

  @Test func pastTheLimitTheOldestMetricsGoButNeverAResult() {
    var o = Outbox<String>(metricsLimit: 2)
    o.add("r0", attempt: Self.a1, sequence: 9, kind: .result)
    for i in 0..<5 { o.add("m\(i)", attempt: Self.a2, sequence: UInt64(i), kind: .metrics) }
    #expect(o.entries.map(\.message) == ["r0", "m3", "m4"])
    #expect(o.droppedMetrics == 3)
    o.acknowledge(Self.a2, sequences: [3])
    o.add("m5", attempt: Self.a2, sequence: 5, kind: .metrics)
    #expect(o.entries.map(\.message) == ["r0", "m4", "m5"])
  }
}

@Suite struct ThroughputMeterTests {
  @Test func rateCountsTheOutcomesOfTheWindow() {
    var meter = ThroughputMeter(window: 10)
    #expect(meter.perHour(at: 0) == nil)
    for second in 0..<10 { meter.record(2, at: Double(second)) }
    // 20 outcomes over 10 seconds: 7,200 an hour.
    #expect(meter.perHour(at: 10) == 7200)
    #expect(meter.secondsLeft(remaining: 4, at: 10) == 2)
    #expect(meter.secondsLeft(remaining: 0, at: 10) == 0)
  }

  @Test func oldOutcomesLeaveTheWindow() {
    var meter = ThroughputMeter(window: 10)
    meter.record(100, at: 0)
    meter.record(1, at: 15)
    let rate = meter.perHour(at: 15)
    // Only the buckets of seconds 6 to 15 count: one outcome in the 9 s from 6 to now.
    #expect(rate == 400)
    #expect(meter.perHour(at: 100) == 0)
  }
}

@Suite struct AddressTests {
  @Test(arguments: [
    ("tcp://0.0.0.0:5555", "tcp://node7:5555"), ("tcp://*:5555", "tcp://node7:5555"),
    ("tcp://[::]:6000", "tcp://node7:6000"), ("tcp://10.0.0.2:5555", "tcp://10.0.0.2:5555"),
    ("ipc:///tmp/x", "ipc:///tmp/x"),
  ])
  func aWildcardAddressBecomesTheHostName(bound: String, expected: String) {
    #expect(HostName.connectAddress(forBound: bound, host: "node7") == expected)
  }
}

@Suite struct WriteAheadLogTests {
  @Test func requestedCommitsAreSyncedAndReported() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-wal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("results.sqlite").path
    try Data("frames".utf8).write(to: URL(fileURLWithPath: store + "-wal"))
    let context = try Context()
    let endpoint = context.uniqueInprocEndpoint("wal-test")
    let inbox = try context.socket(.pair)
    try inbox.bind(endpoint)
    let wal = try #require(WriteAheadLog(storePath: store, context: context, notify: endpoint))
    #expect(try wal.synced() == 0)
    wal.request(1)
    wal.request(3)
    #expect(try inbox.receive(timeout: .seconds(10)) == [Data([1])], "the loop is woken")
    #expect(ClusterHarness.waitUntil(timeout: 10) { (try? wal.synced()) == 3 })
    try wal.finish()
    inbox.close()
    #expect(
      WriteAheadLog(
        storePath: folder.appendingPathComponent("none").path, context: context, notify: endpoint)
        == nil)
  }
}
