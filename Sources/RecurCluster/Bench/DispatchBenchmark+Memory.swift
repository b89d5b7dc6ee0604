import Foundation

extension DispatchBenchmark {
  /// A coordinator process's memory once its plan is stored and it listens.
  public struct Memory: Sendable {
    public var trials: Int
    /// Seconds from starting the process to "listening on": reading, expanding and storing
    /// the plan, opening the socket.
    public var startupSeconds: Double
    /// Resident set size then (VmRSS), in bytes.
    public var residentBytes: Int
    /// Peak resident set size so far (VmHWM), in bytes.
    public var peakResidentBytes: Int
  }

  /// Starts `recur coordinator` on a `trials`-trial sweep, reads its memory once it listens
  /// (from /proc; Linux only), and stops it with SIGINT.
  public static func coordinatorMemory(
    trials: Int, executable: String, directory: URL
  ) throws -> Memory {
    let sweepPath = try writeNoopSweep(trials: trials, in: directory)
    let results = directory.appendingPathComponent("memory")
    try? FileManager.default.removeItem(at: results)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "coordinator", "--sweep", sweepPath, "--results", results.path, "--bind",
      "tcp://127.0.0.1:*",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let start = ContinuousClock.now
    try process.run()
    defer {
      kill(process.processIdentifier, SIGINT)
      process.waitUntilExit()
    }
    guard waitForListening(output.fileHandleForReading) else {
      throw BenchmarkError("the coordinator never listened")
    }
    let startup = seconds(ContinuousClock.now - start)
    let status = try String(
      contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
    return Memory(
      trials: trials, startupSeconds: startup, residentBytes: kilobytes("VmRSS", status) * 1024,
      peakResidentBytes: kilobytes("VmHWM", status) * 1024)
  }

  /// Reads the coordinator's output until its "listening on" line (or its end).
  private static func waitForListening(_ handle: FileHandle) -> Bool {
    var text = ""
    while true {
      let chunk = handle.availableData
      guard !chunk.isEmpty else { return false }
      text += String(decoding: chunk, as: UTF8.self)
      if text.contains("listening on") { return true }
    }
  }

  /// The value of a `NAME:  1234 kB` line of /proc/PID/status.
  static func kilobytes(_ name: String, _ status: String) -> Int {
    for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
      let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
      return Int(digits) ?? 0
    }
    return 0
  }
}
