import Foundation
import RecurProtocol
import RecurStore
import RecurWire
import Testing

/// Garbage on the coordinator's socket during a sweep, from raw ZeroMQ DEALERs in this process.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aThousandMalformedMessagesDuringASweepChangeNothing() throws {
    let harness = try ClusterHarness()
    let (results, coordinator, worker, port) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 4, worker: "honest")

    let context = try Context(defaultLinger: .zero)
    let endpoint = "tcp://127.0.0.1:\(port)"
    var generator = HostileMessages(seed: 42)
    var sockets: [Socket] = []
    // What the coordinator must count: the messages sent that do not decode, and of them
    // those of another protocol version (the well-formed ones from strangers are refused).
    var expected = NetworkProblemCounts()
    for index in 0..<1000 {
      // A new connection (a new routing id) every 100 messages.
      if index % 100 == 0 {
        let socket = try context.socket(.dealer)
        try socket.connect(endpoint)
        sockets.append(socket)
      }
      let frames = generator.next()
      guard try sockets[sockets.count - 1].send(frames, dontWait: true) else { continue }
      do {
        _ = try WorkerMessage.decode(frames)
      } catch {
        expected.malformedMessages += 1
        if case .unsupportedVersion = error { expected.protocolMismatches += 1 }
      }
    }
    // One more peer speaks another protocol version: it is told so.
    let stranger = try context.socket(.dealer)
    try stranger.connect(endpoint)
    var hello = try WorkerMessage.hello(
      Hello(name: "v2", host: "h", cores: 1, engineVersion: "9", processID: 1)
    ).encode()
    hello[0] = Data([ProtocolVersion.current + 1])
    try stranger.send(hello)
    let reply = try #require(try stranger.receive(timeout: .seconds(10)))
    guard case .refuse(let refusal) = try CoordinatorMessage.decode(reply) else {
      Issue.record("expected a refusal, got \(reply)")
      return
    }
    #expect(refusal.reason == .protocolMismatch)
    #expect(refusal.detail.contains("version \(ProtocolVersion.current + 1)"))
    expected.malformedMessages += 1
    expected.protocolMismatches += 1
    // The refusal left after the commit of its round, which stored the counts so far.
    let running = try harness.store(results).networkProblemCounts()
    #expect(running.protocolMismatches >= 1 && running.malformedMessages >= 1, "\(running)")

    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 4)
    let counts = try #require(harness.counts(results))
    #expect(counts.finished == 4)
    #expect(counts.duplicates == 0)
    #expect(counts.outsidePlan == 0)
    #expect(try harness.store(results).workers().map(\.name) == ["honest"])
    #expect(coordinator.output.contains("malformed messages dropped"), "\(coordinator.tail)")
    try Self.expectNetworkProblems(harness, results, expected)
  }

  /// `recur status DIR --json` and the human view show the counts the coordinator stored.
  static func expectNetworkProblems(
    _ harness: ClusterHarness, _ results: String, _ expected: NetworkProblemCounts
  ) throws {
    let json = try harness.statusJSON(results)
    #expect(json["malformed_messages"] as? Int == expected.malformedMessages, "\(json)")
    #expect(json["protocol_mismatches"] as? Int == expected.protocolMismatches, "\(json)")
    #expect(json["oversized_messages"] as? Int == 0, "\(json)")
    #expect(json["foreign_reports"] as? Int == 0, "\(json)")
    #expect(json["turned_away"] as? Int == 0, "\(json)")
    #expect(json["closed_connections"] is Int, "\(json)")
    #expect(json["finished"] as? Int == 4 && json["done"] as? Bool == true, "\(json)")
    let view = try harness.start("status-view", ["status", results])
    #expect(view.waitForExit(timeout: 20) == 0, "\(view.tail)")
    let line =
      "dropped from the network: \(expected.malformedMessages) malformed messages ("
      + "\(expected.protocolMismatches) of another protocol version)"
    #expect(view.output.contains(line), "\(view.tail)")
  }
}

/// Random and malformed protocol messages, reproducibly (SplitMix64): random frames, wrong
/// frame counts, unknown types, truncated and overlong fields, wrong directions, and
/// well-formed messages from peers that never said hello. Never a hello or a ready, so that
/// no trial is handed to a peer that will not run it.
struct HostileMessages {
  var random: SplitMix

  init(seed: UInt64) {
    random = SplitMix(seed: seed)
  }

  mutating func next() -> [Data] {
    while true {
      let frames = candidate()
      if let message = try? WorkerMessage.decode(frames) {
        switch message {
        case .hello, .ready: continue
        default: return frames
        }
      }
      return frames
    }
  }

  /// This build's version frame.
  private let version = Data([ProtocolVersion.current])

  private mutating func candidate() -> [Data] {
    switch random.next() % 8 {
    case 0: return (0..<(1 + random.next() % 5)).map { _ in bytes(Int(random.next() % 40)) }
    case 1: return [version, Data([UInt8(random.next() % 256)]), bytes(Int(random.next() % 64))]
    case 2: return [version, Data([0x05]), bytes(Int(random.next() % 30))]  // truncated result
    case 3: return [version, Data([0x81]), Data()]  // a coordinator's message
    case 4: return [version, Data([0x04]), overlongCount()]  // metrics claiming 4 G records
    case 5: return wellFormedFromStranger()
    case 6: return [version + version, Data([0x02]), Data()]  // header frame too long
    default: return [bytes(1), bytes(1), bytes(Int(random.next() % 16)), bytes(3)]
    }
  }

  private mutating func bytes(_ count: Int) -> Data {
    Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
  }

  private func overlongCount() -> Data {
    var payload = Data([2, 0, 0, 0]) + Data("t1".utf8) + Data([1, 0, 0, 0])
    payload += Data(repeating: 0, count: 8) + Data([0xFF, 0xFF, 0xFF, 0xFF])
    return payload
  }

  private mutating func wellFormedFromStranger() -> [Data] {
    let trial = TrialAttempt(trialID: "000000000000", attempt: 1)
    let message: WorkerMessage =
      random.next() % 2 == 0
      ? .heartbeat(running: trial)
      : .result(TrialResult(trial: trial, sequence: 0, outcome: .finished, summary: Data()))
    return (try? message.encode()) ?? []
  }
}

/// Frames above the protocol's size limit, on both sides.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func oversizedFramesDuringASweepAreCountedAndTheSweepFinishes() throws {
    let harness = try ClusterHarness()
    let (results, coordinator, worker, port) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 3, worker: "honest")
    let context = try Context(defaultLinger: .zero)
    let endpoint = "tcp://127.0.0.1:\(port)"
    // Just above the protocol's limit: received whole, refused, counted, logged.
    let near = try context.socket(.dealer)
    try near.connect(endpoint)
    let justAbove = Data(count: ProtocolLimits.maxFrameBytes + 1)
    try near.send([
      Data([ProtocolVersion.current]), Data([MessageType.metrics.rawValue]), justAbove,
    ])
    try near.send([Data([ProtocolVersion.current]), Data([MessageType.result.rawValue]), justAbove])
    // Far above: libzmq cuts the connection off after the frame's header.
    let far = try context.socket(.dealer)
    try far.connect(endpoint)
    try far.send([
      Data([ProtocolVersion.current]), Data([MessageType.metrics.rawValue]), Data(count: 100 << 20),
    ])

    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 3)
    #expect(try #require(harness.counts(results)).finished == 3)
    let log = coordinator.output
    #expect(log.contains("message too large"), "logged once for the peer\n\(coordinator.tail)")
    #expect(log.components(separatedBy: "message too large").count == 2, "only once")
    #expect(log.contains("2 malformed messages dropped, 2 of them oversized"), "\(log)")
    #expect(log.contains("closed before any hello"), "\(coordinator.tail)")
  }

  @Test(.timeLimit(.minutes(1)))
  func aWorkerSurvivesMalformedAndOversizedMessagesFromItsCoordinator() throws {
    let harness = try ClusterHarness()
    let context = try Context(defaultLinger: .zero)
    let router = try context.socket(.router)
    try router.bind("tcp://127.0.0.1:*")
    let endpoint = try router.lastEndpoint()
    let worker = try harness.start(
      "worker", ["worker", "--connect", endpoint, "--connect-timeout", "30s"])
    let welcome = try CoordinatorMessage.welcome(
      Welcome(
        coordinatorID: "hostile", sessionID: "s1", heartbeatIntervalMilliseconds: 100,
        heartbeatLiveness: 3)
    ).encode()
    let hello = try #require(try router.receive(timeout: .seconds(20)), "\(worker.tail)")
    let peer = hello[0]
    try router.send([peer] + welcome)
    // Garbage that does not decode, of this protocol version (another version is fatal).
    var garbage = HostileMessages(seed: 7)
    for _ in 0..<200 {
      let frames = garbage.next()
      do {
        _ = try CoordinatorMessage.decode(frames)
      } catch .unsupportedVersion {
      } catch {
        try router.send([peer] + frames)
      }
    }
    try router.send([
      peer, Data([ProtocolVersion.current]), Data([0x83]), Data([0xFF, 0xFF, 0xFF, 0x7F]),
    ])
    try router.send([
      peer, Data([ProtocolVersion.current]), Data([0x83]),
      Data(count: ProtocolLimits.maxFrameBytes + 1),
    ])
    // Above the hard limit: the worker's libzmq cuts the connection; the worker reconnects.
    try router.send([
      peer, Data([ProtocolVersion.current]), Data([0x83]),
      Data(count: ProtocolLimits.hardFrameBytes + 1),
    ])
    // The worker is still there: once it gave up on this silent link it says hello again;
    // then it is told to stop, and stops cleanly.
    var told = false
    let deadline = Date().addingTimeInterval(30)
    while !told, Date() < deadline {
      guard let frames = try router.receive(timeout: .seconds(1)), frames.count == 4,
        case .hello = try? WorkerMessage.decode(frames[1...])
      else { continue }
      try router.send([frames[0]] + welcome)
      try router.send([frames[0]] + CoordinatorMessage.shutdown(.now).encode())
      told = true
    }
    #expect(told, "no second hello\n\(worker.tail)")
    #expect(worker.waitForExit(timeout: 20) == 0, "\(worker.tail)")
    #expect(worker.output.contains("malformed message"), "\(worker.tail)")
  }
}

/// Hellos from hundreds of routing ids that never say anything else.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func aHelloFloodDuringASweepExpiresAndChangesNoTrial() throws {
    let harness = try ClusterHarness()
    let (results, coordinator, worker, port) = try Self.slowSweepWithOneRunningWorker(
      harness, trials: 2, worker: "honest")
    let context = try Context(defaultLinger: .zero)
    var sockets: [Socket] = []
    for index in 0..<300 {
      let socket = try context.socket(.dealer)
      try socket.connect("tcp://127.0.0.1:\(port)")
      let hello = Hello(
        name: "flood-\(index)", host: "nowhere", cores: 1, engineVersion: "0", processID: 1)
      try socket.send(WorkerMessage.hello(hello).encode())
      sockets.append(socket)
    }
    #expect(coordinator.waitForExit(timeout: 45) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 2)
    let store = try harness.store(results)
    #expect(try store.trials().allSatisfy { $0.worker == "honest" })
    #expect(try store.statusCounts().attempts == 2)
    let log = coordinator.output
    #expect(log.contains("worker flood-0 joined"), "\(coordinator.tail)")
    #expect(log.contains("worker flood-0 fell silent and was dropped"), "\(coordinator.tail)")
  }
}
