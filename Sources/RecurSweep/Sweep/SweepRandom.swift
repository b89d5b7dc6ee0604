import Foundation

/// The random draws of `method: random`: SplitMix64 (Steele, Lea & Flood, 2014), one stream per
/// draw and parameter.
///
/// Our own generator because RecurSweep does not import the engine and Swift's generators
/// cannot be seeded. Each (sample_seed, draw, key) triple has its own stream, so removing a
/// parameter or raising `samples` leaves the other draws as they were. Continuous draws use
/// glibc's `exp`/`log`/`cos` and are then rounded to 6 significant digits, which hides any
/// last-ulp difference between libm builds.
struct SweepRandom {
  private var state: UInt64

  /// The stream of draw `draw` of key `key` in a sweep seeded with `seed`.
  init(seed: UInt64, draw: Int, key: String) {
    let stream = Self.mix(seed ^ Self.fnv1a(key))
    state = Self.mix(stream &+ UInt64(truncatingIfNeeded: draw) &* 0xD1B5_4A32_D192_ED03)
  }

  /// The next output of SplitMix64.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// Uniform on [0, 1) with 53 random bits.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// Uniform on 0..<bound without modulo bias (rejection of the short last interval).
  mutating func int(below bound: UInt64) -> UInt64 {
    precondition(bound > 0, "bound must be positive")
    let threshold = (0 &- bound) % bound
    while true {
      let value = next()
      if value >= threshold { return value % bound }
    }
  }

  /// A standard normal draw (Box & Muller, 1958).
  mutating func normal() -> Double {
    let u1 = 1 - unit()  // (0, 1]: log(0) never happens
    let u2 = unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// SplitMix64's output function: a bijective mix of 64 bits.
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// FNV-1a, 64 bits (Fowler, Noll & Vo): a stable hash of a key name.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
