#ifndef RECUR_CBLAS_SHIM_H
#define RECUR_CBLAS_SHIM_H
#include <cblas.h>

/* Flush-to-zero and denormals-are-zero for the calling thread, around the engine's steps.
 * A subnormal operand makes a multiply ~100x slower on x86; vanishing gradients reach
 * subnormals after a few dozen steps of backprop through time, and one such GEMM then costs
 * as much as a whole training step. Returns the previous state for recur_restore_denormals. */
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
static inline unsigned int recur_flush_denormals(void) {
  unsigned int previous = _mm_getcsr();
  _mm_setcsr(previous | 0x8040u); /* FTZ (bit 15) | DAZ (bit 6) */
  return previous;
}
static inline void recur_restore_denormals(unsigned int previous) { _mm_setcsr(previous); }
#else
static inline unsigned int recur_flush_denormals(void) { return 0; }
static inline void recur_restore_denormals(unsigned int previous) { (void)previous; }
#endif

#endif
