/// Sixteen Float lanes: the unit of the engine's element-wise gate math.
///
/// With AVX2 a `SIMD16<Float>` is two 256-bit registers; explicit vectors are needed because
/// loops over several gate pointers do not auto-vectorise and glibc's scalar `tanhf`/`expf`
/// cost 4–15× a vectorised version (PLATFORM.md, speed facts).
typealias Lanes = SIMD16<Float>

/// Vectorised `exp`, `tanh` and the logistic sigmoid, accurate to a few ulp.
///
/// Accuracy matters more than speed here: the engine's gradients must match PyTorch's to
/// ~2e-4 relative, and saturation diagnostics compare activations with 0.95. The formulas are
/// Cephes' single-precision ones (S. L. Moshier, Cephes Math Library, `expf.c`, `tanhf.c`):
/// `exp` by range reduction `x = n ln2 + r` with a degree-6 polynomial in `r`, `tanh` by an odd
/// polynomial below |x| = 0.625 and `(1 - e) / (1 + e)` with `e = exp(-2|x|)` above. The
/// sigmoid is `1 / (1 + e)` or `e / (1 + e)` with `e = exp(-|x|)`, which keeps its relative
/// accuracy in both tails (unlike `0.5 + 0.5 tanh(x/2)`, whose small values lose digits).
/// NaN inputs give NaN, so a diverging model shows as a NaN loss.
enum VectorMath {
  /// `exp(x)` for `x ≤ 0`; arguments below -87 give exp(-87) ≈ 1.6e-38 (never a denormal).
  @inline(__always)
  static func expNonPositive(_ x: Lanes) -> Lanes {
    let lowest: Float = -87
    let x = x.replacing(with: lowest, where: x .< lowest)
    // n = round(x / ln 2) by the 1.5·2^23 trick: adding it leaves n in the low mantissa bits.
    let magic: Float = 12_582_912
    let shifted = x * 1.442_695_04 + magic
    let n = shifted - magic
    var r = x - n * 0.693_359_375
    r = r - n * -2.121_944_40e-4
    var p = 1.987_569_150_0e-4 * r + 1.398_199_950_7e-3
    p = p * r + 8.333_451_907_3e-3
    p = p * r + 4.166_579_589_4e-2
    p = p * r + 1.666_666_545_9e-1
    p = p * r + 5.000_000_120_1e-1
    let y = p * (r * r) + r + 1
    // 2^n as a float: the exponent field holds n + 127.
    let bits = unsafeBitCast(shifted, to: SIMD16<Int32>.self)
    let scale = (bits &- (0x4B40_0000 - 127)) &<< 23
    return y * unsafeBitCast(scale, to: Lanes.self)
  }

  /// The hyperbolic tangent.
  @inline(__always)
  static func tanh(_ x: Lanes) -> Lanes {
    let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
    let magnitude = unsafeBitCast(bits & 0x7FFF_FFFF, to: Lanes.self)
    let e = expNonPositive(-2 * magnitude)
    let large = (1 - e) / (1 + e)
    let signedLarge = unsafeBitCast(
      unsafeBitCast(large, to: SIMD16<UInt32>.self) | (bits & 0x8000_0000), to: Lanes.self)
    let z = x * x
    var p = -5.704_988_727_45e-3 * z + 2.063_908_879_54e-2
    p = p * z - 5.373_971_555_31e-2
    p = p * z + 1.333_144_220_36e-1
    p = p * z - 3.333_328_194_22e-1
    let small = p * z * x + x
    return signedLarge.replacing(with: small, where: magnitude .< 0.625)
  }

  /// The logistic sigmoid `1 / (1 + exp(-x))`.
  @inline(__always)
  static func sigmoid(_ x: Lanes) -> Lanes {
    let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
    let magnitude = unsafeBitCast(bits & 0x7FFF_FFFF, to: Lanes.self)
    let e = expNonPositive(-magnitude)
    let positive = 1 / (1 + e)
    return positive.replacing(with: e * positive, where: x .< 0)
  }

  /// `max(x, 0)`, keeping NaN.
  @inline(__always)
  static func relu(_ x: Lanes) -> Lanes {
    x.replacing(with: 0, where: x .< 0)
  }
}

/// Loads and stores of up to 16 lanes, so that a row whose length is not a multiple of 16 goes
/// through the same vector formulas as the rest (and gives bit-identical results).
enum LaneIO {
  @inline(__always)
  static func load(_ p: UnsafePointer<Float>, _ count: Int) -> Lanes {
    if count == Lanes.scalarCount {
      return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }
    var v = Lanes()
    for k in 0..<count { v[k] = p[k] }
    return v
  }

  @inline(__always)
  static func load(_ p: UnsafeMutablePointer<Float>, _ count: Int) -> Lanes {
    load(UnsafePointer(p), count)
  }

  @inline(__always)
  static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
    if count == Lanes.scalarCount {
      UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
      return
    }
    for k in 0..<count { p[k] = v[k] }
  }
}
