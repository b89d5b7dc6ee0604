import ArgumentParser

/// The `recur` command line: thin commands that parse, call a library, and map errors to exit
/// codes (`ExitCodes.swift`).
@main
struct Recur: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recur",
    abstract: "Hyperparameter sweeps of recurrent networks across processes and machines.",
    version: "0.1.0",
    subcommands: [
      CoordinatorCommand.self,
      Keys.self,
      SweepCommand.self,
      Status.self,
      Run.self,
      Probe.self,
      Report.self,
      Bench.self,
      WorkerCommand.self,
    ]
  )

  /// Every command runs with the OpenBLAS settings the engine needs (`TunedBLAS`): a worker
  /// or `recur run` on OpenBLAS's generic fallback kernels trains about 5x slower.
  static func main() {
    TunedBLAS.restartIfNeeded()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: error)
    }
  }
}
