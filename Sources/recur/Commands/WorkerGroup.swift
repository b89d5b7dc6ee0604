import ArgumentParser
import Foundation
import RecurCluster

/// `recur worker --count K`: K worker processes of this same binary on this machine, each with
/// single-threaded BLAS (`OPENBLAS_NUM_THREADS`), since a sweep gets its parallelism from
/// processes. The group exits once they all have, with the first failure's status.
///
/// Each worker runs in a process group of its own, so that a Ctrl-C at the terminal reaches
/// only the group's process, which forwards it once: a worker that got the terminal's SIGINT
/// and a forwarded one would take the second as "exit at once" and skip its goodbye.
struct WorkerGroup {
  let command: Recur.WorkerCommand
  let count: Int

  func run() throws {
    let executable = Self.executablePath()
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = String(command.threads)
    var pids: [pid_t] = []
    for index in 1...count {
      do {
        pids.append(try Self.spawn(executable, arguments: arguments(index: index), environment))
      } catch {
        FileHandle.standardError.write(Data("error: cannot start a worker: \(error)\n".utf8))
        for pid in pids { kill(pid, SIGTERM) }
        throw ExitCode.software
      }
    }
    let children = pids
    let trap = SignalTrap { signal, _ in
      for pid in children { kill(pid, signal) }
    }
    var status: Int32 = 0
    for pid in pids {
      let code = Self.wait(for: pid)
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

  /// Starts `executable` in a new process group (posix_spawn(3), POSIX_SPAWN_SETPGROUP).
  static func spawn(
    _ executable: String, arguments: [String], _ environment: [String: String]
  ) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, nil, &attributes, argv, envp)
    guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
    return pid
  }

  /// Waits for `pid` to end; its exit status, or 128 + the signal that killed it.
  static func wait(for pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return 70 }
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
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
