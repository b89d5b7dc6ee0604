extension BLAS {
  /// `C[m, n] = A[m, k] · B[k, n] + beta C` (row-major, neither operand transposed) for products
  /// with few rows and a wide, deep `B`: the per-step recurrent GEMMs, `h_{t-1} · W_hh^T`
  /// forward and `dGates_t · W_hh` backward, where `m` is the batch.
  ///
  /// Why: OpenBLAS's general path packs both operands into its own layout on every call. With
  /// 32 rows each packed weight is used for only 32 multiply-adds, so packing `W_hh` took as
  /// long as the arithmetic (a quarter of an LSTM step at H = 512 in `perf`). OpenBLAS 0.3.16+
  /// also has "small matrix" kernels for AVX-512 cores (`SkylakeX`, `Cooperlake`) that read
  /// the operands in place; it uses them when `m·n·k ≤ 10⁶`
  /// (`kernel/x86_64/sgemm_small_kernel_permit_skylakex.c`). Cutting the product into tiles of
  /// that size gets them. Measured single-threaded at m = 32 (GFLOP/s, one call against tiles):
  /// `[32,128]·[128,512]` 94 → 161, `[32,512]·[512,2048]` 84 → 110,
  /// `[32,2048]·[2048,512]` 70 → 128, `[32,256]·[256,1024]` 106 → 146.
  ///
  /// The tiles are `tileColumns` columns wide and as deep as the limit allows; the depth
  /// blocks run outermost, each adding into `C` (the first with the caller's `beta`), so a
  /// block of `A` stays in L1 across a sweep of `B`. Cutting `k` changes the order of the
  /// additions, not their set: results stay deterministic for a given shape and machine. On
  /// other cores, or with more than `fewRows` rows (where packing pays for itself), this is
  /// a plain `sgemm`.
  public static func sgemmFewRows(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
    ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    let product = Double(m) * Double(n) * Double(k)
    guard hasSmallMatrixKernels, m > 0, m <= fewRows, product > Double(smallProductLimit) else {
      sgemm(
        .none, .none, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c,
        ldc: ldc)
      return
    }
    sgemmTiles(
      m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc,
      columns: tileColumns, limit: smallProductLimit)
  }

  /// The same product as tiles `columns` wide whose `m·columns·depth` stays within `limit`,
  /// depth a multiple of 32 (of 8 for tiny limits, as in tests), depth blocks outermost.
  static func sgemmTiles(
    m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
    ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, columns width: Int,
    limit: Int
  ) {
    guard m > 0, n > 0 else { return }
    let columns = max(1, min(n, width))
    let fit = limit / (m * columns)
    let depth = max(1, min(k, fit >= 64 ? fit / 32 * 32 : fit / 8 * 8))
    if beta == 0 {
      // Beta 0 with alpha 1 would send tiles to OpenBLAS's `sgemm_direct`, slower at these
      // shapes; so `C` is cleared here (as BLAS ignores its old values, NaN included) and
      // every tile adds.
      for r in 0..<m { (c + r * ldc).update(repeating: 0, count: n) }
    }
    var start = 0
    repeat {
      let size = min(depth, k - start)
      let tileBeta: Float = start == 0 && beta != 0 ? beta : 1
      var column = 0
      while column < n {
        sgemm(
          .none, .none, m: m, n: min(columns, n - column), k: size, a: a + start, lda: lda,
          b: b + start * ldb + column, ldb: ldb, beta: tileBeta, c: c + column, ldc: ldc)
        column += columns
      }
      start += size
    } while start < k
  }

  /// The largest `m·n·k` OpenBLAS sends to its small-matrix kernels.
  static let smallProductLimit = 1_000_000
  /// Products with more rows than this take the general path (measured at m = 64: tiles still
  /// won on most shapes, lost 10% at `[64,512]·[512,2048]`).
  static let fewRows = 64
  /// Tile width: 192 was the best or within noise of it at m = 8…64 and H = 128…512.
  static let tileColumns = 192

  /// Whether OpenBLAS runs its small-matrix kernels on this CPU: the AVX-512 kernel sets that
  /// have them (OpenBLAS 0.3.21 builds them for `SkylakeX` and `Cooperlake`).
  static let hasSmallMatrixKernels: Bool = ["SkylakeX", "Cooperlake", "SapphireRapids"].contains(
    coreName)
}
