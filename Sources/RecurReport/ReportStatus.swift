import RecurStore

/// How far the sweep has come, in one sentence for the top of every report: whether the
/// figures cover every trial or only those done so far.
public struct ReportStatus: Sendable, Hashable {
  /// The counts of the trials the report covers (after `--where`).
  public var counts: StatusCounts
  /// Trials in the sweep before filtering.
  public var total: Int

  /// Every trial has an outcome (finished, diverged, failed or lost).
  public var isComplete: Bool { counts.trials > 0 && counts.isDone }
  /// Trials with an outcome.
  public var done: Int { counts.finished + counts.diverged + counts.failed + counts.lost }

  /// The sentence: what is done, what is not, and what the tables cover.
  public var message: String {
    let filtered = counts.trials < total ? " (\(counts.trials) of \(total) after --where)" : ""
    if counts.trials == 0 {
      return total == 0
        ? "No trials yet: no sweep plan is registered in this store."
        : "No trial matches the filters (\(total) trials in the sweep)."
    }
    let outcomes = outcomeList()
    if isComplete {
      return "All \(counts.trials) trials done\(filtered): \(outcomes)."
    }
    let waiting = "\(counts.running) running, \(counts.queued) queued"
    if counts.finished == 0 {
      return "No trial has finished yet\(filtered): \(done) of \(counts.trials) have an outcome"
        + (done > 0 ? " (\(outcomes))" : "") + ", \(waiting). The table shows counts and "
        + "whatever the unfinished trials measured so far."
    }
    return "Partial results\(filtered): \(done) of \(counts.trials) trials have an outcome "
      + "(\(outcomes)), \(waiting). Figures cover the trials done so far; see the counts."
  }

  private func outcomeList() -> String {
    let parts = [
      (counts.finished, "finished"), (counts.diverged, "diverged"), (counts.failed, "failed"),
      (counts.lost, "lost"),
    ]
    let listed = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return listed.isEmpty ? "none" : listed.joined(separator: ", ")
  }
}

extension Report {
  /// The sweep's progress over the trials this report covers.
  public var status: ReportStatus {
    var counts = StatusCounts()
    for group in groups {
      for state in TrialState.allCases { counts[state] += group.counts[state] }
      counts.trials += group.counts.trials
    }
    return ReportStatus(counts: counts, total: snapshot.trials.count)
  }
}
