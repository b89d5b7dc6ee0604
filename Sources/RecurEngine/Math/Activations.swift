/// `exp`, `tanh` and the logistic sigmoid for Float, accurate to a few ulp, written so that
/// loops calling them vectorise.
///
/// Accuracy matters more than speed here: the engine's gradients must match PyTorch's to
/// ~2e-4 relative, and saturation diagnostics compare activations with 0.95. The formulas are
/// Cephes' single-precision ones (S. L. Moshier, Cephes Math Library, `expf.c`, `tanhf.c`):
/// `exp` by range reduction `x = n ln2 + r` with a degree-6 polynomial in `r`, `tanh` by an odd
/// polynomial below |x| = 0.625 and `(1 - e) / (1 + e)` with `e = exp(-2|x|)` above. The
/// sigmoid is `1 / (1 + e)` or `e / (1 + e)` with `e = exp(-|x|)`, which keeps its relative
/// accuracy in both tails (unlike `0.5 + 0.5 tanh(x/2)`, whose small values lose digits).
/// `ActivationTests` bounds the errors: exp ≤ 1.5 ulp, tanh ≤ 2, sigmoid ≤ 3. NaN gives NaN,
/// so a diverging model shows as a NaN loss.
///
/// Why scalar functions: glibc's `tanhf`/`expf` are calls that stop a loop from vectorising
/// and cost 4–15× a vector version (PLATFORM.md). These are branch-free (selects, bit
/// casts, no calls), so a plain `for j in 0..<n` loop over them compiles to 8-lane AVX2
/// code. Explicit `SIMD16<Float>` code did worse with this toolchain: its generic masks and
/// `replacing(with:where:)` were lowered lane by lane and the kernels ran 3× slower.
///
/// The polynomials and the range reduction use fused multiply-adds (`addingProduct`, one
/// `vfmadd` each for the Haswell target the package builds for; Swift never fuses `a * b + c`
/// by itself): a third fewer vector operations, which took 5–12% off whole training steps at
/// H = 128, with one rounding less per term (the ulp bounds above still hold).
enum Activations {
  /// `exp(x)` for `x ≤ 0`; arguments below -87 give exp(-87) ≈ 1.6e-38 (never a denormal).
  @inline(__always)
  static func expNonPositive(_ argument: Float) -> Float {
    let x = argument < -87 ? -87 : argument
    // n = round(x / ln 2) by the 1.5·2^23 trick: adding it leaves n in the low mantissa bits.
    let magic: Float = 12_582_912
    let shifted = magic.addingProduct(x, 1.442_695_04)
    let n = shifted - magic
    var r = x.addingProduct(n, -0.693_359_375)
    r = r.addingProduct(n, 2.121_944_40e-4)
    var p = Float(1.398_199_950_7e-3).addingProduct(1.987_569_150_0e-4, r)
    p = Float(8.333_451_907_3e-3).addingProduct(p, r)
    p = Float(4.166_579_589_4e-2).addingProduct(p, r)
    p = Float(1.666_666_545_9e-1).addingProduct(p, r)
    p = Float(5.000_000_120_1e-1).addingProduct(p, r)
    let y = r.addingProduct(p, r * r) + 1
    // 2^n as a float: the exponent field holds n + 127.
    return y * Float(bitPattern: (shifted.bitPattern &- (0x4B40_0000 - 127)) &<< 23)
  }

  /// The hyperbolic tangent.
  @inline(__always)
  static func tanh(_ x: Float) -> Float {
    let magnitude = Float(bitPattern: x.bitPattern & 0x7FFF_FFFF)
    let e = expNonPositive(-2 * magnitude)
    let large = (1 - e) / (1 + e)
    let signedLarge = Float(bitPattern: large.bitPattern | (x.bitPattern & 0x8000_0000))
    let z = x * x
    var p = Float(2.063_908_879_54e-2).addingProduct(-5.704_988_727_45e-3, z)
    p = Float(-5.373_971_555_31e-2).addingProduct(p, z)
    p = Float(1.333_144_220_36e-1).addingProduct(p, z)
    p = Float(-3.333_328_194_22e-1).addingProduct(p, z)
    let small = x.addingProduct(p * z, x)
    return magnitude < 0.625 ? small : signedLarge
  }

  /// The logistic sigmoid `1 / (1 + exp(-x))`.
  @inline(__always)
  static func sigmoid(_ x: Float) -> Float {
    let magnitude = Float(bitPattern: x.bitPattern & 0x7FFF_FFFF)
    let e = expNonPositive(-magnitude)
    let positive = 1 / (1 + e)
    return x < 0 ? e * positive : positive
  }

  /// `max(x, 0)`, keeping NaN.
  @inline(__always)
  static func relu(_ x: Float) -> Float {
    x < 0 ? 0 : x
  }
}
