#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension BLAS {
  /// Measures the single-thread SGEMM rate in GFLOP/s on square `size`×`size` matrices: the
  /// baseline against which `recur bench engine` states its own GFLOP/s.
  ///
  /// Sets OpenBLAS to one thread for the measurement and restores the previous count. Counts
  /// 2·n³ FLOPs per product over the thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), and keeps
  /// the best of ten slices, so that other processes on a shared machine lower the figure
  /// less (PLATFORM.md).
  public static func measureSingleThreadRate(size: Int = 512, seconds: Double = 0.5) -> Double {
    let previous = threadCount
    setThreadCount(1)
    defer { setThreadCount(previous) }
    let n = max(16, size)
    let a = FloatBuffer(count: n * n)
    let b = FloatBuffer(count: n * n)
    let c = FloatBuffer(count: n * n)
    var generator = SeededGenerator(seed: 1)
    for i in 0..<(n * n) {
      a.pointer[i] = generator.uniform(-1, 1)
      b.pointer[i] = generator.uniform(-1, 1)
    }
    func product() {
      sgemm(
        .none, .none, m: n, n: n, k: n, a: a.pointer, lda: n, b: b.pointer, ldb: n, beta: 0,
        c: c.pointer, ldc: n)
    }
    product()  // warm the caches and OpenBLAS's buffers
    // The best of ten slices: other processes on a shared machine only ever slow it down.
    var best = 0.0
    for _ in 0..<10 {
      var runs = 0
      let start = ThreadClock.now()
      var elapsed = 0.0
      repeat {
        product()
        runs += 1
        elapsed = ThreadClock.now() - start
      } while elapsed < seconds / 10
      best = max(best, 2 * Double(n) * Double(n) * Double(n) * Double(runs) / elapsed / 1e9)
    }
    return best
  }
}

/// The CPU time of the calling thread, in seconds.
public enum ThreadClock {
  public static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
  }
}
