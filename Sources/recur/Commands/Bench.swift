import ArgumentParser

extension Recur {
  /// `recur bench …`: benchmarks that print figures beside a baseline measured in the same run.
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Benchmarks, each with its baseline measured in the same run.",
      subcommands: [BenchEngine.self, BenchDispatch.self, BenchReport.self]
    )
  }
}
