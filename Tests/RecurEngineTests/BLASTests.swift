import Testing

@testable import RecurEngine

/// The BLAS wrapper against naive loops: every transpose combination, strides, empty
/// products, and the choice of OpenBLAS kernels.
@Suite struct BLASTests {
  static func random(_ count: Int, seed: UInt64) -> [Float] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in generator.uniform(-1, 1) }
  }

  @Test(arguments: [
    (BLAS.Transpose.none, BLAS.Transpose.none), (.none, .transposed), (.transposed, .none),
    (.transposed, .transposed),
  ])
  func sgemmMatchesNaiveProduct(transA: BLAS.Transpose, transB: BLAS.Transpose) {
    let (m, n, k) = (5, 7, 3)
    let a = Self.random(m * k, seed: 1)  // stored [m, k] or [k, m]
    let b = Self.random(k * n, seed: 2)  // stored [k, n] or [n, k]
    var c = Self.random(m * n, seed: 3)
    let start = c
    let lda = transA == .none ? k : m
    let ldb = transB == .none ? n : k
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          BLAS.sgemm(
            transA, transB, m: m, n: n, k: k, alpha: 2, a: a.baseAddress!, lda: lda,
            b: b.baseAddress!, ldb: ldb, beta: 0.5, c: c.baseAddress!, ldc: n)
        }
      }
    }
    for i in 0..<m {
      for j in 0..<n {
        var sum: Float = 0
        for p in 0..<k {
          let x = transA == .none ? a[i * k + p] : a[p * m + i]
          let y = transB == .none ? b[p * n + j] : b[j * k + p]
          sum += x * y
        }
        #expect(abs(c[i * n + j] - (2 * sum + 0.5 * start[i * n + j])) < 1e-5)
      }
    }
  }

  @Test func anEmptyProductScalesC() {
    var c: [Float] = [1, 2, 3, 4]
    let a: [Float] = [0]
    c.withUnsafeMutableBufferPointer { c in
      BLAS.sgemm(
        .none, .none, m: 2, n: 2, k: 0, a: a, lda: 1, b: a, ldb: 2, beta: 0, c: c.baseAddress!,
        ldc: 2)
    }
    #expect(c == [0, 0, 0, 0])
  }

  @Test func transposeSwapsRowsAndColumns() {
    let a: [Float] = [1, 2, 3, 4, 5, 6]  // [2, 3]
    var out = [Float](repeating: 0, count: 6)
    out.withUnsafeMutableBufferPointer {
      BLAS.transpose(a, rows: 2, columns: 3, into: $0.baseAddress!)
    }
    #expect(out == [1, 4, 2, 5, 3, 6])
  }

  @Test func aGenericKernelChoiceIsCorrectedOnlyWhenTheCPUHasBetter() {
    let avx512: Set<String> = [
      "avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd",
    ]
    let generic = ["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom"].contains(
      BLAS.coreName)
    if generic {
      #expect(BLAS.preferredCoreType(cpuFlags: avx512) == "SkylakeX")
      #expect(BLAS.preferredCoreType(cpuFlags: avx512.union(["avx512_bf16"])) == "Cooperlake")
      #expect(BLAS.preferredCoreType(cpuFlags: ["avx2", "fma"]) == "Haswell")
      #expect(BLAS.preferredCoreType(cpuFlags: ["sse3"]) == nil)
    } else {
      #expect(BLAS.preferredCoreType(cpuFlags: avx512) == nil)
    }
  }
}
