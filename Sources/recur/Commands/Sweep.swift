import ArgumentParser

extension Recur {
  /// `recur sweep …`: sweep files. Named `SweepCommand` so as not to hide `RecurSweep.Sweep`.
  struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sweep",
      abstract: "Check and expand sweep files.",
      subcommands: [SweepValidate.self, SweepExpand.self]
    )
  }
}
