import CBLAS

/// The few BLAS routines the engine uses, over OpenBLAS's CBLAS, row-major throughout.
///
/// The one place where the engine calls into C: every call checks its sizes, converts them to
/// `blasint` (Int32) and names its operands as the BLAS reference does (`C = α op(A) op(B) + β C`).
public enum BLAS {
  /// Whether an operand is used as stored or transposed.
  public enum Transpose: Sendable {
    case none
    case transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
  }

  /// `C[m, n] = alpha * op(A)[m, k] * op(B)[k, n] + beta * C`, all row-major.
  ///
  /// `lda`, `ldb`, `ldc` are the row strides of the matrices as stored (so `lda` is `k` for an
  /// untransposed `A[m, k]` and `m` for a transposed one stored as `[k, m]`). With `k == 0`
  /// the product is empty and `C` becomes `beta * C`.
  public static func sgemm(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) {
    precondition(m >= 0 && n >= 0 && k >= 0, "sgemm sizes must be non-negative")
    guard m > 0, n > 0 else { return }
    if k == 0 {
      scaleRows(c, rows: m, columns: n, stride: ldc, by: beta)
      return
    }
    cblas_sgemm(
      CblasRowMajor, transA.cblas, transB.cblas, blasint(m), blasint(n), blasint(k), alpha,
      a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
  }

  /// `y[m or n] = alpha * op(A) x + beta * y` for a row-major `A[m, n]`.
  public static func sgemv(
    _ trans: Transpose, m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
    x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>
  ) {
    precondition(m >= 0 && n >= 0, "sgemv sizes must be non-negative")
    let outputs = trans == .none ? m : n
    guard outputs > 0 else { return }
    if m == 0 || n == 0 {
      scaleRows(y, rows: 1, columns: outputs, stride: outputs, by: beta)
      return
    }
    cblas_sgemv(
      CblasRowMajor, trans.cblas, blasint(m), blasint(n), alpha, a, blasint(lda), x, 1, beta, y,
      1)
  }

  /// `out[columns, rows] = a[rows, columns]^T`, row-major (OpenBLAS's `somatcopy`).
  public static func transpose(
    _ a: UnsafePointer<Float>, rows: Int, columns: Int, into out: UnsafeMutablePointer<Float>
  ) {
    guard rows > 0, columns > 0 else { return }
    cblas_somatcopy(
      CblasRowMajor, CblasTrans, blasint(rows), blasint(columns), 1, a, blasint(columns), out,
      blasint(rows))
  }

  /// The Euclidean norm of `x[count]`, computed by BLAS without overflow for large entries.
  public static func snrm2(_ x: UnsafePointer<Float>, count: Int) -> Float {
    guard count > 0 else { return 0 }
    return cblas_snrm2(blasint(count), x, 1)
  }

  /// Sets how many threads OpenBLAS uses in this process.
  ///
  /// Workers run single-threaded (DESIGN.md: sweeps take their parallelism from processes).
  /// Setting `OPENBLAS_NUM_THREADS=1` in the environment as well avoids an idle OpenBLAS
  /// thread that was seen spinning when only this call was made (PLATFORM.md).
  public static func setThreadCount(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
  }

  /// How many threads OpenBLAS currently uses.
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  private static func scaleRows(
    _ c: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int, by beta: Float
  ) {
    guard beta != 1 else { return }
    for r in 0..<rows {
      let row = c + r * stride
      for j in 0..<columns { row[j] = beta == 0 ? 0 : beta * row[j] }
    }
  }
}
