import Foundation
import RecurSweep
import Testing

/// Every sweep file shipped under experiments/ is valid and says what it asks and how long
/// it takes.
@Suite struct ExperimentsTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("experiments")

  static var files: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
  }

  @Test func theIssueListIsShipped() {
    let required = [
      "smoke.yaml", "cells-adding.yaml", "cells-copy.yaml", "temporal-order-clipping.yaml",
      "init-saturation.yaml", "charlm.yaml",
    ]
    #expect(Set(required).isSubset(of: Set(Self.files)))
  }

  @Test(arguments: files)
  func validatesAndStartsWithItsQuestionAndRunTime(file: String) throws {
    let path = Self.folder.appendingPathComponent(file).path
    let sweep = try Sweep.load(path: path)
    #expect(sweep.trialCount > 0)
    #expect(Set(sweep.expand().map(\.id)).count == sweep.trialCount)
    let head = sweep.text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(
      separator: " ")
    #expect(head.contains("Question:"))
    #expect(head.contains("Run time on 2 local workers"))
    #expect(head.contains("estimate") || head.contains("measured"))
  }

  /// README's first command runs it: it must stay within seconds of training on 2 workers.
  @Test func smokeIsSmallAndCoversTheThreeCells() throws {
    let sweep = try Sweep.load(path: Self.folder.appendingPathComponent("smoke.yaml").path)
    let trials = sweep.expand()
    #expect(Set(trials.map(\.spec.cell)) == [.rnn, .lstm, .gru])
    #expect(trials.count <= 6)
    for spec in trials.map(\.spec) {
      #expect(spec.task == .adding && spec.seqLen == 20)
      #expect(spec.hidden <= 32 && spec.steps <= 2000 && spec.batch <= 32)
    }
  }

  @Test func cellsAddingIsTheComparisonOfTheIssue() throws {
    let sweep = try Sweep.load(
      path: Self.folder.appendingPathComponent("cells-adding.yaml").path)
    #expect(sweep.countDescription == "cell 3 × seq_len 3 × seeds 3")
    #expect(Set(sweep.expand().map(\.spec.seqLen)) == [50, 100, 200])
  }
}
