extension TrialKey {
  /// One line per key for help texts and documentation:
  /// `hidden  integer 1…4096, default 128: H, units per recurrent layer`.
  public static var reference: String {
    let width = all.map(\.name.count).max() ?? 0
    return all.map { key in
      let padding = String(repeating: " ", count: width - key.name.count)
      let setting = key.defaultValue.map { ", default \($0)" } ?? ", required"
      return "\(key.name)\(padding)  \(key.typeSummary)\(setting): \(key.summary)"
    }.joined(separator: "\n")
  }

  /// `integer 1…4096`, `number > 0 and ≤ 10`, `rnn | rnn_relu | lstm | gru`, `text`.
  public var typeSummary: String {
    switch kind {
    case .int(let range): "integer \(range.lowerBound)…\(range.upperBound)"
    case .float(let range):
      range.minExclusive
        ? "number > \(FloatRange.format(range.min)) and ≤ \(FloatRange.format(range.max))"
        : "number \(FloatRange.format(range.min))…\(FloatRange.format(range.max))"
    case .choice(let words): words.joined(separator: " | ")
    case .text: "text"
    }
  }
}
