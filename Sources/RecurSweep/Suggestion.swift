/// "Did you mean …" for misspelt names: the closest candidate by edit distance.
enum Suggestion {
  /// The candidate closest to `word`, ignoring case, if it is a plausible typo: at most 1 edit
  /// for words of up to 5 letters, else at most a third of the word's length, counting a swap
  /// of neighbours as one edit; or a candidate that starts with the word (`distrib`).
  static func closest(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    let limit = max(1, target.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      if distance <= limit, distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    if let best { return best.name }
    guard target.count >= 3 else { return nil }
    return candidates.first { $0.lowercased().hasPrefix(word.lowercased()) }
  }

  /// Optimal string alignment distance: Levenshtein (Wagner & Fischer, 1974) plus swaps of
  /// adjacent letters (Damerau, 1964), the commonest typos.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
