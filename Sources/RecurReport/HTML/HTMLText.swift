/// Escaping for text placed in HTML and SVG.
enum HTMLText {
  /// `&`, `<`, `>`, `"` and `'` as character references, so that key values and sweep
  /// files cannot break the markup.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
