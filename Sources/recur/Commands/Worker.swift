import ArgumentParser
import Foundation
import Logging
import RecurCluster
import RecurWire

extension Recur {
  /// `recur worker`: trains the trials a coordinator hands out.
  struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "worker",
      abstract: "Connect to a coordinator and train the trials it hands out, one at a time.",
      discussion: """
        Reconnects with backoff when the coordinator goes away and sends again what it had \
        not confirmed. Exits 0 when the coordinator ends the session; 69 if no coordinator \
        answers within --connect-timeout; 76 on a protocol mismatch; 77 if the coordinator \
        does not admit this worker's key; 64 for a malformed address. With --count K it \
        starts K worker processes here (single-threaded BLAS each) and waits for them.
        """)

    @Option(help: "The coordinator's address, as it printed it: tcp://HOST:PORT.")
    var connect: String

    @Option(help: "The name the coordinator shows (default: HOST-PID).")
    var name: String?

    @Option(help: "Worker processes to start on this machine, one trial each.")
    var count: Int?

    /// The most worker processes `--count` starts: a typo such as `--count 80000` must not
    /// fork tens of thousands of processes.
    static let maximumCount = 1024

    @Option(help: "BLAS threads per worker process.")
    var threads = 1

    @Option(help: "Give up after this long without reaching a coordinator (60s, 10m).")
    var connectTimeout = DurationArgument(seconds: 60)

    @Option(help: "CURVE: the coordinator's public key file.")
    var serverKey: String?

    @Option(help: "CURVE: this worker's secret key file (its .pub must be authorised).")
    var key: String?

    @Flag(help: "Log more.")
    var verbose = false

    func validate() throws {
      guard (serverKey == nil) == (key == nil) else {
        throw ValidationError("--server-key and --key go together")
      }
      if let count, !(1...Self.maximumCount).contains(count) {
        throw ValidationError(
          "--count must be between 1 and \(Self.maximumCount) (one worker per core is the most "
            + "that helps)")
      }
      guard (1...256).contains(threads) else {
        throw ValidationError("--threads must be between 1 and 256")
      }
      guard connectTimeout.seconds > 0 else {
        throw ValidationError("--connect-timeout must be positive")
      }
      if let problem = EndpointCheck.problem(connect, for: .connect) {
        throw ValidationError("--connect \(connect): \(problem)")
      }
    }

    func run() throws {
      if let count {
        try WorkerGroup(command: self, count: count).run()
        return
      }
      WorkerGroup.ensureBLASThreads(threads)
      let terminal = Terminal(interactive: false)
      TerminalLogHandler.bootstrap(terminal, level: verbose ? .info : .notice)
      let logger = Logger(label: "recur.worker")
      let options = WorkerOptions(
        endpoint: connect, name: name, connectTimeout: connectTimeout.seconds,
        curve: serverKey.map { CurveClientFiles(serverKeyPath: $0, keyPath: key ?? "") },
        engineVersion: Recur.configuration.version)
      let worker: RecurCluster.Worker
      do {
        worker = try RecurCluster.Worker(
          options: options, executor: TrainingExecutor(), logger: logger)
      } catch {
        terminal.errorLine("error: \(error)")
        throw Self.keyFileExit(error)
      }
      logger.notice("worker \(options.name) connecting to \(connect)")
      let stop = worker.stopSignal
      let trap = SignalTrap { signal, count in
        if count == 1 { stop.raise() } else { _exit(128 + signal) }
      }
      let exit: WorkerExit
      do {
        exit = try worker.run()
      } catch {
        terminal.errorLine("error: \(error)")
        throw ExitCode.software
      }
      trap.cancel()
      try finish(exit, name: options.name, terminal: terminal)
    }

    /// Prints why the worker stopped and exits with the matching status.
    func finish(_ exit: WorkerExit, name: String, terminal: Terminal) throws {
      if exit.isClean {
        terminal.errorLine("worker \(name) stopped: \(exit)")
        return
      }
      terminal.errorLine("error: \(exit)")
      switch exit {
      case .unreachable: throw ExitCode.unavailable
      case .invalidAddress: throw ExitCode.usage
      case .protocolMismatch: throw ExitCode.protocolMismatch
      case .notAuthorised: throw ExitCode.notAuthorised
      case .shutDown, .coordinatorStopping, .interrupted: return
      }
    }

    static func keyFileExit(_ error: WireError) -> ExitCode {
      if case .keyFile(_, let problem) = error, problem.hasPrefix("no such file") {
        return .missingFile
      }
      return .badInput
    }
  }
}
