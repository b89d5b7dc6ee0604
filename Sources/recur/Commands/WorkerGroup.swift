import ArgumentParser
import Foundation
import RecurCluster

/// `recur worker --count K`: K worker processes of this same binary on this machine, each with
/// single-threaded BLAS (`OPENBLAS_NUM_THREADS`), since a sweep gets its parallelism from
/// processes. Signals are forwarded to them; the group exits once they all have, with the
/// first failure's status.
struct WorkerGroup {
  let command: Recur.WorkerCommand
  let count: Int

  func run() throws {
    let executable = Self.executablePath()
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = String(command.threads)
    var children: [Process] = []
    for index in 1...count {
      let child = Process()
      child.executableURL = URL(fileURLWithPath: executable)
      child.arguments = arguments(index: index)
      child.environment = environment
      do {
        try child.run()
      } catch {
        FileHandle.standardError.write(Data("error: cannot start a worker: \(error)\n".utf8))
        for started in children { kill(started.processIdentifier, SIGTERM) }
        throw ExitCode.software
      }
      children.append(child)
    }
    let pids = children.map(\.processIdentifier)
    let trap = SignalTrap { signal, _ in
      for pid in pids { kill(pid, signal) }
    }
    var status: Int32 = 0
    for child in children {
      child.waitUntilExit()
      let code =
        child.terminationReason == .uncaughtSignal
        ? 128 + child.terminationStatus : child.terminationStatus
      if status == 0 { status = code }
    }
    trap.cancel()
    if status != 0 { throw ExitCode(status) }
  }

  /// The arguments of worker `index`: the group's own, without `--count`, named NAME-index
  /// when a name was given.
  func arguments(index: Int) -> [String] {
    var arguments = [
      "worker", "--connect", command.connect, "--threads", String(command.threads),
      "--connect-timeout", String(command.connectTimeout.seconds),
    ]
    if let name = command.name { arguments += ["--name", "\(name)-\(index)"] }
    if let serverKey = command.serverKey, let key = command.key {
      arguments += ["--server-key", serverKey, "--key", key]
    }
    if command.verbose { arguments.append("--verbose") }
    return arguments
  }

  /// This binary, to start more of it.
  static func executablePath() -> String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return path
      }
    #endif
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }

  /// Makes sure OpenBLAS starts with `threads` threads: the variable must be set before the
  /// library loads (setting the count later once left a thread spinning; PLATFORM.md), so a
  /// worker started without it runs itself again with it set.
  static func ensureBLASThreads(_ threads: Int) {
    let wanted = String(threads)
    guard ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] != wanted else { return }
    setenv("OPENBLAS_NUM_THREADS", wanted, 1)
    #if os(Linux)
      let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
      execv("/proc/self/exe", arguments)
    // Only reached if exec failed: carry on with BLAS as it is.
    #endif
  }
}
