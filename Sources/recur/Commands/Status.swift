import ArgumentParser
import Foundation
import RecurStore

extension Recur {
  /// `recur status DIR [--json]`: a sweep's progress, read from its store (also while the
  /// coordinator writes it; the read never blocks it).
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a sweep's progress from its results folder, also while it runs.",
      discussion: """
        With --json, prints one object with the counts trials, queued, running, finished, \
        diverged, failed, lost, attempts (attempts started, all trials together) and \
        duplicates (late results kept aside), plus done (every trial has an outcome), \
        outside_plan and sweep, so that scripts can wait on it.

        It also counts what the coordinators dropped or refused from the network, all their \
        runs on this folder together: malformed_messages (messages that did not decode: \
        malformed, truncated, oversized, of an unknown type or of another protocol version), \
        of them oversized_messages (a frame above 16 MiB) and protocol_mismatches (another \
        protocol version); foreign_reports (results or metrics from a worker that does not \
        run that attempt); closed_connections (connections closed before any hello); \
        turned_away (hellos ignored: as many workers as the coordinator takes). Without \
        --json, a line "dropped from the network" lists those that are not zero.
        """)

    @Argument(help: "The results folder (the coordinator's --results), or its results.sqlite.")
    var directory: String

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    /// Running trials and failures listed in the human view, at most.
    static let listLimit = 10

    func run() throws {
      do {
        let store = try ResultsStore.openForReading(directory: ResultsFolder.url(directory))
        let sweep = try store.sweep()
        let counts = try store.statusCounts()
        let network = try store.networkProblemCounts()
        if json {
          print(try Self.json(counts: counts, network: network, sweep: sweep))
        } else {
          let table = try Self.table(store: store, counts: counts, network: network, sweep: sweep)
          print(table, terminator: "")
        }
      } catch let error as StoreError {
        FileHandle.standardError.write(Data("recur status: \(error)\n".utf8))
        throw Self.exitCode(for: error)
      }
    }

    /// One JSON object, keys sorted: the counts, `done`, `outside_plan`, `sweep` and the
    /// network problem counts.
    static func json(
      counts: StatusCounts, network: NetworkProblemCounts, sweep: SweepRecord?
    ) throws -> String {
      var object: [String: Any] = [
        "trials": counts.trials, "queued": counts.queued, "running": counts.running,
        "finished": counts.finished, "diverged": counts.diverged, "failed": counts.failed,
        "lost": counts.lost, "attempts": counts.attempts, "duplicates": counts.duplicates,
        "outside_plan": counts.outsidePlan, "done": counts.isDone,
        "sweep": sweep.map { $0.info.name as Any } ?? NSNull(),
      ]
      for (key, value) in Self.networkFields(network) { object[key] = value }
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }

    /// The human view: sweep, counts by state, running trials, failures, latest events.
    static func table(
      store: ResultsStore, counts: StatusCounts, network: NetworkProblemCounts,
      sweep: SweepRecord?
    ) throws -> String {
      guard let sweep else {
        return "\(store.path): no plan stored yet (the coordinator is starting?).\n"
      }
      let done = counts.trials - counts.queued - counts.running
      let percent = counts.trials == 0 ? 100 : 100 * done / counts.trials
      var text = "Sweep \(sweep.info.name) (\(sweep.info.filePath)), started "
      text += "\(sweep.createdAt.formatted(.iso8601))\n"
      text += "\(done) of \(counts.trials) trials have an outcome (\(percent)%)"
      text += counts.isDone ? ": done.\n" : ".\n\n"
      let rows: [(String, Int)] = [
        ("finished", counts.finished), ("diverged", counts.diverged), ("failed", counts.failed),
        ("lost", counts.lost), ("running", counts.running), ("queued", counts.queued),
        ("attempts", counts.attempts), ("duplicates", counts.duplicates),
      ]
      if counts.isDone { text += "\n" }
      for (name, value) in rows {
        text += "  " + name.padding(toLength: 12, withPad: " ", startingAt: 0)
        text += String(repeating: " ", count: max(0, 8 - String(value).count)) + "\(value)\n"
      }
      if counts.outsidePlan > 0 {
        text += "  (\(counts.outsidePlan) stored trials are no longer in the sweep file)\n"
      }
      if let line = droppedLine(network) { text += "\n" + line + "\n" }
      text += try listing(store.trials(state: .running), title: "Running") { trial in
        "attempt \(trial.attempts) on \(trial.worker ?? "?")@\(trial.host ?? "?")"
      }
      text += try listing(store.trials(state: .failed), title: "Failed") { trial in
        String((trial.error ?? "no message").prefix(100))
      }
      return text
    }

    /// A titled list of at most `listLimit` trials, one line each: id, keys, detail.
    static func listing(
      _ trials: [TrialRecord], title: String, detail: (TrialRecord) -> String
    ) -> String {
      guard !trials.isEmpty else { return "" }
      var text = "\n\(title):\n"
      for trial in trials.prefix(listLimit) {
        let keys = trial.keys.keys.sorted().map { "\($0)=\(trial.keys[$0] ?? "")" }
        text += "  \(trial.id)  \(keys.joined(separator: " "))  \(detail(trial))\n"
      }
      if trials.count > listLimit { text += "  … and \(trials.count - listLimit) more\n" }
      return text
    }

    /// sysexits: a missing folder or store is 66, a file that is not a readable store 65.
    private static func exitCode(for error: StoreError) -> ExitCode {
      switch error {
      case .missing, .cannotOpen: .missingFile
      case .notAStore, .newerSchema, .olderSchema, .corrupt: .badInput
      case .locked, .readOnly, .invalidPlan, .database: .software
      }
    }
  }
}
