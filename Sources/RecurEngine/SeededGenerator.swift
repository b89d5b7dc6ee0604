/// The engine's own seeded random generator: xoshiro256** (Blackman & Vigna, 2018), seeded
/// through SplitMix64 as its authors recommend.
///
/// Why our own: Swift's `SystemRandomNumberGenerator` cannot be seeded, and the standard
/// library's distributions are not specified bit for bit across releases. Every draw here is
/// defined by this file alone, so the same seed gives the same model, data and losses on every
/// machine and every run of the same build.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator for `seed`; `stream` selects an independent sequence for the same seed
  /// (for example the training batches and the held-out set of one task).
  public init(seed: UInt64, stream: UInt64 = 0) {
    var mix = SplitMix64(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (stream << 32))
    s0 = mix.next()
    s1 = mix.next()
    s2 = mix.next()
    s3 = mix.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one fixed point
  }

  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// A Float uniform on [0, 1) with 24 random bits (every representable multiple of 2^-24).
  public mutating func nextFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A Double uniform on [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A Float uniform on [low, high).
  public mutating func uniform(_ low: Float, _ high: Float) -> Float {
    low + (high - low) * nextFloat()
  }

  /// A standard normal draw by the Box-Muller transform, computed in Double so that the
  /// result does not depend on the platform's Float `log`/`cos`.
  public mutating func normal() -> Double {
    let u1 = 1.0 - nextDouble()  // (0, 1]: log(0) never happens
    let u2 = nextDouble()
    return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
  }

  /// An integer uniform on 0..<bound, without modulo bias (Lemire's method).
  public mutating func int(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(truncatingIfNeeded: next(upperBound: UInt64(bound)))
  }

  private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): expands one 64-bit seed into well-mixed words.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

#if canImport(Glibc)
  import Glibc
  @inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
  @inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
  import Foundation
  @inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
  @inline(__always) private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
