import Foundation
import RecurStore
import Testing

@testable import RecurReport

@Suite struct LiveSweepTests {
  @Test func aReportDuringAnOpenWriteTransactionSeesTheLastCommit() throws {
    let fixture = try SweepFixture(
      trials: SweepFixture.cellTrials(cells: ["rnn", "lstm"], seeds: [1, 2]))
    try fixture.run(
      "t0", records: [["step": 0, "eval_loss": 0.3]], summary: ["final_eval_loss": 0.3])
    let inside = try fixture.store.write { transaction -> Report in
      let attempt = try #require(
        try transaction.startAttempt(trialID: "t1", worker: "w", host: "h"))
      _ = try transaction.recordResults([
        ResultRow(trialID: "t1", attempt: attempt, outcome: .finished, summaryJSON: "{}")
      ])
      // Still inside the writer's transaction: the report neither blocks nor sees it.
      return try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    }
    #expect(inside.status.counts.finished == 1 && inside.status.counts.queued == 3)
    #expect(inside.status.message.hasPrefix("Partial results: 1 of 4"))
    let after = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    #expect(after.status.counts.finished == 2)
  }

  @Test func reportsReadWhileAWriterKeepsWriting() async throws {
    let fixture = try SweepFixture(
      trials: SweepFixture.cellTrials(cells: ["rnn", "lstm", "gru"], seeds: [1, 2, 3, 4]))
    let store = fixture.store
    let directory = fixture.directory
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        for index in 0..<12 {
          let id = "t\(index)"
          let attempt = try #require(try store.startAttempt(trialID: id, worker: "w", host: "h"))
          for step in stride(from: 0, through: 200, by: 50) {
            let record =
              "{\"step\":\(step),\"eval_loss\":\(1.0 / Double(step + 1)),"
              + "\"hidden_grad_norm\":[[0.1,0.5,1.0]],\"saturation\":{\"l0.h\":0.2}}"
            try store.appendMetrics([MetricRow(trialID: id, attempt: attempt, recordJSON: record)])
          }
          _ = try store.recordResults([
            ResultRow(
              trialID: id, attempt: attempt, outcome: .finished,
              summaryJSON: "{\"final_eval_loss\":\(1.0 / 201),\"baseline_loss\":0.5}")
          ])
        }
      }
      group.addTask {
        var previous = 0
        for _ in 0..<15 {
          let report = try Report(snapshot: SweepSnapshot.read(directory: directory))
          let counts = report.status.counts
          #expect(counts.trials == 12)
          #expect(counts.finished >= previous)
          previous = counts.finished
          #expect(counts.finished + counts.running + counts.queued == 12)
          #expect(
            report.groups.allSatisfy { $0.finalEvalMean == nil || $0.finalEvalMean == 1.0 / 201 })
          #expect(!report.render(.json).isEmpty && !report.html().contains("NaN"))
        }
      }
      try await group.waitForAll()
    }
    let done = try Report(snapshot: SweepSnapshot.read(directory: directory))
    #expect(done.status.isComplete && done.status.counts.finished == 12)
  }

  @Test func aSweepWithNoFinishedTrialShowsCountsAndSaysSo() throws {
    let fixture = try SweepFixture(
      trials: SweepFixture.cellTrials(cells: ["rnn", "gru"], seeds: [1]))
    try fixture.run(
      "t0", records: [["step": 0, "eval_loss": 0.3], ["step": 10, "eval_loss": 0.2]], outcome: nil)
    let report = try Report(snapshot: SweepSnapshot.read(directory: fixture.directory))
    #expect(report.status.message.hasPrefix("No trial has finished yet"))
    #expect(report.status.message.contains("1 running, 1 queued"))
    let rnn = try #require(report.groups.first)
    #expect(rnn.counts.running == 1 && rnn.finalEvalMean == nil && rnn.solved == nil)
    // The running trial's curve is already drawn.
    let html = report.html()
    #expect(html.contains("id=\"loss\"") && html.contains("<svg"))
    #expect(report.render(.table, width: 200).contains("run"))
  }
}
