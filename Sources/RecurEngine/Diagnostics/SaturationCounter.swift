/// Counts saturated activations in a `[rows, stride]` buffer, columns `offset..<offset+width`,
/// sixteen lanes at a time.
enum SaturationCounter {
  static func count(
    _ values: UnsafePointer<Float>, rows: Int, stride: Int, offset: Int, width: Int,
    rule: SaturationRule
  ) -> Int {
    let laneIndex = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    var counts = SIMD16<Int32>()
    var total = 0
    for r in 0..<rows {
      let row = values + r * stride + offset
      var j = 0
      while j < width {
        let n = min(Lanes.scalarCount, width - j)
        let a = LaneIO.load(row + j, n)
        let hit: SIMDMask<SIMD16<Int32>> =
          switch rule {
          case .sigmoid: (a .< 0.05) .| (a .> 0.95)
          case .tanh: (a .> 0.95) .| (a .< -0.95)
          case .zero: a .== 0
          }
        let live = laneIndex .< Int32(n)  // a row's tail has fewer than 16 lanes
        counts.replace(with: counts &+ 1, where: hit .& live)
        j += n
      }
      if r & 1023 == 1023 {  // fold before the Int32 lanes could overflow
        total += Int(counts.wrappedSum())
        counts = SIMD16<Int32>()
      }
    }
    return total + Int(counts.wrappedSum())
  }
}
