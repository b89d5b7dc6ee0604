import Foundation
import RecurSweep
import Testing

@testable import RecurCluster

@Suite struct PlanRowsTests {
  @Test func specJSONDecodesToTheSameTrial() throws {
    let sweep = try Sweep.parse(
      text: """
        name: t
        fixed: {task: charlm, steps: 3, data: "a \\"quoted\\" path\\\\x.txt", lr: 0.00001}
        parameters:
          cell: {values: [rnn, lstm]}
          clip: {values: [0, 0.5]}
        """, path: "t.yaml")
    let plan = SweepPlanRows(sweep: sweep)
    let trials = sweep.expand()
    #expect(plan.rows.count == trials.count)
    for (row, trial) in zip(plan.rows, trials) {
      let decoded = try JSONDecoder().decode(TrialSpec.self, from: Data(row.specJSON.utf8))
      #expect(decoded == trial.spec)
      #expect(decoded.id == row.id)
      #expect(row.keys["cell"] == trial.spec.cell.rawValue)
    }
    for row in plan.rows {
      #expect(try TrainingExecutor.decode(Data(row.specJSON.utf8)).id == row.id)
    }
    #expect(plan.info.attemptsAllowed == sweep.attempts)
    #expect(plan.labels[trials[0].id] == trials[0].label)
  }

  @Test func idsSpecsAndLabelsFollowThePlanOrder() throws {
    let sweep = try Sweep.parse(
      text: """
        name: t
        fixed: {task: noop}
        parameters:
          cell: {values: [rnn, lstm, gru]}
          hidden: {values: [4, 8]}
        seeds: [1, 2]
        """, path: "t.yaml")
    let plan = SweepPlanRows(sweep: sweep)
    let trials = sweep.expand()
    #expect(plan.ids == trials.map(\.id))
    #expect(plan.rows.map(\.ordinal) == Array(0..<trials.count))
    for (row, trial) in zip(plan.rows, trials) {
      #expect(plan.specs[trial.id] == row.specJSON)
      #expect(plan.labels[trial.id] == trial.label)
      #expect(row.keys["hidden"] == String(trial.spec.hidden))
      #expect(row.keys["seed"] == String(trial.spec.seed))
    }
  }

  @Test func filteredPackedStringsKeepOnlyTheChosenKeys() {
    var strings = PackedStrings()
    for (key, value) in [("a", "{\"x\":1}"), ("b", "β"), ("c", "")] {
      strings.insert(value, for: key)
    }
    let kept = strings.filter { $0 != "a" }
    #expect(kept.count == 2)
    #expect(kept["a"] == nil && kept["b"] == "β" && kept["c"] == "")
    #expect(kept.data("b") == Data("β".utf8))
  }
}

/// The worker's reading of a spec (`FlatJSONObject`'s own cases are in RecurJSONTests).
@Suite struct TrainingExecutorSpecTests {
  @Test(arguments: ["a \"quoted\" path", "a=b\\c /é😀 \"x\""])
  func aSpecWithEscapesIsDecoded(data: String) throws {
    var spec = TrialSpec(task: .charlm, cell: .gru)
    spec.data = data
    let decoded = try TrainingExecutor.decode(Data(SweepPlanRows.json(spec).utf8))
    #expect(decoded == spec)
  }

  @Test func anInvalidSpecFailsWithTheDecodersError() {
    #expect(throws: (any Error).self) {
      try TrainingExecutor.decode(Data(#"{"task": "adding", "cell": "lstn"}"#.utf8))
    }
  }
}
