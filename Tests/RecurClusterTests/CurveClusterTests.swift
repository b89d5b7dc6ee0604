import Foundation
import RecurWire
import Testing

/// CURVE on: only workers whose public key is in the coordinator's folder are admitted.
extension ClusterProcessTests {
  @Test(.timeLimit(.minutes(1)))
  func anAuthorisedWorkerRunsTrialsAndAnUnknownKeyIsRefused() throws {
    let harness = try ClusterHarness()
    let port = try ClusterHarness.freePort()
    let results = harness.results()
    let sweep = try harness.sweep("quick", Self.quickSweep)
    let keys = harness.directory.appendingPathComponent("keys").path
    let authorised = harness.directory.appendingPathComponent("authorised").path
    let coordinatorKeys = try CurveKeyFiles.write(
      try CurveKeyPair.generate(), name: "coordinator", directory: keys)
    let trusted = try CurveKeyFiles.write(try CurveKeyPair.generate(), name: "w1", directory: keys)
    let stranger = try CurveKeyFiles.write(
      try CurveKeyPair.generate(), name: "stranger", directory: keys)
    try FileManager.default.createDirectory(
      atPath: authorised, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: trusted.publicKeyPath, toPath: authorised + "/w1.pub")

    let coordinator = try harness.coordinator(
      sweep: sweep, results: results, port: port,
      extra: [
        "--curve-secret-key", coordinatorKeys.secretKeyPath, "--authorized-keys", authorised,
      ])
    let refused = try harness.worker(
      "stranger", port: port,
      extra: ["--server-key", coordinatorKeys.publicKeyPath, "--key", stranger.secretKeyPath])
    #expect(refused.waitForExit(timeout: 20) == 77, "\(refused.tail)")
    #expect(refused.output.contains("not authorised"), "\(refused.tail)")

    let worker = try harness.worker(
      "w1", port: port,
      extra: ["--server-key", coordinatorKeys.publicKeyPath, "--key", trusted.secretKeyPath])
    #expect(coordinator.waitForExit(timeout: 40) == 0, "\(coordinator.tail)")
    #expect(worker.waitForExit(timeout: 10) == 0, "\(worker.tail)")
    try Self.expectOneOutcomePerTrial(harness, results, expectedTrials: 6)
    #expect(try harness.store(results).workers().map(\.name) == ["w1"])
    #expect(coordinator.output.contains("--server-key \(coordinatorKeys.publicKeyPath)"))
  }
}
