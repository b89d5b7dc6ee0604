import Foundation
import RecurStore
import Testing

/// Real `recur` processes for the cluster tests: the binary built next to the test bundle, a
/// temporary folder, loopback ports, and a guarantee that every process it started is killed
/// when the harness goes away, whatever happened in the test.
final class ClusterHarness {
  let directory: URL
  let binary: URL
  private var processes: [RecurProcess] = []

  init() throws {
    binary = try Self.findBinary()
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-cluster-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    for process in processes { process.kill(SIGKILL) }
    for process in processes { _ = process.waitForExit(timeout: 5) }
    // RECUR_KEEP_TEST_FILES=1 keeps the logs and stores for a look after a failure.
    if ProcessInfo.processInfo.environment["RECUR_KEEP_TEST_FILES"] == nil {
      try? FileManager.default.removeItem(at: directory)
    }
  }

  /// The `recur` executable of this build: in the products folder that holds the test bundle.
  static func findBinary() throws -> URL {
    var candidates: [URL] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    {
      candidates.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for folder in candidates {
      var url = folder
      for _ in 0..<4 {
        let binary = url.appendingPathComponent("recur")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        url = url.deletingLastPathComponent()
      }
    }
    throw HarnessError("the recur binary is not beside the test bundle; run `swift build` first")
  }

  /// Starts `recur ARGUMENTS`; its standard output and error go to `NAME.log`.
  @discardableResult
  func start(_ name: String, _ arguments: [String]) throws -> RecurProcess {
    let process = try RecurProcess(
      name: name, binary: binary, arguments: arguments,
      log: directory.appendingPathComponent("\(name).log"))
    processes.append(process)
    return process
  }

  /// Starts a coordinator on `port` with fast heartbeats, exiting when done.
  @discardableResult
  func coordinator(
    _ name: String = "coordinator", sweep: String, results: String, port: Int,
    extra: [String] = []
  ) throws -> RecurProcess {
    try start(
      name,
      [
        "coordinator", "--sweep", sweep, "--results", results, "--bind",
        "tcp://127.0.0.1:\(port)", "--exit-when-done", "--heartbeat-interval", "200ms",
        "--heartbeat-liveness", "5",
      ] + extra)
  }

  /// Starts a worker named `name` connecting to `port`.
  @discardableResult
  func worker(_ name: String, port: Int, extra: [String] = []) throws -> RecurProcess {
    try start(
      name,
      [
        "worker", "--connect", "tcp://127.0.0.1:\(port)", "--name", name, "--connect-timeout",
        "30s",
      ]
        + extra)
  }

  /// Writes a sweep file and returns its path.
  func sweep(_ name: String, _ text: String) throws -> String {
    let url = directory.appendingPathComponent("\(name).yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// A results folder path inside the temporary folder.
  func results(_ name: String = "results") -> String {
    directory.appendingPathComponent(name).path
  }

  /// The store of `results`, read-only (also while a coordinator writes it).
  func store(_ results: String) throws -> ResultsStore {
    try ResultsStore.openForReading(directory: URL(fileURLWithPath: results))
  }

  /// Counts from the store, or nil while it does not exist yet.
  func counts(_ results: String) -> StatusCounts? {
    try? store(results).statusCounts()
  }

  /// The object `recur status RESULTS --json` prints.
  func statusJSON(
    _ results: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    let status = try start("status", ["status", results, "--json"])
    #expect(status.waitForExit(timeout: 20) == 0, "\(status.tail)", sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(with: Data(status.output.utf8))
    return try #require(object as? [String: Any], sourceLocation: sourceLocation)
  }

  /// A TCP port free on 127.0.0.1 right now (bound to port 0, read, closed).
  static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw HarnessError("no socket") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw HarnessError("cannot bind a probe socket") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        getsockname(descriptor, $0, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Polls `condition` every 50 ms until it holds or `timeout` seconds pass.
  static func waitUntil(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try condition()
  }
}

/// One child process of the harness.
final class RecurProcess {
  let name: String
  let process = Process()
  let log: URL

  init(name: String, binary: URL, arguments: [String], log: URL) throws {
    self.name = name
    self.log = log
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
      throw HarnessError("cannot create \(log.path)")
    }
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = "1"
    process.environment = environment
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  var pid: Int32 { process.processIdentifier }
  var isRunning: Bool { process.isRunning }

  /// Everything it printed so far.
  var output: String {
    (try? String(contentsOf: log, encoding: .utf8)) ?? ""
  }

  func kill(_ signal: Int32) {
    if process.isRunning { Foundation.kill(process.processIdentifier, signal) }
  }

  /// Its exit status once it ended (128 + signal if killed), or nil if still running after
  /// `timeout` seconds.
  func waitForExit(timeout: Double) -> Int32? {
    guard ClusterHarness.waitUntil(timeout: timeout, { !process.isRunning }) else { return nil }
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
  }

  /// A description for failed expectations: the name and the last lines of its output.
  var tail: String {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(15)
    return "\(name):\n" + lines.joined(separator: "\n")
  }
}

struct HarnessError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
