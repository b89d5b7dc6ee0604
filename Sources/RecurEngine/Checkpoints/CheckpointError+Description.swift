import Foundation

extension CheckpointError: CustomStringConvertible, LocalizedError {
  public var errorDescription: String? { description }

  /// "<file>: <what is wrong>; <what to do>".
  public var description: String {
    "\(file): \(problem)"
  }

  private static let notSafetensors = "the file is damaged or not a safetensors file"

  private var problem: String {
    switch self {
    case .fileNotFound:
      "no such file; check the path"
    case .unreadable(_, let reason):
      "cannot be read (\(reason)); check that it is a readable file"
    case .unwritable(_, let reason):
      "cannot be written (\(reason)); check that the folder exists and is writable"
    case .truncated(_, let size):
      "is \(size) bytes long, shorter than the 8-byte header length; \(Self.notSafetensors)"
    case .headerTooLarge(_, let length):
      "declares a \(length)-byte header, above the safetensors limit of 100000000 bytes; "
        + Self.notSafetensors
    case .headerLengthPastEnd(_, let length, let available):
      "declares a \(length)-byte header but only \(available) bytes follow the header length; "
        + "the file is truncated or not a safetensors file"
    case .badHeader(_, let reason):
      "the header \(reason); \(Self.notSafetensors)"
    case .badMetadata(_, let key, let reason):
      "__metadata__ key \"\(key)\" \(reason); fix or remove __metadata__ (without it the "
        + "model is inferred from the tensor shapes)"
    case .badTensorEntry(_, let tensor, let reason):
      "tensor \"\(tensor)\" \(reason); \(Self.notSafetensors)"
    case .duplicateTensor(_, let tensor):
      "tensor \"\(tensor)\" is listed twice in the header; \(Self.notSafetensors)"
    case .unknownDType(_, let tensor, let dtype):
      "tensor \"\(tensor)\" has unknown dtype \"\(dtype)\" (known: "
        + SafetensorsDType.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    case .offsetsOutOfRange(_, let tensor, let begin, let end, let size):
      "tensor \"\(tensor)\" has data_offsets [\(begin), \(end)] outside the \(size)-byte data "
        + "buffer; the file is truncated or damaged"
    case .sizeMismatch(_, let tensor, let dtype, let shape, let expected, let actual):
      "tensor \"\(tensor)\" (\(dtype) \(shape)) needs \(expected) bytes but its data_offsets "
        + "span \(actual); \(Self.notSafetensors)"
    case .overlappingTensors(_, let tensor, let other):
      "the data of tensors \"\(other)\" and \"\(tensor)\" overlap; \(Self.notSafetensors)"
    case .uncoveredBytes(_, let tensor, let begin, let end):
      "bytes \(begin)..<\(end) of the data buffer "
        + (tensor.map { "(before tensor \"\($0)\") " } ?? "(at the end) ")
        + "belong to no tensor; \(Self.notSafetensors)"
    case .wrongDType(_, let tensor, let found, let expected):
      "tensor \"\(tensor)\" is \(found), expected \(expected); convert it (in PyTorch: "
        + "tensor.to(torch.\(Self.torchName(expected)))) and save again"
    case .wrongShape(_, let tensor, let found, let expected):
      "tensor \"\(tensor)\" has shape \(found), expected \(expected)"
    case .missingTensor(_, let tensor) where tensor.contains(".bias_"):
      "tensor \"\(tensor)\" is missing; Recur's cells always have biases (PyTorch's default "
        + "bias=True): for a model trained with bias=False, save zero biases in its place"
    case .missingTensor(_, let tensor):
      "tensor \"\(tensor)\" is missing"
    case .unexpectedTensor(_, let tensor):
      "has an unexpected tensor \"\(tensor)\"; remove it (only the rnn.* and head.* "
        + "parameters, or inputs and targets, belong here)"
    case .unknownCell(_, let cell):
      "unknown cell \"\(cell)\"; expected one of "
        + CellKind.allCases.map(\.rawValue).joined(separator: ", ")
    case .unsupportedModel(_, let tensor, let feature, let setting):
      "tensor \"\(tensor)\" belongs to \(feature), which Recur's engine does not have; "
        + "train and save the model with \(setting)"
    case .cannotInferCell(_, let tensor, let rows, let hidden):
      "cannot infer the cell: tensor \"\(tensor)\" has \(rows) rows, not 1, 3 or 4 times the "
        + "hidden size \(hidden) (rnn, gru, lstm); give the cell explicitly (--cell)"
    case .cellMismatch(_, let stored, let requested):
      "stores a model of cell \(stored), which cannot be read as \(requested) (another gate "
        + "count); "
        + "drop --cell or give a matching one"
    case .labelOutOfRange(_, let tensor, let index, let label, let classes):
      "tensor \"\(tensor)\" has label \(label) at flat index \(index), outside 0..<\(classes) "
        + "(the model's output size)"
    case .parameterCountMismatch(_, let expected, let found):
      "cannot save \(found) tensors for a model with \(expected) parameters"
    }
  }

  private static func torchName(_ dtype: String) -> String {
    switch dtype {
    case "F32": "float32"
    case "F64": "float64"
    case "I64": "int64"
    case "I32": "int32"
    default: dtype.lowercased()
    }
  }
}
