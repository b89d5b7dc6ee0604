import Foundation
import RecurEngine

/// Restarts the current process with the OpenBLAS settings the engine needs to be fast, when
/// they are missing from its environment: `OPENBLAS_NUM_THREADS=1` (one thread per worker,
/// DESIGN.md) and, when OpenBLAS fell back to generic kernels on this CPU,
/// `OPENBLAS_CORETYPE` (see `BLAS.preferredCoreType`). Both are read when the library loads,
/// so only a new process picks them up. Commands that train call this first.
enum TunedBLAS {
  static func restartIfNeeded() {
    let environment = ProcessInfo.processInfo.environment
    var changes: [String: String] = [:]
    if environment["OPENBLAS_NUM_THREADS"] == nil { changes["OPENBLAS_NUM_THREADS"] = "1" }
    if environment["OPENBLAS_CORETYPE"] == nil, let core = BLAS.preferredCoreType() {
      changes["OPENBLAS_CORETYPE"] = core
    }
    guard !changes.isEmpty else { return }
    for (name, value) in changes { setenv(name, value, 1) }
    let arguments = CommandLine.arguments
    let argv = arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", argv)  // returns only on failure: carry on as we are
    for (name, _) in changes { unsetenv(name) }
  }
}
