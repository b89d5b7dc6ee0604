/// "Did you mean …" for a misspelt key, value or column: the closest name by edit distance,
/// when it is close enough to be a typo.
enum NameSuggestion {
  /// The name nearest to `name` (case-insensitive), if at most about a third of its
  /// characters (at least one) need an edit.
  static func nearest(to name: String, in names: [String]) -> String? {
    let limit = max(1, (name.count + 1) / 3)
    let scored = names.map { ($0, distance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= limit, best.1 > 0 else {
      return nil
    }
    return best.0
  }

  /// The optimal string alignment distance: Levenshtein's insertions, deletions and
  /// substitutions (Levenshtein 1966) plus transpositions of neighbours (Damerau 1964), the
  /// commonest typing slip (`slovd` for `solved` is two edits).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
