/// The element types of the safetensors format, by their header names (the `Dtype` enum of
/// huggingface/safetensors, `safetensors/src/tensor.rs`).
///
/// Every type can be read and written as raw bytes; `SafetensorsTensor` converts F32, F64, I64
/// and I32 to Swift values. Sub-byte types (F4, F6 variants) are not listed and are reported
/// as unknown.
public enum SafetensorsDType: String, CaseIterable, Sendable, Codable {
  case bool = "BOOL"
  case u8 = "U8"
  case i8 = "I8"
  case f8e5m2 = "F8_E5M2"
  case f8e4m3 = "F8_E4M3"
  case f8e8m0 = "F8_E8M0"
  case i16 = "I16"
  case u16 = "U16"
  case f16 = "F16"
  case bf16 = "BF16"
  case i32 = "I32"
  case u32 = "U32"
  case f32 = "F32"
  case f64 = "F64"
  case i64 = "I64"
  case u64 = "U64"

  /// Bytes per element.
  public var size: Int {
    switch self {
    case .bool, .u8, .i8, .f8e5m2, .f8e4m3, .f8e8m0: 1
    case .i16, .u16, .f16, .bf16: 2
    case .i32, .u32, .f32: 4
    case .f64, .i64, .u64: 8
    }
  }
}
