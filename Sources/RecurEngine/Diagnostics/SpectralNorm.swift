/// The largest singular value of a matrix by power iteration (Golub & Van Loan, Matrix
/// Computations, 4th ed., §8.2.1) on its Gram matrix.
///
/// `W [m, n]` → `A = W^T W [n, n]` (one GEMM), then `v ← A v / ‖A v‖` until the Rayleigh
/// quotient `λ = v^T A v` changes by less than `tolerance` relatively; σ = √λ. Iterating on
/// the small Gram matrix keeps it in cache. `start` is the vector to begin from: empty the
/// first time (a fixed seeded vector is used, so the same calls give the same figures), then
/// the previous result, so that a training run's weights, which move little between two
/// diagnoses, converge in a few iterations. When the top two singular values are close the
/// estimate converges slowly, from below; `maxIterations` bounds the cost.
enum SpectralNorm {
  static func largestSingularValue(
    _ w: UnsafePointer<Float>, rows m: Int, columns n: Int, start: inout [Float],
    maxIterations: Int = 300, tolerance: Double = 1e-6
  ) -> Float {
    guard m > 0, n > 0 else { return 0 }
    let gram = FloatBuffer(count: n * n)
    BLAS.sgemm(
      .transposed, .none, m: n, n: n, k: m, a: w, lda: n, b: w, ldb: n, beta: 0,
      c: gram.pointer, ldc: n)
    let v = FloatBuffer(count: n)
    let av = FloatBuffer(count: n)
    if start.count == n, start.contains(where: { $0 != 0 && $0.isFinite }) {
      v.copy(from: start)
    } else {
      var generator = SeededGenerator(seed: 0x5EC7_4A1)
      for j in 0..<n { v.pointer[j] = generator.uniform(0.5, 1.5) }
    }
    normalise(v.pointer, n)
    defer { start = v.array }
    var lambda = 0.0
    for _ in 0..<maxIterations {
      BLAS.sgemv(.none, m: n, n: n, a: gram.pointer, lda: n, x: v.pointer, beta: 0, y: av.pointer)
      var quotient = 0.0
      for j in 0..<n { quotient += Double(v.pointer[j]) * Double(av.pointer[j]) }
      let norm = BLAS.snrm2(av.pointer, count: n)
      guard norm > 0, norm.isFinite else { return norm.isFinite ? 0 : .nan }
      for j in 0..<n { v.pointer[j] = av.pointer[j] / norm }
      let converged = abs(quotient - lambda) <= tolerance * abs(quotient)
      lambda = quotient
      if converged { break }
    }
    return Float(max(0, lambda).squareRoot())
  }

  private static func normalise(_ v: UnsafeMutablePointer<Float>, _ n: Int) {
    let norm = BLAS.snrm2(v, count: n)
    for j in 0..<n { v[j] /= norm }
  }
}
