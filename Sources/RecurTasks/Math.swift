// Double-precision elementary functions from the C library, named apart from Foundation's so
// that this module does not depend on Foundation for its numerics.
#if canImport(Glibc)
  import Glibc
  @inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
  @inline(__always) func _sin(_ x: Double) -> Double { Glibc.sin(x) }
  @inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
  import Foundation
  @inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
  @inline(__always) func _sin(_ x: Double) -> Double { Foundation.sin(x) }
  @inline(__always) func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
