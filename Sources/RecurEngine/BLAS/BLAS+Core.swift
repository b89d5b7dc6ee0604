import CBLAS

#if canImport(Glibc)
  import Glibc
#endif

extension BLAS {
  /// The CPU kernel set OpenBLAS chose at load time (`Haswell`, `SkylakeX`, `Prescott`, …).
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// The kernel set to ask for with `OPENBLAS_CORETYPE` when OpenBLAS fell back to a generic
  /// one on a CPU that has better, or nil when its choice is fine.
  ///
  /// OpenBLAS 0.3.21 (Debian 12) does not recognise some recent Xeons (here a Sapphire Rapids
  /// VM reporting "Intel(R) Xeon(R) Processor") and picks `Prescott`, SSE3 kernels that run
  /// SGEMM at ~28 GFLOP/s instead of ~130 with `Cooperlake`. The variable is read once when
  /// the library loads, so a process must be started with it (see `recur bench engine`).
  public static func preferredCoreType(cpuFlags: Set<String>? = nil) -> String? {
    let generic: Set<String> = ["Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom"]
    guard generic.contains(coreName) else { return nil }
    guard let flags = cpuFlags ?? cpuInfoFlags() else { return nil }
    let avx512 = ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd"]
    if avx512.allSatisfy(flags.contains) {
      return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX"
    }
    if flags.contains("avx2"), flags.contains("fma") { return "Haswell" }
    return nil
  }

  /// The feature flags of the first CPU in `/proc/cpuinfo` (Linux), or nil.
  static func cpuInfoFlags() -> Set<String>? {
    #if os(Linux)
      guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
      defer { fclose(file) }
      var line: UnsafeMutablePointer<CChar>?
      var capacity = 0
      defer { free(line) }
      while getline(&line, &capacity, file) > 0 {
        guard let line else { break }
        let text = String(cString: line)
        guard text.hasPrefix("flags") else { continue }
        let values = text.split(separator: ":", maxSplits: 1).last ?? ""
        return Set(values.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
      }
      return nil
    #else
      return nil
    #endif
  }
}
