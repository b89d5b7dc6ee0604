import ArgumentParser
import Foundation
import Logging
import RecurCluster
import RecurStore
import RecurSweep
import RecurWire

extension Recur {
  /// `recur coordinator`: runs a sweep, handing its trials to the workers that connect.
  struct CoordinatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "coordinator",
      abstract: "Run a sweep: store its plan, hand its trials to workers, record the results.",
      discussion: """
        Writes the whole plan into DIR/results.sqlite, then serves the workers that connect \
        (`recur worker --connect ...`), one trial at a time each. Started again on the same \
        DIR it resumes: finished trials are kept, the rest run; with an edited sweep file only \
        the new trials are added. Ctrl-C (SIGINT or SIGTERM) stops dispatching, tells the \
        workers, flushes and exits 0; running trials are requeued at the next start. A second \
        signal exits at once; nothing acknowledged is lost either way.

        Workers on other machines need the port open (TCP, 5555 by default).
        """)

    @Option(help: "The sweep file (YAML).")
    var sweep: String

    @Option(help: ArgumentHelp("The results folder (created if missing).", valueName: "dir"))
    var results: String

    @Option(help: "Where to listen: tcp://*:PORT on every interface, tcp://ADDRESS:PORT.")
    var bind = "tcp://*:5555"

    @Flag(help: "Exit 0 once every trial has an outcome, printing the summary.")
    var exitWhenDone = false

    @Option(help: "Heartbeat interval, both ways (1s, 500ms).")
    var heartbeatInterval = DurationArgument(seconds: 1)

    @Option(help: "Heartbeats a worker may miss before its trial is requeued.")
    var heartbeatLiveness = 5

    @Option(
      help: ArgumentHelp(
        "Wall-clock limit per trial attempt (90s, 10m, 2h; 1s to 720h). An attempt that runs "
          + "longer is cancelled on its worker and the trial is recorded failed, not retried. "
          + "Default: no limit.",
        valueName: "duration"))
    var trialTimeout: DurationArgument?

    @Option(help: "CURVE: this coordinator's secret key file (`recur keys generate`).")
    var curveSecretKey: String?

    @Option(help: "CURVE: the folder of the public key files (*.pub) of admitted workers.")
    var authorizedKeys: String?

    @Flag(help: "Log more (each refused peer, dropped messages).")
    var verbose = false

    func validate() throws {
      guard (curveSecretKey == nil) == (authorizedKeys == nil) else {
        throw ValidationError("--curve-secret-key and --authorized-keys go together")
      }
      guard heartbeatInterval.seconds >= 0.001 else {
        throw ValidationError("--heartbeat-interval must be at least 1ms")
      }
      guard (1...1000).contains(heartbeatLiveness) else {
        throw ValidationError("--heartbeat-liveness must be between 1 and 1000")
      }
      if let trialTimeout,
        !CoordinatorOptions.trialTimeoutRange.contains(trialTimeout.seconds)
      {
        throw ValidationError(
          "--trial-timeout must be between 1s and 720h (30 days), for example 90s, 10m or 2h")
      }
      if let problem = EndpointCheck.problem(bind, for: .bind) {
        throw ValidationError("--bind \(bind): \(problem)")
      }
    }

    func run() throws {
      let terminal = Terminal()
      TerminalLogHandler.bootstrap(terminal, level: verbose ? .info : .notice)
      let sweepFile = try SweepCommand.load(sweep)
      let stop = StopSignal()
      let trap = SignalTrap { signal, count in
        if count == 1 { stop.raise() } else { _exit(128 + signal) }
      }
      let coordinator = try start(sweepFile, stop: stop, terminal: terminal)
      var view = CoordinatorView(terminal: terminal, coordinator: coordinator)
      let summary: CoordinatorSummary
      do {
        summary = try coordinator.run { view.show($0) }
      } catch {
        terminal.clear()
        terminal.errorLine("error: \(error)")
        throw Self.exitCode(for: error)
      }
      trap.cancel()
      terminal.clear()
      terminal.line(
        CoordinatorView.summary(summary, sweep: coordinator.sweepName, results: results))
    }

    /// Opens the store, registers the plan and binds; prints where to connect.
    func start(_ sweepFile: RecurSweep.Sweep, stop: StopSignal, terminal: Terminal) throws
      -> RecurCluster.Coordinator
    {
      let options = CoordinatorOptions(
        resultsDirectory: URL(fileURLWithPath: results), bind: bind,
        heartbeatInterval: heartbeatInterval.seconds, heartbeatLiveness: heartbeatLiveness,
        exitWhenDone: exitWhenDone,
        curve: curveSecretKey.map {
          CurveServerFiles(secretKeyPath: $0, authorizedKeysDirectory: authorizedKeys ?? "")
        }, trialTimeout: trialTimeout?.seconds)
      let coordinator: RecurCluster.Coordinator
      do {
        coordinator = try RecurCluster.Coordinator(
          sweep: sweepFile, options: options, logger: Logger(label: "recur.coordinator"),
          stopSignal: stop)
      } catch {
        terminal.errorLine("error: \(error)")
        throw Self.exitCode(for: error)
      }
      Self.releaseFreedMemory()
      let plan = coordinator.registration
      var counts = "\(plan.added) new, \(plan.kept) already stored"
      if plan.withdrawn > 0 { counts += ", \(plan.withdrawn) no longer in the sweep" }
      if coordinator.resumedTrials > 0 {
        counts += "; \(coordinator.resumedTrials) interrupted trials requeued"
      }
      terminal.line("sweep \(coordinator.sweepName): \(sweepFile.trialCount) trials (\(counts))")
      let store = options.resultsDirectory.appendingPathComponent(ResultsStore.fileName)
      terminal.line("results: \(store.path)")
      terminal.line("listening on \(coordinator.endpoint)")
      terminal.line("start workers with:")
      terminal.line("  \(workerCommand(coordinator, options))")
      return coordinator
    }

    /// The command to type on another machine.
    func workerCommand(
      _ coordinator: RecurCluster.Coordinator, _ options: CoordinatorOptions
    ) -> String {
      var command =
        "recur worker --connect \(HostName.connectAddress(forBound: coordinator.endpoint))"
      if let curve = options.curve {
        command += " --server-key \(curve.publicKeyPath) --key WORKER.key"
      }
      return command
    }

    /// Hands the memory of the plan's rows (freed once stored, interleaved with what stays)
    /// back to the system: glibc's malloc_trim(3), looked up at run time because Swift's Glibc
    /// module does not export it. About half the resident size of a 100,000-trial plan.
    static func releaseFreedMemory() {
      #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
          _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
      #endif
    }

    static func exitCode(for error: CoordinatorError) -> ExitCode {
      switch error {
      case .invalidOption: return .usage
      case .store(let store):
        switch store {
        case .missing, .cannotOpen: return .missingFile
        case .notAStore, .newerSchema, .olderSchema, .corrupt, .invalidPlan: return .badInput
        case .locked: return .unavailable
        case .readOnly, .database: return .ioError
        }
      case .wire(let wire):
        switch wire {
        case .keyFile(_, let problem) where problem.hasPrefix("no such file"): return .missingFile
        case .keyFile, .invalidKey: return .badInput
        case .call(let operation, _, _) where operation.hasPrefix("bind"):
          return wire.errno == EADDRINUSE ? .unavailable : .usage
        default: return .software
        }
      }
    }
  }
}
