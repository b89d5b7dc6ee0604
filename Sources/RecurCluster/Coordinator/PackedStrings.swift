import Foundation

/// Many strings (the spec JSON and label of each of 100,000 trials) kept in one byte buffer
/// with an index, rather than as 100,000 separate allocations.
///
/// Why: the plan's rows are built, stored and freed around these strings; as separate
/// allocations they would sit in every page of the freed rows and keep the whole heap
/// resident (about 110 MB for 100,000 trials, measured with `recur bench dispatch`). Packed,
/// they take two allocations, and the freed rows can be returned to the system.
struct PackedStrings {
  private var bytes: [UInt8] = []
  private var index: [String: (start: Int, count: Int)] = [:]

  init(capacity: Int = 0, bytesPerString: Int = 0) {
    index.reserveCapacity(capacity)
    bytes.reserveCapacity(capacity * bytesPerString)
  }

  var count: Int { index.count }

  /// Makes room for `count` more bytes of strings.
  mutating func reserveBytes(_ count: Int) {
    bytes.reserveCapacity(bytes.count + count)
  }

  /// The strings whose key `isIncluded` accepts, packed anew (without the bytes of the others).
  func filter(_ isIncluded: (String) -> Bool) -> PackedStrings {
    var kept = PackedStrings(capacity: index.count)
    for (key, range) in index where isIncluded(key) {
      bytes.withUnsafeBufferPointer {
        kept.bytes.append(contentsOf: $0[range.start..<range.start + range.count])
      }
      kept.index[key] = (kept.bytes.count - range.count, range.count)
    }
    return kept
  }

  /// Keeps `value` under `key` (a later value for the same key replaces it).
  mutating func insert(_ value: String, for key: String) {
    let start = bytes.count
    bytes.append(contentsOf: value.utf8)
    index[key] = (start, bytes.count - start)
  }

  /// Forgets `key` (its bytes stay until the structure goes).
  mutating func remove(_ key: String) {
    index[key] = nil
  }

  func contains(_ key: String) -> Bool { index[key] != nil }

  /// The string of `key`.
  subscript(key: String) -> String? {
    guard let (start, count) = index[key] else { return nil }
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self)
    }
  }

  /// The bytes of `key`'s string.
  func data(_ key: String) -> Data? {
    guard let (start, count) = index[key] else { return nil }
    return Data(bytes[start..<start + count])
  }
}
