import ArgumentParser
import Foundation
import RecurSweep

extension Recur {
  /// `recur sweep validate FILE`: every problem of a sweep file, or its trial count.
  struct SweepValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "validate",
      abstract: "Check a sweep file and count its trials.",
      discussion: """
        Prints `ok: 27 trials (cell 3 × seq_len 3 × seeds 3)`, or every problem as \
        file:line:column: what is wrong; what is expected (exit code 65; 66 if the file is \
        missing).
        """
    )

    @Argument(help: "The sweep file (YAML).")
    var file: String

    func run() throws {
      let sweep = try SweepCommand.load(file)
      let noun = sweep.trialCount == 1 ? "trial" : "trials"
      print("ok: \(sweep.trialCount) \(noun) (\(sweep.countDescription))")
    }
  }
}

extension Recur.SweepCommand {
  /// Loads a sweep file, printing its problems to stderr and exiting 65 (66 if missing).
  static func load(_ path: String) throws -> Sweep {
    do {
      return try Sweep.load(path: path)
    } catch {
      printError(error.description)
      switch error {
      case .missingFile: throw ExitCode.missingFile
      case .invalid: throw ExitCode.badInput
      }
    }
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
