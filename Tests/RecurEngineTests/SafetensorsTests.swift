import Foundation
import Testing

@testable import RecurEngine

@Suite struct SafetensorsTests {
  typealias F = CheckpointFixtures

  static func parse(_ bytes: [UInt8]) throws(CheckpointError) -> SafetensorsFile {
    try SafetensorsFile(bytes: bytes, file: "x.safetensors")
  }

  /// One F32 tensor "a" of shape [2] at [0, 8].
  static let good = F.file(
    header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
    buffer: [0, 0, 128, 63, 0, 0, 0, 64])

  @Test func readsAWellFormedFile() throws {
    let file = try Self.parse(Self.good)
    #expect(file.names == ["a"])
    #expect(file.metadata == nil)
    #expect(file["a"]?.floatValues() == [1, 2])
  }

  @Test func roundTripsEveryConvertibleDType() throws {
    var file = SafetensorsFile(path: "t", metadata: ["note": "ünïcode \"quoted\" \\ \n\u{1}"])
    file["f32"] = SafetensorsTensor(
      shape: [2, 2], floats: [1.5, -0, .infinity, Float.leastNormalMagnitude / 4])
    file["f64"] = SafetensorsTensor(shape: [3], doubles: [1e300, -2.5, .pi])
    file["i64"] = SafetensorsTensor(shape: [2], int64s: [Int64.min, Int64.max])
    file["i32"] = SafetensorsTensor(shape: [1, 2], int32s: [-7, Int32.max])
    file["scalar"] = SafetensorsTensor(shape: [], floats: [0.25])
    file["empty"] = SafetensorsTensor(shape: [0, 3], floats: [])
    file["we\"ird/näme\u{7}"] = SafetensorsTensor(shape: [1], floats: [9])
    let bytes = file.serialized()
    let read = try SafetensorsFile(bytes: bytes, file: "t")
    #expect(read == file)
    #expect(read["scalar"]?.shape == [] && read["scalar"]?.floatValues() == [0.25])
    #expect(read["i64"]?.int64Values() == [Int64.min, Int64.max])
    #expect(read["i64"]?.floatValues() == nil)
  }

  @Test func headerIsPaddedToEightBytes() {
    var file = SafetensorsFile()
    file["abc"] = SafetensorsTensor(shape: [1], floats: [1])
    let bytes = file.serialized()
    let length = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    #expect(length % 8 == 0)
    #expect(bytes.count == 8 + length + 4)
  }

  @Test func readsEscapesAndSurrogatesInNames() throws {
    let header =
      #"{"\u00e9\ud83d\ude00\t":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}, "__metadata__":{}}  "#
    let file = try Self.parse(F.file(header: header, buffer: [7]))
    #expect(file.names == ["é😀\t"])
    #expect(file.metadata == [:])
    #expect(file["é😀\t"]?.bytes == [7])
  }

  @Test func writtenFileReadsBackFromDisk() throws {
    let folder = try F.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("probe.safetensors")
    try SafetensorsFile.write(
      [
        ("loss", Tensor(shape: [], data: [0.5])),
        ("grad.head.bias", Tensor(shape: [2], data: [1, 2])),
      ],
      to: url)
    let file = try SafetensorsFile.read(from: url)
    #expect(try file.floatTensor("loss") == Tensor(shape: [], data: [0.5]))
    #expect(file.names == ["loss", "grad.head.bias"])
  }

  @Test func writingTheSameNameTwiceIsAnError() throws {
    let folder = try F.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("p.safetensors")
    let error = F.error {
      try SafetensorsFile.write([("a", Tensor(zeros: [1])), ("a", Tensor(zeros: [1]))], to: url)
    }
    #expect(error == .duplicateTensor(file: url.path, tensor: "a"))
  }

  // MARK: - Bad files, each with its error and its text

  struct BadFile: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var expected: CheckpointError
    var text: String
    var testDescription: String { name }
  }

  static func bad(
    _ name: String, header: String, buffer: [UInt8] = [], _ expected: CheckpointError,
    _ text: String
  )
    -> BadFile
  {
    BadFile(
      name: name, bytes: F.file(header: header, buffer: buffer), expected: expected, text: text)
  }

  static let file = "x.safetensors"
  static let eight = [UInt8](repeating: 0, count: 8)

  static let badFiles: [BadFile] = [
    BadFile(
      name: "empty", bytes: [], expected: .truncated(file: file, size: 0),
      text: "x.safetensors: is 0 bytes long, shorter than the 8-byte header length"),
    BadFile(
      name: "truncated header length", bytes: Array(good.prefix(5)),
      expected: .truncated(file: file, size: 5), text: "5 bytes long"),
    BadFile(
      name: "truncated data", bytes: Array(good.dropLast(3)),
      expected: .offsetsOutOfRange(file: file, tensor: "a", begin: 0, end: 8, bufferSize: 5),
      text: "tensor \"a\" has data_offsets [0, 8] outside the 5-byte data buffer"),
    BadFile(
      name: "truncated header", bytes: Array(good.prefix(20)),
      expected: .headerLengthPastEnd(file: file, length: 54, available: 12),
      text: "declares a 54-byte header but only 12 bytes follow"),
    BadFile(
      name: "huge header length", bytes: [0, 0, 0, 0, 0, 0, 0, 0x10] + Array(good.dropFirst(8)),
      expected: .headerTooLarge(file: file, length: 1 << 60),
      text: "above the safetensors limit"),
    BadFile(
      name: "header length past end", bytes: [200, 0, 0, 0, 0, 0, 0, 0] + Array(good.dropFirst(8)),
      expected: .headerLengthPastEnd(file: file, length: 200, available: 62),
      text: "declares a 200-byte header but only 62 bytes follow"),
    BadFile(
      name: "not UTF-8", bytes: [2, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFE],
      expected: .badHeader(file: file, reason: "is not valid UTF-8"),
      text: "the header is not valid UTF-8; the file is damaged or not a safetensors file"),
    bad(
      "unterminated JSON", header: #"{"a":"#,
      .badHeader(
        file: file, reason: "is not valid JSON (unexpected end, expected a value at byte 13)"),
      "is not valid JSON"),
    bad(
      "single quotes", header: "{'a':1}",
      .badHeader(file: file, reason: "is not valid JSON (expected a string key at byte 9)"),
      "expected a string key"),
    bad(
      "text after the object", header: "{} x",
      .badHeader(
        file: file, reason: "is not valid JSON (unexpected text after the end at byte 11)"),
      "unexpected text after the end"),
    bad(
      "array header", header: "[1, 2]",
      .badHeader(file: file, reason: "is an array, not a JSON object"), "not a JSON object"),
    bad(
      "deep nesting", header: String(repeating: "[", count: 100_000),
      .badHeader(file: file, reason: "is not valid JSON (nested too deeply at byte 72)"),
      "nested too deeply"),
    bad(
      "non-string metadata", header: #"{"__metadata__":{"cell":"lstm","layers":2}}"#,
      .badMetadata(
        file: file, key: "layers", reason: "is a number; metadata values must be strings"),
      "__metadata__ key \"layers\" is a number; metadata values must be strings"),
    bad(
      "metadata not an object", header: #"{"__metadata__":"lstm"}"#,
      .badMetadata(
        file: file, key: "__metadata__", reason: "is a string, not an object of strings"),
      "not an object of strings"),
    bad(
      "unknown dtype", header: #"{"a":{"dtype":"F17","shape":[2],"data_offsets":[0,8]}}"#,
      buffer: eight, .unknownDType(file: file, tensor: "a", dtype: "F17"),
      "tensor \"a\" has unknown dtype \"F17\""),
    bad(
      "missing dtype", header: #"{"a":{"shape":[2],"data_offsets":[0,8]}}"#, buffer: eight,
      .badTensorEntry(file: file, tensor: "a", reason: "has no dtype string"), "has no dtype string"
    ),
    bad(
      "fractional shape", header: #"{"a":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}}"#,
      buffer: eight,
      .badTensorEntry(file: file, tensor: "a", reason: "has no shape of non-negative integers"),
      "has no shape of non-negative integers"),
    bad(
      "negative shape", header: #"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#,
      buffer: eight,
      .badTensorEntry(file: file, tensor: "a", reason: "has no shape of non-negative integers"),
      "non-negative"),
    bad(
      "overflowing shape",
      header: #"{"a":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}"#,
      buffer: eight,
      .badTensorEntry(
        file: file, tensor: "a",
        reason: "has a shape [4611686018427387904, 4] whose byte size overflows"),
      "whose byte size overflows"),
    bad(
      "integer beyond Int",
      header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,99999999999999999999]}}"#,
      buffer: eight,
      .badTensorEntry(
        file: file, tensor: "a",
        reason: "has no data_offsets of two non-negative integers [begin, end]"),
      "data_offsets of two non-negative integers"),
    bad(
      "three offsets", header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8,8]}}"#,
      buffer: eight,
      .badTensorEntry(
        file: file, tensor: "a",
        reason: "has no data_offsets of two non-negative integers [begin, end]"),
      "[begin, end]"),
    bad(
      "entry not an object", header: #"{"a":[1]}"#,
      .badTensorEntry(
        file: file, tensor: "a",
        reason: "is an array, not an object with dtype, shape and data_offsets"),
      "not an object with dtype, shape and data_offsets"),
    bad(
      "offsets past the end", header: #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,16]}}"#,
      buffer: eight, .offsetsOutOfRange(file: file, tensor: "a", begin: 8, end: 16, bufferSize: 8),
      "outside the 8-byte data buffer"),
    bad(
      "offsets reversed", header: #"{"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}"#,
      buffer: eight, .offsetsOutOfRange(file: file, tensor: "a", begin: 8, end: 0, bufferSize: 8),
      "data_offsets [8, 0]"),
    bad(
      "offsets not matching the shape",
      header: #"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#,
      buffer: eight,
      .sizeMismatch(
        file: file, tensor: "a", dtype: "F32", shape: [3], expectedBytes: 12, actualBytes: 8),
      "tensor \"a\" (F32 [3]) needs 12 bytes but its data_offsets span 8"),
    bad(
      "overlapping tensors",
      header:
        #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
      buffer: eight + [0, 0, 0, 0], .overlappingTensors(file: file, tensor: "b", other: "a"),
      "the data of tensors \"a\" and \"b\" overlap"),
    bad(
      "gap between tensors",
      header:
        #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
      buffer: eight + [0, 0, 0, 0], .uncoveredBytes(file: file, tensor: "b", begin: 4, end: 8),
      "bytes 4..<8 of the data buffer (before tensor \"b\") belong to no tensor"),
    bad(
      "trailing bytes", header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
      buffer: eight, .uncoveredBytes(file: file, tensor: nil, begin: 4, end: 8),
      "(at the end) belong to no tensor"),
    bad(
      "duplicate names",
      header:
        #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
      buffer: eight, .duplicateTensor(file: file, tensor: "a"),
      "tensor \"a\" is listed twice in the header"),
    bad(
      "duplicate metadata", header: #"{"__metadata__":{},"__metadata__":{}}"#,
      .badMetadata(file: file, key: "__metadata__", reason: "appears twice"), "appears twice"),
  ]

  @Test(arguments: badFiles)
  func badFileIsRejectedWithItsError(bad: BadFile) {
    let error = F.error { try Self.parse(bad.bytes) }
    #expect(error == bad.expected)
    #expect(error?.description.contains(bad.text) == true, "\(String(describing: error))")
    #expect(error?.description.hasPrefix("x.safetensors: ") == true)
  }

  @Test func wrongDTypeIsReportedWhenAFloatTensorIsAsked() throws {
    var file = SafetensorsFile(path: "m.safetensors")
    file["w"] = SafetensorsTensor(shape: [1], doubles: [1])
    let error = F.error { try file.floatTensor("w") }
    #expect(error == .wrongDType(file: "m.safetensors", tensor: "w", found: "F64", expected: "F32"))
    #expect(error?.description.contains("tensor.to(torch.float32)") == true)
  }

  @Test func missingAndDirectoryPathsAreErrors() throws {
    let folder = try F.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("nope.safetensors")
    #expect(
      F.error { try SafetensorsFile.read(from: missing) } == .fileNotFound(file: missing.path))
    let error = F.error { try SafetensorsFile.read(from: folder) }
    #expect(error == .unreadable(file: folder.path, reason: "it is a folder"))
  }

  @Test func unwritablePathIsAnError() {
    let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/m.safetensors")
    let error = F.error { try SafetensorsFile.write([], to: url) }
    guard case .unwritable(let file, _)? = error else {
      Issue.record("expected unwritable, got \(String(describing: error))")
      return
    }
    #expect(file == url.path)
  }

  /// Random corruptions of a valid checkpoint: every one is either read or rejected with an
  /// error, never a crash.
  @Test func corruptedBytesNeverCrash() {
    let config = ModelConfig(cell: .gru, inputSize: 2, hiddenSize: 3, layers: 1, outputSize: 2)
    let good = F.checkpointFile(config).serialized()
    var generator = SeededGenerator(seed: 5)
    var rejected = 0
    for round in 0..<3000 {
      var bytes = good
      switch round % 4 {
      case 0: bytes[generator.int(below: bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
      case 1: bytes.removeLast(generator.int(below: bytes.count))
      case 2: bytes[generator.int(below: 8)] = UInt8(truncatingIfNeeded: generator.next())
      default:
        let i = generator.int(below: bytes.count)
        bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: i)
      }
      do {
        let file = try Self.parse(bytes)
        _ = try Checkpoint.decode(file, cell: nil)
      } catch {
        rejected += 1
      }
    }
    #expect(rejected > 1000)
  }
}
