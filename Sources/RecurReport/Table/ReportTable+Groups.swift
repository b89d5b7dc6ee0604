/// The columns of a report, in display order: the comparison a cell study is about first
/// (loss against baseline, solved, gradient retention, saturation), then counts, losses,
/// diagnostics and timing.
extension ReportTable {
  /// One row per group; `keys` name the grouping keys, which lead.
  init(groups: [GroupSummary], keys: [String]) {
    let gates = Self.gates(in: groups)
    var definitions: [Definition] = []
    for (index, key) in keys.enumerated() {
      definitions.append(
        (
          ReportColumn(
            name: key, title: key, summary: "the trial key \(key)", kind: .key, importance: 0),
          { .text($0.keyValues[index]) }
        ))
    }
    definitions += Self.leadingColumns + Self.countColumns + Self.lossColumns
    definitions += gates.map(Self.gateColumn)
    definitions += Self.trailingColumns
    columns = definitions.map(\.0)
    rows = groups.map { group in definitions.map { $0.1(group) } }
  }

  private typealias Definition = (ReportColumn, @Sendable (GroupSummary) -> ReportValue)

  private static let leadingColumns: [Definition] = [
    (
      column(
        "loss_vs_baseline", "loss/base", .number, 1,
        "mean over finished trials of final eval loss / the task's baseline loss (< 1 beats it)"),
      { .of($0.lossOverBaseline) }
    ),
    (
      column(
        "solved", "solved", .ratio, 1,
        "trials that reached the task's solved criterion, of those with an outcome"),
      { group in group.solved.map { .ratio($0, of: group.solvedOf) } ?? .missing }
    ),
    (
      column(
        "retention_init", "ret@init", .number, 2,
        "geometric mean over seeds of ‖dL/dh_0‖/‖dL/dh_T−1‖, top layer, at step 0"),
      { .of($0.retentionInit) }
    ),
    (
      column(
        "retention_end", "ret@end", .number, 2,
        "the same ratio at the last diagnosis (finished and diverged trials)"),
      { .of($0.retentionEnd) }
    ),
    (
      column(
        "saturation", "sat", .share, 2,
        "mean over the cell's gates of their saturation (top layer, last diagnosis)"),
      { .of($0.saturationMean) }
    ),
  ]

  private static let countColumns: [Definition] = [
    (column("n", "n", .count, 1, "trials in the group"), { .count($0.counts.trials) }),
    (
      column("finished", "fin", .count, 3, "trials trained to the end"),
      { .count($0.counts.finished) }
    ),
    (
      column("diverged", "div", .count, 2, "trials whose loss became NaN or infinite"),
      { .count($0.counts.diverged) }
    ),
    (
      column("failed", "fail", .count, 2, "trials that stopped with an error"),
      { .count($0.counts.failed) }
    ),
    (
      column("lost", "lost", .count, 2, "trials whose workers vanished too often"),
      { .count($0.counts.lost) }
    ),
    (column("running", "run", .count, 2, "trials running now"), { .count($0.counts.running) }),
    (column("queued", "queue", .count, 2, "trials not started"), { .count($0.counts.queued) }),
  ]

  private static let lossColumns: [Definition] = [
    (
      column("final_eval_mean", "eval loss", .number, 1, "mean final eval loss, finished trials"),
      { .of($0.finalEvalMean) }
    ),
    (
      column(
        "final_eval_std", "±std", .number, 3,
        "sample standard deviation (n − 1) of the final eval loss over finished trials"),
      { .of($0.finalEvalStd) }
    ),
    (
      column("final_eval_median", "median", .number, 5, "median final eval loss, finished trials"),
      { .of($0.finalEvalMedian) }
    ),
    (
      column("best_eval", "best", .number, 4, "lowest eval loss reached by any trained trial"),
      { .of($0.bestEval) }
    ),
    (
      column(
        "solved_step_median", "solved@", .number, 5, "median step at which solved trials solved"),
      { .of($0.solvedStepMedian) }
    ),
    (
      column(
        "decay_per_step", "decay/t", .number, 4,
        "mean slope of ln ‖dL/dh_t‖ over t at the last diagnosis (> 0: vanishing backwards)"),
      { .of($0.decayPerStep) }
    ),
  ]

  private static let trailingColumns: [Definition] = [
    (
      column(
        "grad_norm_mean", "|grad|", .number, 5,
        "mean global gradient norm before clipping (trained trials)"),
      { .of($0.meanGradNorm) }
    ),
    (
      column("clipped_share", "clipped", .share, 5, "share of steps whose gradient was clipped"),
      { .of($0.clippedShare) }
    ),
    (
      column("final_train_mean", "train loss", .number, 6, "mean final training loss, finished"),
      { .of($0.finalTrainMean) }
    ),
    (
      column("baseline", "baseline", .number, 6, "the task's baseline loss"),
      { .of($0.baseline) }
    ),
    (
      column("bits_per_char", "bpc", .number, 4, "mean bits per character (charlm), finished"),
      { .of($0.bitsPerChar) }
    ),
    (
      column(
        "accuracy", "accuracy", .share, 4,
        "mean final evaluation accuracy (classification tasks), finished"),
      { .of($0.accuracy) }
    ),
    (
      column("parameter_count", "params", .number, 6, "trainable values of the model"),
      { .of($0.parameterCount) }
    ),
    (
      column("wall_seconds", "wall s", .number, 6, "mean wall time per finished trial, seconds"),
      { .of($0.wallSeconds) }
    ),
    (
      column("steps_per_second", "steps/s", .number, 6, "mean training steps per second"),
      { .of($0.stepsPerSecond) }
    ),
  ]

  private static func gateColumn(_ gate: String) -> Definition {
    (
      column(
        "saturation_\(gate)", "sat \(gate)", .share, 5,
        "mean saturation of gate \(gate) (top layer, last diagnosis, trained trials)"),
      { .of($0.saturation[gate]) }
    )
  }

  private static func column(
    _ name: String, _ title: String, _ kind: ReportColumn.Kind, _ importance: Int,
    _ summary: String
  ) -> ReportColumn {
    ReportColumn(name: name, title: title, summary: summary, kind: kind, importance: importance)
  }

  /// The order gates are listed in: LSTM `i f g o c`, GRU `r z n`, the tanh RNN's `h`
  /// (DESIGN.md's gate rows), then any other name alphabetically.
  static let gateOrder = ["i", "f", "g", "o", "c", "r", "z", "n", "h"]

  static func gates(in groups: [GroupSummary]) -> [String] {
    sortedGates(groups.flatMap(\.saturation.keys))
  }

  static func sortedGates(_ names: some Sequence<String>) -> [String] {
    Set(names).sorted { a, b in
      let ia = gateOrder.firstIndex(of: a) ?? gateOrder.count
      let ib = gateOrder.firstIndex(of: b) ?? gateOrder.count
      return ia != ib ? ia < ib : a < b
    }
  }
}
