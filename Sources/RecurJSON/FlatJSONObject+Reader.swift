extension FlatJSONObject {
  /// One pass over the bytes of a flat object; every method returns nil at the first byte it
  /// does not accept.
  struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func object() -> [Member]? {
      skipSpace()
      guard take(UInt8(ascii: "{")) else { return nil }
      var members: [Member] = []
      skipSpace()
      if take(UInt8(ascii: "}")) { return end(members) }
      while true {
        skipSpace()
        guard let key = string() else { return nil }
        skipSpace()
        guard take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        guard let member = value(key: key) else { return nil }
        members.append(member)
        skipSpace()
        if take(UInt8(ascii: ",")) { continue }
        guard take(UInt8(ascii: "}")) else { return nil }
        return end(members)
      }
    }

    /// The members, if nothing but whitespace follows the object.
    mutating func end(_ members: [Member]) -> [Member]? {
      skipSpace()
      return index == bytes.count ? members : nil
    }

    /// A string, number or literal value.
    mutating func value(key: String) -> Member? {
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: "\"") {
        return string().map { Member(key: key, value: $0, isString: true) }
      }
      let start = index
      if let end = JSONNumber.end(in: bytes, from: index) {
        index = end
      } else {
        guard literal("true") || literal("false") || literal("null") else { return nil }
      }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      return Member(key: key, value: text, isString: false)
    }

    /// Takes `word` if the bytes at `index` spell it.
    mutating func literal(_ word: StaticString) -> Bool {
      let length = word.utf8CodeUnitCount
      guard index + length <= bytes.count else { return false }
      for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] {
        return false
      }
      index += length
      return true
    }

    /// A string literal's contents: runs without escapes are decoded in one piece.
    mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = index
      // The OR of the run's bytes: below 0x80, the run is ASCII and needs no UTF-8 check.
      var bits: UInt8 = 0
      while index < bytes.count, bytes[index] != UInt8(ascii: "\""),
        bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20
      {
        bits |= bytes[index]
        index += 1
      }
      guard index < bytes.count else { return nil }
      let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
      if bytes[index] == UInt8(ascii: "\\") { return escapedString(prefix: run) }
      index += 1  // the closing quote
      return bits < 0x80
        ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
    }

    /// The rest of a string that has escapes, after its unescaped `prefix`.
    mutating func escapedString(prefix: UnsafeBufferPointer<UInt8>) -> String? {
      var decoded = Array(prefix)
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return String(validating: decoded, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard let scalar = escape() else { return nil }
          UTF8.encode(scalar) { decoded.append($0) }
        case 0..<0x20: return nil
        default: decoded.append(byte)
        }
      }
      return nil
    }

    /// The character an escape stands for (the backslash already taken); a `\u` high
    /// surrogate must be followed by a `\u` low surrogate.
    mutating func escape() -> Unicode.Scalar? {
      guard index < bytes.count else { return nil }
      let byte = bytes[index]
      index += 1
      if let character = JSONEscape.character(after: byte) { return character }
      guard byte == UInt8(ascii: "u"), let unit = hex4() else { return nil }
      guard JSONEscape.isHighSurrogate(unit) else { return Unicode.Scalar(unit) }
      guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4() else {
        return nil
      }
      return JSONEscape.scalar(high: unit, low: low)
    }

    /// Four hex digits.
    mutating func hex4() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        guard let digit = JSONEscape.hexDigit(bytes[index]) else { return nil }
        value = value << 4 | digit
        index += 1
      }
      return value
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func skipSpace() {
      while index < bytes.count,
        bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
          || bytes[index] == 0x09
      {
        index += 1
      }
    }
  }
}
