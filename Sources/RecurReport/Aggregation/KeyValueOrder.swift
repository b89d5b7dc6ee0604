/// The order in which key values are listed: cells as the study introduces them (rnn,
/// rnn_relu, lstm, gru: the plain cells first), numbers by size, other text alphabetically.
enum KeyValueOrder {
  /// The cells in the order of `TrialCell` (RecurSweep), simplest first.
  static let cellOrder = ["rnn", "rnn_relu", "lstm", "gru"]

  /// Whether `a` comes before `b` among the values of `key`.
  static func precedes(_ a: String, _ b: String, key: String) -> Bool {
    if key == "cell" {
      let ia = cellOrder.firstIndex(of: a) ?? cellOrder.count
      let ib = cellOrder.firstIndex(of: b) ?? cellOrder.count
      if ia != ib { return ia < ib }
    }
    switch (number(a), number(b)) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return a < b
    }
  }

  /// Compares tuples of values key by key; nil if they are equal.
  static func precedes(_ a: [String], _ b: [String], keys: [String]) -> Bool? {
    for (index, key) in keys.enumerated() where a[index] != b[index] {
      return precedes(a[index], b[index], key: key)
    }
    return nil
  }

  /// The distinct values in order.
  static func sorted(_ values: some Sequence<String>, key: String) -> [String] {
    Array(Set(values)).sorted { precedes($0, $1, key: key) }
  }

  /// Text equality, or numeric equality when both are finite numbers.
  static func sameValue(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    guard let x = number(a), let y = number(b) else { return false }
    return x == y
  }

  /// The value as a finite number, if it is written as one.
  static func number(_ text: String) -> Double? {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
}
