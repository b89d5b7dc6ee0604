import RecurJSON

extension SafetensorsFile {
  /// The reference implementation's limit on the header length (`MAX_HEADER_SIZE`).
  public static let maximumHeaderLength: UInt64 = 100_000_000

  /// One tensor's header entry, validated on its own.
  private struct Entry {
    var name: String
    var dtype: SafetensorsDType
    var shape: [Int]
    var begin: Int
    var end: Int
    var byteCount: Int
  }

  /// Parses and validates a whole safetensors file; `file` names it in errors.
  ///
  /// The checks are those of huggingface/safetensors (`SafeTensors::read_metadata` and
  /// `Metadata::validate`) plus duplicate names, which its JSON map would silently merge:
  /// at least 8 bytes; header length at most 100,000,000 and within the file; header UTF-8
  /// JSON, an object; `__metadata__` an object of strings; every other member an object with a
  /// known `dtype`, a `shape` of non-negative integers and two non-negative integer
  /// `data_offsets`, begin ≤ end ≤ buffer size, spanning exactly shape × dtype size bytes
  /// (computed without overflow); and the tensors, taken by offset, covering the buffer
  /// exactly: no overlap, no gap, no trailing bytes.
  public init(bytes: [UInt8], file: String) throws(CheckpointError) {
    self.init(path: file)
    guard bytes.count >= 8 else { throw .truncated(file: file, size: bytes.count) }
    let length = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    guard length <= Self.maximumHeaderLength else {
      throw .headerTooLarge(file: file, length: length)
    }
    let available = bytes.count - 8
    guard length <= UInt64(available) else {
      throw .headerLengthPastEnd(file: file, length: length, available: available)
    }
    let headerEnd = 8 + Int(length)
    let entries = try Self.parseHeader(Array(bytes[8..<headerEnd]), file: file, into: &self)
    let bufferSize = bytes.count - headerEnd
    for entry in try Self.checkLayout(entries, bufferSize: bufferSize, file: file) {
      let range = (headerEnd + entry.begin)..<(headerEnd + entry.end)
      self[entry.name] = SafetensorsTensor(
        dtype: entry.dtype, shape: entry.shape, bytes: Array(bytes[range]))
    }
  }

  /// The tensor entries of the header; sets `file.metadata` from `__metadata__`.
  private static func parseHeader(_ header: [UInt8], file: String, into result: inout Self)
    throws(CheckpointError) -> [Entry]
  {
    guard String(validating: header, as: UTF8.self) != nil else {
      throw .badHeader(file: file, reason: "is not valid UTF-8")
    }
    let json: JSONValue
    do {
      json = try JSONParser.parse(header)
    } catch {
      throw .badHeader(
        file: file, reason: "is not valid JSON (\(error.reason) at byte \(error.offset + 8))")
    }
    guard case .object(let members) = json else {
      throw .badHeader(file: file, reason: "is \(json.kindDescription), not a JSON object")
    }
    var entries: [Entry] = []
    var seen = Set<String>()
    for (key, value) in members {
      if key == "__metadata__" {
        guard result.metadata == nil else {
          throw .badMetadata(file: file, key: key, reason: "appears twice")
        }
        result.metadata = try parseMetadata(value, file: file)
        continue
      }
      guard seen.insert(key).inserted else { throw .duplicateTensor(file: file, tensor: key) }
      entries.append(try parseEntry(key, value, file: file))
    }
    return entries
  }

  private static func parseMetadata(_ value: JSONValue, file: String) throws(CheckpointError)
    -> [String: String]
  {
    guard case .object(let members) = value else {
      throw .badMetadata(
        file: file, key: "__metadata__",
        reason: "is \(value.kindDescription), not an object of strings")
    }
    var metadata: [String: String] = [:]
    for (key, value) in members {
      guard case .string(let text) = value else {
        throw .badMetadata(
          file: file, key: key,
          reason: "is \(value.kindDescription); metadata values must be strings")
      }
      guard metadata.updateValue(text, forKey: key) == nil else {
        throw .badMetadata(file: file, key: key, reason: "appears twice")
      }
    }
    return metadata
  }

  private static func parseEntry(_ name: String, _ value: JSONValue, file: String)
    throws(CheckpointError) -> Entry
  {
    func bad(_ reason: String) -> CheckpointError {
      .badTensorEntry(file: file, tensor: name, reason: reason)
    }
    guard case .object(let members) = value else {
      throw bad("is \(value.kindDescription), not an object with dtype, shape and data_offsets")
    }
    var fields: [String: JSONValue] = [:]
    for (key, field) in members where fields.updateValue(field, forKey: key) != nil {
      throw bad("has \"\(key)\" twice")
    }
    guard case .string(let dtypeName)? = fields["dtype"] else {
      throw bad("has no dtype string")
    }
    guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
      throw .unknownDType(file: file, tensor: name, dtype: dtypeName)
    }
    guard case .array(let dimensions)? = fields["shape"],
      case let shape = dimensions.compactMap(\.nonNegativeInteger), shape.count == dimensions.count
    else { throw bad("has no shape of non-negative integers") }
    guard case .array(let offsets)? = fields["data_offsets"], offsets.count == 2,
      let begin = offsets[0].nonNegativeInteger, let end = offsets[1].nonNegativeInteger
    else { throw bad("has no data_offsets of two non-negative integers [begin, end]") }
    guard let byteCount = SafetensorsTensor.byteCount(shape: shape, dtype: dtype) else {
      throw bad("has a shape \(shape) whose byte size overflows")
    }
    return Entry(
      name: name, dtype: dtype, shape: shape, begin: begin, end: end, byteCount: byteCount)
  }

  /// The entries sorted by offset, after checking that each fits the buffer and its shape and
  /// that together they cover the buffer exactly once.
  private static func checkLayout(_ entries: [Entry], bufferSize: Int, file: String)
    throws(CheckpointError) -> [Entry]
  {
    for entry in entries {
      guard entry.begin <= entry.end && entry.end <= bufferSize else {
        throw .offsetsOutOfRange(
          file: file, tensor: entry.name, begin: entry.begin, end: entry.end,
          bufferSize: bufferSize)
      }
      guard entry.end - entry.begin == entry.byteCount else {
        throw .sizeMismatch(
          file: file, tensor: entry.name, dtype: entry.dtype.rawValue, shape: entry.shape,
          expectedBytes: entry.byteCount, actualBytes: entry.end - entry.begin)
      }
    }
    let sorted = entries.sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
    var position = 0
    var previous = ""
    for entry in sorted {
      if entry.begin < position {
        throw .overlappingTensors(file: file, tensor: entry.name, other: previous)
      }
      if entry.begin > position {
        throw .uncoveredBytes(file: file, tensor: entry.name, begin: position, end: entry.begin)
      }
      position = entry.end
      previous = entry.name
    }
    guard position == bufferSize else {
      throw .uncoveredBytes(file: file, tensor: nil, begin: position, end: bufferSize)
    }
    return sorted
  }
}
