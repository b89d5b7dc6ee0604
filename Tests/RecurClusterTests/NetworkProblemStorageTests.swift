import Foundation
import Logging
import RecurProtocol
import RecurStore
import RecurSweep
import RecurWire
import Testing

@testable import RecurCluster

/// The coordinator's network problem counts reach the store while it runs, also those that
/// arrive outside a round's messages: a frame above the protocol's limit (drained while
/// receiving, never handled) and a connection closed before any hello (seen on the socket's
/// monitor after the round's commit). A coordinator in this process, with no worker: nothing
/// else would make it commit.
@Suite struct NetworkProblemStorageTests {
  /// What the hostile client saw in the store, each while the coordinator ran.
  final class Observations: @unchecked Sendable {
    var afterOversized: NetworkProblemCounts?
    var afterClosing: NetworkProblemCounts?
    var error: (any Error)?
    let done = DispatchSemaphore(value: 0)
  }

  @Test(.timeLimit(.minutes(1)))
  func countsArrivingOutsideARoundsMessagesAreStoredWhileTheCoordinatorRuns() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "recur-network-problems-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sweep = try Sweep.load(path: DispatchBenchmark.writeNoopSweep(trials: 1, in: directory))
    let results = directory.appendingPathComponent("results")
    let options = CoordinatorOptions(
      resultsDirectory: results, bind: "tcp://127.0.0.1:*", durability: .normal)
    let coordinator = try Coordinator(
      sweep: sweep, options: options, logger: Logger(label: "test.coordinator"))
    let seen = Observations()
    let (endpoint, stop) = (coordinator.endpoint, coordinator.stopSignal)
    Thread {
      defer {
        _ = stop.raise()
        seen.done.signal()
      }
      do {
        try Self.misbehave(endpoint: endpoint, results: results, seen)
      } catch {
        seen.error = error
      }
    }.start()
    let summary = try DispatchBenchmark.runOnThread(coordinator)
    seen.done.wait()
    if let error = seen.error { throw error }

    #expect(
      seen.afterOversized?.oversizedMessages == 1, "\(String(describing: seen.afterOversized))")
    #expect(seen.afterOversized?.malformedMessages == 1)
    #expect(
      (seen.afterClosing?.closedConnections ?? 0) >= 1, "\(String(describing: seen.afterClosing))")
    let stored = try ResultsStore.openForReading(directory: results).networkProblemCounts()
    #expect(stored.closedConnections == summary.closedConnections)
    #expect(stored.oversizedMessages == 1 && stored.malformedMessages == 1)
    #expect(stored.foreignReports == 0 && stored.turnedAway == 0 && stored.protocolMismatches == 0)
  }

  /// Sends one frame above the protocol's limit, waits until the store counts it, closes the
  /// connection, and waits until the store counts that too.
  static func misbehave(endpoint: String, results: URL, _ seen: Observations) throws {
    let context = try Context(defaultLinger: .zero)
    let socket = try context.socket(.dealer)
    try socket.connect(endpoint)
    let oversized = Data(count: ProtocolLimits.maxFrameBytes + 1)
    _ = try socket.send([
      Data([ProtocolVersion.current]), Data([MessageType.metrics.rawValue]), oversized,
    ])
    let store = try ResultsStore.openForReading(directory: results)
    _ = try ClusterHarness.waitUntil(timeout: 20) {
      seen.afterOversized = try store.networkProblemCounts()
      return seen.afterOversized?.oversizedMessages ?? 0 > 0
    }
    socket.close()
    _ = try ClusterHarness.waitUntil(timeout: 20) {
      seen.afterClosing = try store.networkProblemCounts()
      return seen.afterClosing?.closedConnections ?? 0 > 0
    }
  }
}
