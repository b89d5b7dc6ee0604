import Testing

@testable import RecurEngine

/// The tiled product behind the per-step recurrent GEMMs (`BLAS.sgemmFewRows`) against a
/// Double reference. Small limits force several depth and column tiles with remainders on any
/// machine, whether or not its OpenBLAS has small-matrix kernels.
@Suite struct FewRowsProductTests {
  /// `C = A·B + beta C` in Double, row-major with row strides.
  static func reference(
    _ a: [Float], _ b: [Float], _ c: [Float], m: Int, n: Int, k: Int, lda: Int, ldb: Int,
    ldc: Int, beta: Float
  ) -> [Double] {
    var out = c.map(Double.init)
    for r in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        for i in 0..<k { sum += Double(a[r * lda + i]) * Double(b[i * ldb + j]) }
        out[r * ldc + j] = sum + (beta == 0 ? 0 : Double(beta) * Double(c[r * ldc + j]))
      }
    }
    return out
  }

  static func values(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in generator.uniform(-1, 1) }
  }

  @Test(arguments: [
    (m: 3, n: 50, k: 37, columns: 16, limit: 600, beta: Float(1)),
    (m: 5, n: 23, k: 100, columns: 7, limit: 3000, beta: Float(0)),
    (m: 4, n: 40, k: 9, columns: 64, limit: 100, beta: Float(0.5)),
    (m: 2, n: 8, k: 0, columns: 3, limit: 50, beta: Float(0.5)),
  ])
  func tilesMatchTheProduct(m: Int, n: Int, k: Int, columns: Int, limit: Int, beta: Float) {
    // Padded strides: tiles must address sub-blocks of larger matrices correctly.
    let (lda, ldb, ldc) = (k + 3, n + 5, n + 2)
    let a = Self.values(m * lda, seed: 1)
    let b = Self.values(max(1, k) * ldb, seed: 2)
    var c = Self.values(m * ldc, seed: 3)
    if beta == 0 { c[0] = .nan }  // beta 0 ignores C's old values, as BLAS does
    let expected = Self.reference(
      a, b, c, m: m, n: n, k: k, lda: lda, ldb: ldb, ldc: ldc, beta: beta)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
          BLAS.sgemmTiles(
            m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc,
            columns: columns, limit: limit)
        }
      }
    }
    for r in 0..<m {
      for j in 0..<ldc {
        let index = r * ldc + j
        // Columns past n are padding and must be left alone.
        let want = j < n ? expected[index] : Double(c[index])
        #expect(abs(Double(c[index]) - want) <= 1e-5 * Double(max(1, k)), "C[\(r), \(j)]")
      }
    }
  }

  @Test func fewRowsMatchesPlainProductAtTrainingShapes() {
    let (m, n, k) = (32, 1024, 256)  // 8.4e6 multiply-adds: tiled where the kernels exist
    let a = Self.values(m * k, seed: 4)
    let b = Self.values(k * n, seed: 5)
    var tiled = Self.values(m * n, seed: 6)
    var plain = tiled
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        guard let a = a.baseAddress, let b = b.baseAddress else { return }
        tiled.withUnsafeMutableBufferPointer { c in
          guard let c = c.baseAddress else { return }
          BLAS.sgemmFewRows(
            m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, beta: 1, c: c, ldc: n)
        }
        plain.withUnsafeMutableBufferPointer { c in
          guard let c = c.baseAddress else { return }
          BLAS.sgemm(
            .none, .none, m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, beta: 1, c: c, ldc: n)
        }
      }
    }
    let error = zip(tiled, plain).map { abs(Double($0) - Double($1)) }.max() ?? .infinity
    #expect(error < 1e-4)
  }
}

/// A training step at a batch and width where the recurrent GEMMs exceed the small-matrix
/// limit (32·640·160 multiply-adds per step for the LSTM), so that they are tiled on machines
/// whose OpenBLAS has the kernels (run with `OPENBLAS_CORETYPE=Cooperlake` there), against the
/// Double reference.
@Suite struct TiledRecurrenceTests {
  @Test(arguments: [CellKind.lstm, .gru, .rnn])
  func wideStepMatchesReference(cell: CellKind) throws {
    let config = ModelConfig(
      cell: cell, inputSize: 3, hiddenSize: 160, layers: 1, outputSize: 2)
    let model = TestModels.model(config, seed: 11, scale: 0.6)
    let batch = TestModels.batch(config, loss: .mseLast, steps: 3, size: 40, seed: 12)
    let step = try TrainingStep(config: config, loss: .mseLast)
    let fast = try step.run(model, on: batch)
    let reference = ReferenceModel(model).run(batch, loss: .mseLast)
    #expect(abs(Double(fast.loss) - reference.loss) <= 1e-5 * max(1, abs(reference.loss)))
    for (p, name) in config.parameterShapes.map(\.name).enumerated() {
      let error = TestModels.relativeError(
        fast.gradients[p].data.map(Double.init), reference.gradients[p])
      #expect(error < 1e-4, "\(name): \(error)")
    }
  }
}
