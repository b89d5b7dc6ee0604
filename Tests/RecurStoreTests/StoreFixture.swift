import Foundation
import RecurStore

/// A results folder in the temporary directory, removed when the fixture goes away.
final class StoreFixture {
  let directory: URL

  init() {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "recur-store-tests-\(UUID().uuidString)")
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  var storePath: String { directory.appendingPathComponent(ResultsStore.fileName).path }

  func writer() throws -> ResultsStore {
    try ResultsStore.openForWriting(directory: directory, durability: .normal)
  }

  func reader() throws -> ResultsStore {
    try ResultsStore.openForReading(directory: directory)
  }

  /// A writer with `plan` registered.
  func writer(with plan: [PlannedTrialRow], attemptsAllowed: Int = 2) throws -> ResultsStore {
    let store = try writer()
    try store.registerPlan(sweep: Self.sweep(attemptsAllowed: attemptsAllowed), trials: plan)
    return store
  }

  /// Overwrites bytes of the closed store's 100-byte header (SQLite file format, §1.3:
  /// <https://www.sqlite.org/fileformat.html#the_database_header>).
  func patchHeader(at offset: Int, with bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: storePath)
    var data = try Data(contentsOf: url)
    data.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    try data.write(to: url)
  }

  static func sweep(attemptsAllowed: Int = 2, text: String = "name: cells\n") -> SweepInfo {
    SweepInfo(
      name: "cells", filePath: "experiments/cells.yaml", fileText: text,
      sweptKeys: ["cell", "seed"], metric: "final_eval_loss", attemptsAllowed: attemptsAllowed)
  }

  /// `count` trials with ids `t0`, `t1`, … in that order.
  static func plan(_ count: Int, prefix: String = "t") -> [PlannedTrialRow] {
    (0..<count).map { index in
      trial("\(prefix)\(index)", ordinal: index)
    }
  }

  static func trial(_ id: String, ordinal: Int) -> PlannedTrialRow {
    let cell = ["rnn", "lstm", "gru"][ordinal % 3]
    return PlannedTrialRow(
      id: id, ordinal: ordinal, specJSON: "{\"cell\":\"\(cell)\",\"seed\":\(ordinal)}",
      keys: ["cell": cell, "seed": "\(ordinal)"])
  }

  static func summary(finalEvalLoss: Double) -> String {
    "{\"final_loss\":0.5,\"final_eval_loss\":\(finalEvalLoss),\"steps_done\":100,"
      + "\"solved\":false,\"diverged_at_step\":null,\"wall_seconds\":1.25}"
  }
}
