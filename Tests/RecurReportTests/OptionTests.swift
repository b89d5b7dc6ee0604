import Foundation
import RecurStore
import Testing

@testable import RecurReport

@Suite struct OptionTests {
  static func snapshot() throws -> SweepSnapshot {
    let fixture = try SweepFixture(
      sweptKeys: ["cell", "seq_len", "seed"],
      trials: SweepFixture.cellTrials(
        cells: ["rnn", "lstm"], seeds: [1, 2], extra: ["seq_len": "50"])
        + SweepFixture.cellTrials(cells: ["gru"], seeds: [1], extra: ["seq_len": "100"]))
    for (index, loss) in [0.4, 0.1, 0.5, 0.3, 0.15].enumerated() {
      try fixture.run("t\(index)", summary: ["final_eval_loss": loss, "solved": loss < 0.25])
    }
    return try SweepSnapshot.read(directory: fixture.directory)
  }

  @Test func groupByChosenKeys() throws {
    let report = try Report(snapshot: Self.snapshot(), options: ReportOptions(groupBy: ["seq_len"]))
    #expect(report.groupKeys == ["seq_len"])
    #expect(report.groups.map(\.keyValues) == [["50"], ["100"]])
    #expect(report.groups.map(\.counts.trials) == [4, 1])
    let all = try Report(snapshot: Self.snapshot(), options: ReportOptions(groupBy: []))
    #expect(all.groups.count == 1 && all.groups[0].counts.trials == 5)
  }

  @Test func whereFiltersAndMatchesNumbersByValue() throws {
    let snapshot = try Self.snapshot()
    let one = try Report(
      snapshot: snapshot, options: ReportOptions(filters: [ReportFilter(parsing: "seq_len=5e1")]))
    #expect(one.groups.map(\.keyValues) == [["rnn", "50"], ["lstm", "50"]])
    let either = try Report(
      snapshot: snapshot,
      options: ReportOptions(filters: [
        ReportFilter(key: "cell", value: "rnn"), ReportFilter(key: "cell", value: "gru"),
      ]))
    #expect(either.groups.map { $0.keyValues[0] } == ["rnn", "gru"])
    #expect(either.status.message.contains("3 of 5 after --where"))
  }

  @Test func sortAscendingAndDescendingKeepsMissingValuesLast() throws {
    let snapshot = try Self.snapshot()
    let up = try Report(
      snapshot: snapshot,
      options: ReportOptions(groupBy: ["cell"], sort: ReportSort(parsing: "final_eval_mean")))
    #expect(up.groups.map { $0.keyValues[0] } == ["gru", "lstm", "rnn"])
    let down = try Report(
      snapshot: snapshot,
      options: ReportOptions(groupBy: ["cell"], sort: ReportSort(parsing: "-final_eval_mean")))
    #expect(down.groups.map { $0.keyValues[0] } == ["rnn", "lstm", "gru"])
    #expect(down.table.rows.map { $0[0] } == [.text("rnn"), .text("lstm"), .text("gru")])
    let bySolved = try Report(
      snapshot: snapshot,
      options: ReportOptions(groupBy: ["cell"], sort: ReportSort(parsing: "-solved")))
    // gru 1/1, lstm 1/2, rnn 0/2.
    #expect(bySolved.groups.map { $0.keyValues[0] } == ["gru", "lstm", "rnn"])
    let missingLast = try Report(
      snapshot: snapshot,
      options: ReportOptions(groupBy: ["cell"], sort: ReportSort(parsing: "-final_eval_std")))
    #expect(missingLast.groups.last?.keyValues == ["gru"])
    let byKey = try Report(
      snapshot: snapshot,
      options: ReportOptions(groupBy: ["cell"], sort: ReportSort(parsing: "-cell")))
    #expect(byKey.groups.map { $0.keyValues[0] } == ["gru", "lstm", "rnn"])
  }

  @Test func columnsChooseAndOrderTheTable() throws {
    let report = try Report(
      snapshot: Self.snapshot(), options: ReportOptions(columns: ["n", "cell", "solved"]))
    #expect(report.table.columns.map(\.name) == ["n", "cell", "solved"])
    let csv = report.render(.csv)
    #expect(csv.hasPrefix("n,cell,solved,solved_of\r\n"))
  }

  @Test func misspeltNamesGetASuggestion() throws {
    let snapshot = try Self.snapshot()
    #expect(NameSuggestion.nearest(to: "cel", in: ["cell", "seed"]) == "cell")
    #expect(NameSuggestion.nearest(to: "speed", in: ["cell", "task"]) == nil)
    #expect(NameSuggestion.distance("ab", "ba") == 1)
    #expect(NameSuggestion.distance("kitten", "sitting") == 3)
    do {
      _ = try Report(snapshot: snapshot, options: ReportOptions(sort: ReportSort(column: "slovd")))
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("did you mean \"solved\"?"))
    }
    do {
      _ = try Report(
        snapshot: snapshot,
        options: ReportOptions(filters: [ReportFilter(key: "cell", value: "lstn")]))
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("did you mean \"lstm\"?"))
    }
  }

  @Test func unknownNamesAreErrorsThatListWhatExists() throws {
    let snapshot = try Self.snapshot()
    #expect(throws: ReportError.self) {
      try Report(snapshot: snapshot, options: ReportOptions(sort: ReportSort(parsing: "-speed")))
    }
    do {
      _ = try Report(snapshot: snapshot, options: ReportOptions(sort: ReportSort(column: "speed")))
      Issue.record("no error")
    } catch {
      guard case .unknownColumn("speed", "--sort", let available) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(available.contains("loss_vs_baseline") && available.contains("cell"))
      #expect(error.description.contains("Columns: cell, seq_len, loss_vs_baseline"))
    }
    do {
      _ = try Report(snapshot: snapshot, options: ReportOptions(groupBy: ["cel"]))
      Issue.record("no error")
    } catch {
      #expect(
        error
          == .unknownKey(
            "cel", option: "--group-by", available: ["cell", "seed", "seq_len", "task"]))
    }
    do {
      _ = try Report(
        snapshot: snapshot,
        options: ReportOptions(filters: [ReportFilter(key: "cell", value: "lstn")]))
      Issue.record("no error")
    } catch {
      #expect(
        error == .unknownValue(key: "cell", value: "lstn", available: ["rnn", "lstm", "gru"]))
    }
    #expect(
      throws: ReportError.unknownKey(
        "hidden", option: "--where", available: ["cell", "seed", "seq_len", "task"])
    ) {
      try Report(
        snapshot: snapshot,
        options: ReportOptions(filters: [ReportFilter(key: "hidden", value: "1")]))
    }
    #expect(
      throws: ReportError.unknownColumn(
        "speed", option: "--columns",
        available: try Report(snapshot: snapshot).table.columns.map(\.name))
    ) {
      try Report(snapshot: snapshot, options: ReportOptions(columns: ["speed"]))
    }
    #expect(throws: ReportError.malformedFilter("cell")) { try ReportFilter(parsing: "cell") }
    #expect(throws: ReportError.malformedFilter("=x")) { try ReportFilter(parsing: "=x") }
  }
}
