import Foundation
import RecurEngine

@testable import RecurTasks

/// The inputs of sequence `b` of `batch`, as `[T][I]`.
func inputs(of b: Int, in batch: Batch) -> [[Float]] {
  (0..<batch.steps).map { t in
    let row = (t * batch.size + b) * batch.inputSize
    return Array(batch.inputs[row..<(row + batch.inputSize)])
  }
}

/// The index of the single 1 in a one-hot row (nil when the row is not one-hot).
func hotIndex(_ row: [Float]) -> Int? {
  guard row.filter({ $0 == 1 }).count == 1, row.allSatisfy({ $0 == 0 || $0 == 1 }) else {
    return nil
  }
  return row.firstIndex(of: 1)
}

/// The labels of a classification batch.
func labels(_ batch: Batch) -> [Int32] {
  guard case .labels(let labels, _) = batch.targets else { return [] }
  return labels
}

/// The values of a regression batch.
func values(_ batch: Batch) -> [Float] {
  guard case .values(let values, _) = batch.targets else { return [] }
  return values
}

/// Every sequence of `batches` in order, each as its inputs then its targets, so that sets cut
/// into different batch sizes can be compared.
func sequences(_ batches: [Batch]) -> [[Float]] {
  batches.flatMap { batch in
    (0..<batch.size).map { b in
      var flat = inputs(of: b, in: batch).flatMap { $0 }
      let perStep = batch.targets.outputSize
      switch batch.targets {
      case .values(let v, _) where v.count == batch.size * perStep:
        flat += v[(b * perStep)..<((b + 1) * perStep)]
      case .values(let v, _):
        flat += (0..<batch.steps).map { v[$0 * batch.size + b] }
      case .labels(let l, _) where l.count == batch.size:
        flat.append(Float(l[b]))
      case .labels(let l, _):
        flat += (0..<batch.steps).map { Float(l[$0 * batch.size + b]) }
      }
      return flat
    }
  }
}

/// Entropy in nats of the empirical distribution of `items`.
func empiricalEntropy<T: Hashable>(_ items: [T]) -> Double {
  let counts = Dictionary(items.map { ($0, 1) }, uniquingKeysWith: +)
  let total = Double(items.count)
  return counts.values.reduce(0.0) { sum, count in
    let p = Double(count) / total
    return sum - p * log(p)
  }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("RecurTasksTests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Writes `bytes` to a new file in `folder` and returns its path.
func writeFile(_ bytes: [UInt8], named name: String = "text.txt", in folder: URL) throws -> String {
  let url = folder.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
