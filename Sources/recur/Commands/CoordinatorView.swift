import Foundation
import RecurCluster
import RecurStore

/// What `recur coordinator` shows while it runs: on a terminal, a live block (counts, rate,
/// ETA, each worker and its trial) redrawn in place, with notable events printed above it;
/// otherwise one line per event, for logs and pipes.
struct CoordinatorView {
  let terminal: Terminal
  let coordinator: RecurCluster.Coordinator
  private var lastDraw = ContinuousClock.now - .seconds(1)

  init(terminal: Terminal, coordinator: RecurCluster.Coordinator) {
    self.terminal = terminal
    self.coordinator = coordinator
  }

  /// Shows `event`; `nil` is the loop's periodic tick (redraw only).
  mutating func show(_ event: CoordinatorEvent?) {
    if let event, let text = Self.text(of: event, interactive: terminal.isInteractive) {
      terminal.line(text)
    }
    guard terminal.isInteractive else { return }
    let now = ContinuousClock.now
    guard event == nil || now - lastDraw >= .milliseconds(250) else { return }
    lastDraw = now
    terminal.draw(Self.block(coordinator.snapshot(), sweep: coordinator.sweepName))
  }

  /// One line for an event; on a terminal, only the notable ones (the block shows the rest).
  static func text(of event: CoordinatorEvent, interactive: Bool) -> String? {
    switch event {
    case .workerJoined(let name, let host, let cores, let rejoined):
      return "worker \(name) \(rejoined ? "rejoined" : "joined") (\(host), \(cores) cores)"
    case .workerLeft(let name, let silent):
      return silent ? "worker \(name) fell silent and was dropped" : "worker \(name) left"
    case .trialStarted(let id, let attempt, let worker, let label):
      return interactive ? nil : "start    \(id)#\(attempt) on \(worker)  \(label)"
    case .trialResumed(let id, let attempt, let worker):
      return "resumed  \(id)#\(attempt) on \(worker) (it kept running there)"
    case .trialEnded(let id, let attempt, let worker, let state, let label, let error):
      let line =
        "\(state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
        + "\(id)#\(attempt) on \(worker)  \(label)"
      if state == .failed, let error { return line + "\n  error: \(error)" }
      return interactive && state == .finished ? nil : line
    case .trialTimedOut(let id, let attempt, let worker, let label, let error):
      return "timeout  \(id)#\(attempt) on \(worker)  \(label)\n  error: \(error)"
    case .duplicateResult(let id, let attempt, let worker):
      return "duplicate result of \(id)#\(attempt) from \(worker), kept aside"
    case .trialRequeued(let id, let attempt, let worker):
      return "requeued \(id) (attempt \(attempt) on \(worker) abandoned)"
    case .trialLost(let id, let attempt, let worker):
      return "lost     \(id) (attempt \(attempt) on \(worker); no attempts left)"
    case .malformedMessage, .protocolMismatch:
      return nil  // logged by the coordinator, once per peer
    case .sweepDone:
      return "every trial has an outcome"
    case .stopping(let reason):
      return "stopping (\(reason)): no more trials handed out; telling the workers"
    }
  }

  /// The live block.
  static func block(_ snapshot: CoordinatorSnapshot, sweep: String) -> [String] {
    let c = snapshot.counts
    var lines = [
      "sweep \(sweep): \(c.finished) finished · \(c.running) running · \(c.queued) queued · "
        + "\(c.diverged) diverged · \(c.failed) failed · \(c.lost) lost  (of \(c.trials))",
      "\(rate(snapshot.trialsPerHour)) · ETA \(duration(snapshot.secondsLeft)) · elapsed "
        + "\(duration(snapshot.elapsed)) · \(snapshot.workers.count) worker\(snapshot.workers.count == 1 ? "" : "s")"
        + (snapshot.malformedMessages > 0
          ? " · \(snapshot.malformedMessages) malformed messages dropped" : ""),
    ]
    let shown = snapshot.workers.prefix(20)
    let width = shown.map(\.name.count).max() ?? 0
    for worker in shown {
      let name = worker.name.padding(toLength: width, withPad: " ", startingAt: 0)
      lines.append("  \(name)  " + (worker.trial.map { "\($0)  \(worker.label)" } ?? "idle"))
    }
    if snapshot.workers.count > shown.count {
      lines.append("  … and \(snapshot.workers.count - shown.count) more workers")
    }
    return lines
  }

  /// The table printed at the end.
  static func summary(_ summary: CoordinatorSummary, sweep: String, results: String) -> String {
    let c = summary.counts
    let rows: [(String, Int)] = [
      ("trials", c.trials), ("finished", c.finished), ("diverged", c.diverged),
      ("failed", c.failed), ("lost", c.lost), ("queued", c.queued), ("running", c.running),
      ("attempts", c.attempts), ("duplicates", c.duplicates),
    ]
    let ending = summary.ending == .done ? "done" : "stopped"
    var text =
      "sweep \(sweep) \(ending) after \(duration(summary.wallSeconds)); "
      + "results in \(results)\n"
    for (name, value) in rows {
      text += "  \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)\n"
    }
    if summary.malformedMessages > 0 {
      let oversized = summary.oversizedMessages
      text += "  (\(summary.malformedMessages) malformed messages dropped"
      text += oversized > 0 ? ", \(oversized) of them oversized)\n" : ")\n"
    }
    if summary.foreignReports > 0 {
      text += "  (\(summary.foreignReports) results or metrics from workers that do not run "
      text += "the attempt, ignored)\n"
    }
    if summary.turnedAway > 0 {
      text += "  (\(summary.turnedAway) hellos ignored: too many workers at once)\n"
    }
    if summary.closedConnections > 0 {
      text += "  (\(summary.closedConnections) connections closed before any hello)\n"
    }
    return text
  }

  static func rate(_ perHour: Double?) -> String {
    guard let perHour else { return "– trials/h" }
    return perHour >= 100
      ? "\(Int(perHour.rounded())) trials/h"
      : String(
        format: "%.1f trials/h", perHour)
  }

  static func duration(_ seconds: Double?) -> String {
    guard let seconds, seconds.isFinite else { return "–" }
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
    return "\(total / 3600)h\(String(format: "%02d", total % 3600 / 60))m"
  }
}
