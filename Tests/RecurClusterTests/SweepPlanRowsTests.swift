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
    #expect(plan.info.attemptsAllowed == sweep.attempts)
    #expect(plan.labels[trials[0].id] == trials[0].label)
  }

  @Test func controlCharactersAreEscaped() {
    #expect(SweepPlanRows.jsonString("a\u{1}b\n\"") == "\"a\\u0001b\\n\\\"\"")
  }
}
