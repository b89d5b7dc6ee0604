import CBLAS

extension Initializer {
  /// `[G*H, H]` with each H×H gate block an independent random orthogonal matrix, drawn as
  /// `torch.nn.init.orthogonal_` draws one (Saxe, McClelland & Ganguli 2014).
  static func orthogonalBlocks(_ shape: [Int], hidden h: Int, _ generator: inout SeededGenerator)
    -> Tensor
  {
    var tensor = Tensor(zeros: shape)
    guard h > 0 else { return tensor }
    for block in 0..<(shape[0] / h) {
      let q = randomOrthogonal(h, &generator)  // column-major: q[column * h + row]
      for row in 0..<h {
        for column in 0..<h {
          tensor.data[(block * h + row) * h + column] = Float(q[column * h + row])
        }
      }
    }
    return tensor
  }

  /// The Q factor, column-major (`[column * n + row]`), of an n×n standard Gaussian matrix A
  /// (drawn row-major) whose R factor has a positive diagonal.
  ///
  /// PyTorch computes Q by Householder QR and multiplies each column by the sign of R's
  /// diagonal entry; that is the unique QR with diag(R) > 0, which is what Gram-Schmidt on the
  /// columns of A produces directly. Classical Gram-Schmidt applied twice ("CGS2", Giraud et
  /// al. 2005) keeps Q orthogonal to working precision; the work is done in Double, the
  /// projections as BLAS matrix-vector products (H = 512 takes milliseconds, not seconds).
  static func randomOrthogonal(_ n: Int, _ generator: inout SeededGenerator) -> [Double] {
    var a = [Double](repeating: 0, count: n * n)  // column-major
    for row in 0..<n {
      for column in 0..<n { a[column * n + row] = generator.normal() }
    }
    var q = [Double](repeating: 0, count: n * n)  // column-major; columns 0..<j are done
    var v = [Double](repeating: 0, count: n)
    var dots = [Double](repeating: 0, count: n)
    for j in 0..<n {
      for r in 0..<n { v[r] = a[j * n + r] }
      while true {
        for _ in 0..<2 { project(&v, outOf: q, columns: j, dots: &dots) }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 1e-8 {
          for r in 0..<n { q[j * n + r] = v[r] / norm }
          break
        }
        // A column (numerically) in the span of the previous ones has probability 0; draw
        // it again rather than divide by ~0.
        for r in 0..<n { v[r] = generator.normal() }
      }
    }
    return q
  }

  /// v ← v - Q_j Q_jᵀ v, with Q_j the first `columns` columns of the column-major n×n `q`.
  private static func project(
    _ v: inout [Double], outOf q: [Double], columns j: Int, dots: inout [Double]
  ) {
    guard j > 0 else { return }
    let n = Int32(v.count)
    // Q_j column-major is, row-major, the j×n matrix C with Q_jᵀ v = C v.
    cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(j), n, 1, q, n, v, 1, 0, &dots, 1)
    cblas_dgemv(CblasRowMajor, CblasTrans, Int32(j), n, -1, q, n, dots, 1, 1, &v, 1)
  }
}
