import CBLAS

/// Runs engine work with subnormal Floats flushed to zero (x86 MXCSR FTZ and DAZ), then
/// restores the thread's previous mode.
///
/// Why: gradients that vanish through time reach subnormal values (below 1.18e-38) after a
/// few dozen steps, and x86 multiplies on subnormals ~100× slower; measured here, one such
/// SGEMM ran at 0.6 GFLOP/s instead of 68, which made a backward pass several times slower
/// than the forward. The price is that values below 1.18e-38 become 0 (PyTorch keeps
/// subnormals down to 1.4e-45): a gradient that small is reported as 0 in `hidden_grad_norm`.
/// On other architectures this does nothing.
enum DenormalMode {
  static func flushingToZero<T>(_ body: () throws(EngineError) -> T) throws(EngineError) -> T {
    let previous = recur_flush_denormals()
    defer { recur_restore_denormals(previous) }
    return try body()
  }
}
