/// Everything that can be wrong with a checkpoint, batch or probe file (safetensors), or with
/// writing one.
///
/// Every case names the file and, where one is at fault, the tensor; the description says
/// what was found, what was expected and what to do. The command line prints the description
/// and exits 65 (66 for `fileNotFound`).
public enum CheckpointError: Error, Equatable, Sendable {
  case fileNotFound(file: String)
  case unreadable(file: String, reason: String)
  case unwritable(file: String, reason: String)
  /// Shorter than the 8-byte header length.
  case truncated(file: String, size: Int)
  /// The header length exceeds the safetensors limit (100,000,000 bytes).
  case headerTooLarge(file: String, length: UInt64)
  /// The header length points past the end of the file.
  case headerLengthPastEnd(file: String, length: UInt64, available: Int)
  /// The header is not UTF-8, not JSON, or not a JSON object.
  case badHeader(file: String, reason: String)
  /// `__metadata__` is not an object of strings, or one of our keys has a bad value.
  case badMetadata(file: String, key: String, reason: String)
  /// A tensor's entry lacks `dtype`, `shape` or `data_offsets`, or has values of the wrong type.
  case badTensorEntry(file: String, tensor: String, reason: String)
  case duplicateTensor(file: String, tensor: String)
  case unknownDType(file: String, tensor: String, dtype: String)
  /// `data_offsets` reach past the end of the byte buffer, or end before they begin.
  case offsetsOutOfRange(file: String, tensor: String, begin: Int, end: Int, bufferSize: Int)
  /// The byte range does not hold shape × dtype size bytes.
  case sizeMismatch(
    file: String, tensor: String, dtype: String, shape: [Int], expectedBytes: Int,
    actualBytes: Int)
  case overlappingTensors(file: String, tensor: String, other: String)
  /// Bytes of the buffer that no tensor covers, before `tensor` (or at the end when nil).
  case uncoveredBytes(file: String, tensor: String?, begin: Int, end: Int)
  case wrongDType(file: String, tensor: String, found: String, expected: String)
  case wrongShape(file: String, tensor: String, found: [Int], expected: String)
  case missingTensor(file: String, tensor: String)
  case unexpectedTensor(file: String, tensor: String)
  case unknownCell(file: String, cell: String)
  /// Without metadata, `weight_ih_l0`'s rows are not 1, 3 or 4 times the hidden size.
  case cannotInferCell(file: String, tensor: String, rows: Int, hiddenSize: Int)
  /// The requested cell has another gate count than the one the file stores.
  case cellMismatch(file: String, stored: String, requested: String)
  /// A class label outside 0..<classes; `index` is its flat position in the tensor.
  case labelOutOfRange(file: String, tensor: String, index: Int, label: Int64, classes: Int)
  /// Saving: not one tensor per parameter of the configuration.
  case parameterCountMismatch(file: String, expected: Int, found: Int)
  /// A PyTorch model of a kind the engine does not have (bidirectional, LSTM projections);
  /// `tensor` is the one that shows it.
  case unsupportedModel(file: String, tensor: String, feature: String, setting: String)

  /// The file the error is about.
  public var file: String {
    switch self {
    case .fileNotFound(let file), .unreadable(let file, _), .unwritable(let file, _),
      .truncated(let file, _), .headerTooLarge(let file, _),
      .headerLengthPastEnd(let file, _, _), .badHeader(let file, _),
      .badMetadata(let file, _, _), .badTensorEntry(let file, _, _),
      .duplicateTensor(let file, _), .unknownDType(let file, _, _),
      .offsetsOutOfRange(let file, _, _, _, _), .sizeMismatch(let file, _, _, _, _, _),
      .overlappingTensors(let file, _, _), .uncoveredBytes(let file, _, _, _),
      .wrongDType(let file, _, _, _), .wrongShape(let file, _, _, _),
      .missingTensor(let file, _), .unexpectedTensor(let file, _), .unknownCell(let file, _),
      .cannotInferCell(let file, _, _, _), .cellMismatch(let file, _, _),
      .unsupportedModel(let file, _, _, _), .labelOutOfRange(let file, _, _, _, _),
      .parameterCountMismatch(let file, _, _):
      file
    }
  }
}
