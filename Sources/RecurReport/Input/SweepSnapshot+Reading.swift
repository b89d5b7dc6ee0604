import Foundation
import RecurStore

extension SweepSnapshot {
  /// Reads the sweep in `directory` through a read-only connection, which never blocks a
  /// coordinator writing the same store and never writes.
  ///
  /// `directory` may also name the `results.sqlite` file itself.
  ///
  /// - Throws: `StoreError.missing` if there is no such folder or store, `.notAStore` or
  ///   `.newerSchema`/`.olderSchema` if the file is not a store this build reads.
  public static func read(directory: URL) throws -> SweepSnapshot {
    let folder = storeFolder(for: directory)
    let store = try ResultsStore.openForReading(directory: folder)
    defer { try? store.close() }
    return try read(from: store)
  }

  /// Reads the sweep from an open store (reader or writer).
  ///
  /// Each store query sees the last commit when it starts, so while a sweep runs a trial's
  /// records may be a little newer than its state: a trial read as running may already have
  /// its final record. Reports take the state as read.
  public static func read(from store: ResultsStore) throws -> SweepSnapshot {
    let sweep = try store.sweep()
    var trials = try store.trials().map { record in
      TrialData(
        id: record.id, keys: record.keys, state: record.state,
        summary: record.summaryJSON.flatMap(decodeSummary), error: record.error,
        startedAt: record.startedAt, finishedAt: record.finishedAt)
    }
    try readPoints(from: store, into: &trials)
    return SweepSnapshot(
      name: sweep?.info.name, sweptKeys: sweep?.info.sweptKeys ?? [], metric: sweep?.info.metric,
      fileText: sweep?.info.fileText, directory: store.directory, trials: trials)
  }

  /// Appends every trial's metric records to its `points`, read in one query
  /// (`forEachMetric`) rather than one per trial: a store's records come grouped by trial, so
  /// the trial's index is looked up once per trial, not per record.
  static func readPoints(from store: ResultsStore, into trials: inout [TrialData]) throws {
    let indices = Dictionary(
      trials.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first })
    var currentID: String?
    var currentIndex: Int?
    try store.forEachMetric { trialID, metric in
      if trialID != currentID {
        currentID = trialID
        currentIndex = indices[trialID]
      }
      guard let index = currentIndex else { return }
      trials[index].points.append(
        MetricPoint(
          step: metric.step, trainLoss: metric.trainLoss, evalLoss: metric.evalLoss,
          json: metric.recordJSON))
    }
  }

  /// The results folder: `directory` itself, or its parent when it names a `results.sqlite`
  /// file.
  static func storeFolder(for directory: URL) -> URL {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
    if exists, !isDirectory.boolValue, directory.lastPathComponent == ResultsStore.fileName {
      return directory.deletingLastPathComponent()
    }
    return directory
  }

  private static func decodeSummary(_ json: String) -> TrialSummary? {
    try? JSONDecoder().decode(TrialSummary.self, from: Data(json.utf8))
  }
}
