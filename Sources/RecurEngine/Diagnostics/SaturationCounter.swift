/// Counts saturated activations in a `[rows, stride]` buffer, columns `offset..<offset+width`.
///
/// Plain loops over one row at a time, which the compiler vectorises (a comparison and an
/// integer sum per lane); SIMD masks in Swift's generic SIMD code were 10x slower here.
enum SaturationCounter {
  static func count(
    _ values: UnsafePointer<Float>, rows: Int, stride: Int, offset: Int, width: Int,
    rule: SaturationRule
  ) -> Int {
    var total = 0
    for r in 0..<rows {
      let row = values + r * stride + offset
      switch rule {
      case .sigmoid: total += countSigmoid(row, width)
      case .tanh: total += countTanh(row, width)
      case .zero: total += countZero(row, width)
      }
    }
    return total
  }

  /// Below 0.05 or above 0.95.
  private static func countSigmoid(_ a: UnsafePointer<Float>, _ n: Int) -> Int {
    var count: Int32 = 0
    for j in 0..<n {
      let low: Int32 = a[j] < 0.05 ? 1 : 0  // selects, not a short-circuit `||`: vectorises
      let high: Int32 = a[j] > 0.95 ? 1 : 0
      count &+= low | high
    }
    return Int(count)
  }

  /// |a| > 0.95.
  private static func countTanh(_ a: UnsafePointer<Float>, _ n: Int) -> Int {
    var count: Int32 = 0
    for j in 0..<n {
      let low: Int32 = a[j] < -0.95 ? 1 : 0
      let high: Int32 = a[j] > 0.95 ? 1 : 0
      count &+= low | high
    }
    return Int(count)
  }

  /// Exactly zero.
  private static func countZero(_ a: UnsafePointer<Float>, _ n: Int) -> Int {
    var count: Int32 = 0
    for j in 0..<n { count &+= a[j] == 0 ? 1 : 0 }
    return Int(count)
  }
}
