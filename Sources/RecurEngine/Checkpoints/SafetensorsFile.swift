import Foundation

/// A safetensors file in memory: named tensors in file order and optional string metadata.
///
/// Format (huggingface/safetensors, README "Format"): an 8-byte little-endian header length
/// N, N bytes of UTF-8 JSON `{name: {"dtype", "shape", "data_offsets": [begin, end]}, …,
/// "__metadata__": {string: string}}`, then the byte buffer the offsets index. Reading is
/// strict (`init(bytes:file:)`) and never traps on any input; writing produces what
/// `safetensors.torch.load_file` reads.
public struct SafetensorsFile: Sendable, Equatable {
  /// The path the file was read from or will be written to, for error messages.
  public var path: String
  /// `__metadata__`, or nil when the file has none.
  public var metadata: [String: String]?
  /// Tensor names in file order (by data offset when read).
  public private(set) var names: [String] = []
  private var tensorsByName: [String: SafetensorsTensor] = [:]

  /// An empty file to be filled and written.
  public init(path: String = "", metadata: [String: String]? = nil) {
    self.path = path
    self.metadata = metadata
  }

  /// The tensor named `name`; setting a new name appends it, setting nil removes it.
  ///
  /// - Precondition: `name` is not `__metadata__`, which the format reserves.
  public subscript(name: String) -> SafetensorsTensor? {
    get { tensorsByName[name] }
    set {
      precondition(name != "__metadata__", "__metadata__ is not a tensor name")
      if newValue == nil {
        names.removeAll { $0 == name }
      } else if tensorsByName[name] == nil {
        names.append(name)
      }
      tensorsByName[name] = newValue
    }
  }

  /// Reads and validates the safetensors file at `url`.
  public static func read(from url: URL) throws(CheckpointError) -> SafetensorsFile {
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .fileNotFound(file: path)
    }
    guard !isDirectory.boolValue else { throw .unreadable(file: path, reason: "it is a folder") }
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw .unreadable(file: path, reason: error.localizedDescription)
    }
    return try SafetensorsFile(bytes: [UInt8](data), file: path)
  }

  /// The F32 tensor `name` as the engine's `Tensor`, or the error that names what is wrong.
  public func floatTensor(_ name: String) throws(CheckpointError) -> Tensor {
    guard let stored = self[name] else { throw .missingTensor(file: path, tensor: name) }
    guard let tensor = stored.tensor() else {
      throw .wrongDType(file: path, tensor: name, found: stored.dtype.rawValue, expected: "F32")
    }
    return tensor
  }

  /// Writes named F32 tensors (shape `[]` for a scalar) and metadata to `url`: the helper for
  /// `recur probe`'s output and any other file of plain float tensors.
  public static func write(
    _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String]? = nil,
    to url: URL
  ) throws(CheckpointError) {
    var file = SafetensorsFile(path: url.path, metadata: metadata)
    for (name, tensor) in tensors {
      guard file[name] == nil else { throw .duplicateTensor(file: url.path, tensor: name) }
      file[name] = SafetensorsTensor(tensor)
    }
    try file.write(to: url)
  }

  /// Writes the file to `url` atomically (a partial file is never left behind).
  public func write(to url: URL) throws(CheckpointError) {
    do {
      try Data(serialized()).write(to: url, options: .atomic)
    } catch {
      throw .unwritable(file: url.path, reason: error.localizedDescription)
    }
  }
}
