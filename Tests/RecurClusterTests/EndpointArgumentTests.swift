import Foundation
import Testing

/// `recur coordinator --bind` and `recur worker --connect` refuse malformed addresses at once
/// (exit 64, naming the address and the expected form) instead of letting libzmq bind another
/// port or a worker wait out its connect timeout.
@Suite struct EndpointArgumentTests {
  @Test(arguments: [
    "tcp://127.0.0.1:99999", "tcp://127.0.0.1:-1", "tcp://127.0.0.1:5555x", "inproc://recur",
    "tcp://127.0.0.1", "tcp://:5555", "tcp://256.1.1.1:5555", "garbage",
  ])
  func aMalformedBindAddressIsAUsageError(bind: String) throws {
    let harness = try ClusterHarness()
    let sweep = try harness.sweep(
      "tiny", "method: grid\nfixed: {task: noop, cell: rnn}\nparameters: {}\n")
    let process = try harness.start(
      "coordinator",
      ["coordinator", "--sweep", sweep, "--results", harness.results(), "--bind", bind])
    let status = process.waitForExit(timeout: 30)
    #expect(status == 64, "\(process.tail)")
    #expect(process.output.contains("--bind \(bind): "), "\(process.tail)")
    #expect(process.output.contains("expected tcp://HOST:PORT"), "\(process.tail)")
    #expect(!FileManager.default.fileExists(atPath: harness.results()))
  }

  @Test(arguments: [
    "tcp://127.0.0.1:99999", "tcp://127.0.0.1:0", "tcp://*:5555", "tcp://:5555",
    "tcp://10.0.0.300:5555", "inproc://recur", "tcp://127.0.0.1:5555x",
  ])
  func aMalformedConnectAddressIsAUsageErrorWithoutWaiting(connect: String) throws {
    let harness = try ClusterHarness()
    let process = try harness.start(
      "worker", ["worker", "--connect", connect, "--connect-timeout", "1h"])
    let status = process.waitForExit(timeout: 30)
    #expect(status == 64, "\(process.tail)")
    #expect(process.output.contains("--connect \(connect): "), "\(process.tail)")
  }
}
