import ArgumentParser
import Foundation
import RecurSweep

extension Recur {
  /// `recur sweep expand FILE [--json]`: the trials of a sweep, one per line, in run order.
  struct SweepExpand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "expand",
      abstract: "List the trials of a sweep file, one per line, in run order.",
      discussion: """
        Each line holds a trial's id and every resolved key as key=value, the swept keys \
        first (only those with --swept). With --json, each line is \
        {"id": …, "ordinal": …, "swept": [the swept keys], "keys": {every trial key}}.
        """
    )

    @Argument(help: "The sweep file (YAML).")
    var file: String

    @Flag(help: "One JSON object per line.")
    var json = false

    @Flag(help: "Show only the keys the sweep varies.")
    var swept = false

    func run() throws {
      let sweep = try SweepCommand.load(file)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      var output = ""
      for trial in sweep.expand() {
        if json {
          let line = try encoder.encode(Line(trial))
          output += String(decoding: line, as: UTF8.self) + "\n"
        } else {
          let keys = swept ? trial.label : Self.keys(of: trial)
          output += trial.id + (keys.isEmpty ? "" : "  " + keys) + "\n"
        }
        if output.utf8.count > 1 << 16 {
          FileHandle.standardOutput.write(Data(output.utf8))
          output = ""
        }
      }
      FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// Every resolved key, the swept ones first.
    private static func keys(of trial: PlannedTrial) -> String {
      let rest = trial.spec.resolvedKeys().filter { !trial.sweptKeys.contains($0.key) }
      let others = rest.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      return trial.label.isEmpty ? others : trial.label + " " + others
    }

    /// One JSON line of `--json`.
    private struct Line: Encodable {
      let id: String
      let ordinal: Int
      let swept: [String]
      let keys: TrialSpec

      init(_ trial: PlannedTrial) {
        id = trial.id
        ordinal = trial.ordinal
        swept = trial.sweptKeys
        keys = trial.spec
      }
    }
  }
}
