import Foundation

/// A text file read as a sequence of character classes, for `CharLMTask`.
///
/// Characters are Unicode scalars of the file decoded as UTF-8 (not bytes, so "é" written as
/// one scalar is one character; not grapheme clusters, so "e" + a combining accent are two,
/// and "\r\n" is two). A leading byte-order mark is dropped. The alphabet is the sorted set of
/// distinct scalars (by code point), and each character is stored as its index in it.
struct TextCorpus: Sendable {
  /// The distinct characters, sorted by code point; a character's class is its index here.
  let alphabet: [Unicode.Scalar]
  /// The text as class indices.
  let codes: [Int32]
  /// How often each class occurs.
  let counts: [Int]

  /// Reads and decodes `path`; refuses what `TaskError` names.
  init(path: String, maximumBytes: Int, maximumAlphabet: Int) throws(TaskError) {
    let data = try Self.read(path, maximumBytes: maximumBytes)
    let scalars = try Self.decode(data, path: path)
    guard !scalars.isEmpty else { throw .dataFileEmpty(path: path) }
    var classOf = [UInt32: Int32]()
    for scalar in scalars where classOf[scalar] == nil { classOf[scalar] = 0 }
    guard classOf.count >= 2 else { throw .alphabetTooSmall(path: path, distinct: classOf.count) }
    guard classOf.count <= maximumAlphabet else {
      throw .alphabetTooLarge(path: path, distinct: classOf.count, limit: maximumAlphabet)
    }
    let sorted = classOf.keys.sorted()
    for (index, scalar) in sorted.enumerated() { classOf[scalar] = Int32(index) }
    var counts = [Int](repeating: 0, count: sorted.count)
    var codes = [Int32]()
    codes.reserveCapacity(scalars.count)
    for scalar in scalars {
      let code = classOf[scalar, default: 0]
      codes.append(code)
      counts[Int(code)] += 1
    }
    self.alphabet = sorted.compactMap(Unicode.Scalar.init)
    self.codes = codes
    self.counts = counts
  }

  /// The unigram entropy of the text in nats: -Σ p ln p over the character frequencies.
  var unigramEntropy: Double {
    let total = Double(codes.count)
    return counts.reduce(0.0) { sum, count in
      let p = Double(count) / total
      return sum - p * log(p)
    }
  }

  /// The file's bytes, with missing files, folders, devices and oversized files told apart.
  /// Only regular files are read (after following symbolic links): `/dev/zero` or a named
  /// pipe would never end.
  private static func read(_ path: String, maximumBytes: Int) throws(TaskError) -> Data {
    guard FileManager.default.fileExists(atPath: path) else { throw .dataFileMissing(path: path) }
    let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    } catch {
      throw .dataFileUnreadable(path: path, reason: error.localizedDescription)
    }
    switch attributes[.type] as? FileAttributeType {
    case .typeRegular?: break
    case .typeDirectory?: throw .dataFileUnreadable(path: path, reason: "a folder")
    default: throw .dataFileUnreadable(path: path, reason: "not a regular file")
    }
    if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumBytes {
      throw .dataFileTooLarge(path: path, bytes: size, limit: maximumBytes)
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .dataFileUnreadable(path: path, reason: error.localizedDescription)
    }
  }

  /// The scalar values of `data` as UTF-8, without a leading byte-order mark.
  private static func decode(_ data: Data, path: String) throws(TaskError) -> [UInt32] {
    var scalars = [UInt32]()
    scalars.reserveCapacity(data.count)
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if !(offset == 0 && scalar == "\u{FEFF}") { scalars.append(scalar.value) }
        offset += UTF8.width(scalar)
      case .emptyInput:
        break decoding
      case .error:
        throw .dataFileNotUTF8(path: path, byteOffset: offset)
      }
    }
    return scalars
  }
}
