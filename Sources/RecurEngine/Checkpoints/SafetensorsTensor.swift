/// One tensor of a safetensors file: its dtype, shape and little-endian row-major bytes.
///
/// A tensor read from a file always has `bytes.count == elementCount * dtype.size` with every
/// dimension product checked for overflow; the value accessors return nil for another dtype.
public struct SafetensorsTensor: Sendable, Equatable {
  public var dtype: SafetensorsDType
  public var shape: [Int]
  public var bytes: [UInt8]

  /// A tensor from raw bytes, which must hold the shape's elements of `dtype`.
  public init(dtype: SafetensorsDType, shape: [Int], bytes: [UInt8]) {
    precondition(
      Self.byteCount(shape: shape, dtype: dtype) == bytes.count,
      "bytes must hold shape x dtype size")
    self.dtype = dtype
    self.shape = shape
    self.bytes = bytes
  }

  /// An F32 tensor; shape `[]` is a scalar.
  public init(shape: [Int], floats: [Float]) {
    self.init(dtype: .f32, shape: shape, bytes: Self.encode(floats) { $0.bitPattern })
  }

  /// An F64 tensor.
  public init(shape: [Int], doubles: [Double]) {
    self.init(dtype: .f64, shape: shape, bytes: Self.encode(doubles) { $0.bitPattern })
  }

  /// An I64 tensor.
  public init(shape: [Int], int64s: [Int64]) {
    self.init(dtype: .i64, shape: shape, bytes: Self.encode(int64s) { $0 })
  }

  /// An I32 tensor.
  public init(shape: [Int], int32s: [Int32]) {
    self.init(dtype: .i32, shape: shape, bytes: Self.encode(int32s) { $0 })
  }

  /// An F32 tensor holding `tensor`.
  public init(_ tensor: Tensor) {
    self.init(shape: tensor.shape, floats: tensor.data)
  }

  /// The number of elements (1 for shape `[]`).
  public var elementCount: Int { bytes.count / dtype.size }

  /// The values of an F32 tensor, else nil.
  public func floatValues() -> [Float]? {
    dtype == .f32 ? decode(UInt32.self) { Float(bitPattern: $0) } : nil
  }

  /// The values of an F64 tensor, else nil.
  public func doubleValues() -> [Double]? {
    dtype == .f64 ? decode(UInt64.self) { Double(bitPattern: $0) } : nil
  }

  /// The values of an I64 tensor, else nil.
  public func int64Values() -> [Int64]? {
    dtype == .i64 ? decode(Int64.self) { $0 } : nil
  }

  /// The values of an I32 tensor, else nil.
  public func int32Values() -> [Int32]? {
    dtype == .i32 ? decode(Int32.self) { $0 } : nil
  }

  /// The engine's `Tensor` for an F32 tensor, else nil.
  public func tensor() -> Tensor? {
    floatValues().map { Tensor(shape: shape, data: $0) }
  }

  /// shape × dtype size in bytes, or nil if a dimension is negative or the product overflows.
  public static func byteCount(shape: [Int], dtype: SafetensorsDType) -> Int? {
    var count = dtype.size
    for dimension in shape {
      guard dimension >= 0 else { return nil }
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      if overflow { return nil }
      count = product
    }
    return count
  }

  private static func encode<T, Bits: FixedWidthInteger>(_ values: [T], _ bits: (T) -> Bits)
    -> [UInt8]
  {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(values.count * MemoryLayout<Bits>.size)
    for value in values {
      withUnsafeBytes(of: bits(value).littleEndian) { bytes.append(contentsOf: $0) }
    }
    return bytes
  }

  private func decode<Bits: FixedWidthInteger, T>(_ type: Bits.Type, _ value: (Bits) -> T) -> [T] {
    let size = MemoryLayout<Bits>.size
    return bytes.withUnsafeBytes { raw in
      (0..<(raw.count / size)).map { i in
        value(Bits(littleEndian: raw.loadUnaligned(fromByteOffset: i * size, as: Bits.self)))
      }
    }
  }
}
