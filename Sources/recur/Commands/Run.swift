import ArgumentParser
import Foundation
import RecurSweep
import RecurTraining

extension Recur {
  /// `recur run KEY=VALUE... [--out DIR] [--json]`: trains one trial in this process.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Train one trial here and now.",
      discussion: """
        Example:
          recur run task=adding seq_len=100 cell=lstm hidden=128 steps=2000 seed=1

        Keys (task and cell are required; the others have defaults):
        \(Run.keyTable)

        On a terminal a progress line shows the step, the training loss, the last evaluation \
        loss, steps per second and the time left; otherwise one line per evaluation. Writes \
        DIR/metrics.jsonl (one record per evaluation or diagnosis), DIR/model.safetensors, \
        DIR/summary.json and DIR/trial.json (the keys). A trial whose loss becomes NaN or \
        infinite is reported as diverged and exits 0. Exit codes: 64 bad key or value, 65 bad \
        data file, 66 missing data file, 73 output folder not writable.
        """
    )

    @Argument(help: "Trial keys as key=value, e.g. task=adding cell=lstm hidden=64.")
    var keys: [String] = []

    @Option(help: "Folder for the run's files (default: runs/<trial id>).")
    var out: String?

    @Flag(help: "Print the summary as one line of JSON at the end (the last line of stdout).")
    var json = false

    func validate() throws {
      if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--out needs a folder path (leave it out for runs/<trial id>)")
      }
    }

    func run() throws {
      let spec = try Self.parse(keys)
      let folderPath = out ?? "runs/\(spec.id)"
      let folder = RunFolder(path: folderPath, spec: spec)
      let display = RunDisplay(isTerminal: StandardStreams.isTerminal)
      let trial: TrialRun
      do {
        trial = try TrialRunner(spec: spec).run(
          isCancelled: { folder.failure != nil },
          onEvent: { event in
            switch event {
            case .started: folder.open()
            case .record(let record): folder.append(record)
            case .progress: break
            }
            display.show(event, spec: spec)
          })
      } catch {
        display.finish()
        if let failure = folder.failure { throw Self.fail(failure) }
        StandardStreams.error("error: \(error.description)")
        throw error.exitCode
      }
      display.finish()
      let line: String
      do {
        line = try folder.finish(trial)
      } catch {
        throw Self.fail(error)
      }
      let text = RunText.summary(trial.summary, spec: spec, folder: folderPath)
      StandardStreams.out(text.joined(separator: "\n") + "\n" + (json ? line + "\n" : ""))
    }

    private static func fail(_ error: RunFolderError) -> ExitCode {
      StandardStreams.error("error: \(error.description)")
      return ExitCode.cannotCreate
    }

    /// The trial of the arguments, or exit 64 with the parser's message.
    static func parse(_ keys: [String]) throws -> TrialSpec {
      do {
        return try TrialSpec.parse(arguments: keys)
      } catch {
        StandardStreams.error("error: \(error.description)")
        throw ExitCode.usage
      }
    }

    /// One line per trial key: name, summary, default (allowed values are in the error
    /// messages and in `recur sweep` documentation).
    static var keyTable: String {
      TrialKey.all.map { key in
        let name = key.name.padding(toLength: 15, withPad: " ", startingAt: 0)
        let value = key.defaultValue.map { "default \($0.canonical)" } ?? "required"
        var line = "  \(name)\(key.summary) [\(value)]"
        if case .choice(let words) = key.kind {
          line += "\n" + String(repeating: " ", count: 17) + words.joined(separator: ", ")
        }
        return line
      }.joined(separator: "\n")
    }
  }
}
