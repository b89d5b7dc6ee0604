/// "Did you mean …" for misspelt names: the closest candidate by edit distance.
enum Suggestion {
  /// The candidate closest to `word` (Levenshtein distance, ignoring case), if it is close
  /// enough to be a plausible typo: at most 1 edit for words of up to 4 letters, else at most
  /// a third of the word's length.
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
    return best?.name
  }

  /// Levenshtein distance with one rolling row (Wagner & Fischer, 1974).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var diagonal = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
        diagonal = row[j]
        row[j] = min(substitution, row[j] + 1, row[j - 1] + 1)
      }
    }
    return row[b.count]
  }
}
