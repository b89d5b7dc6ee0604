import Foundation
import Testing

@testable import RecurEngine

/// The vectorised tanh, sigmoid and exp against Double's, in units in the last place of the
/// Float result.
@Suite struct VectorMathTests {
  /// Inputs spread over every binade that matters: dense near zero and out to ±30.
  static let inputs: [Float] = {
    var values: [Float] = [
      0, -0, 1e-30, -1e-30, 0.625, -0.625, 0.62499994, 9, -9, 30, -30, 88, -88,
    ]
    var x: Float = 1e-8
    while x < 40 {
      values += [x, -x]
      x = x.nextUp * 1.0003
    }
    return values
  }()

  static func ulpError(_ got: Float, _ exact: Double) -> Double {
    let rounded = Float(exact)
    let ulp = Double(rounded == 0 ? Float.leastNonzeroMagnitude : rounded.ulp)
    return abs(Double(got) - exact) / ulp
  }

  static func worst(_ f: (Lanes) -> Lanes, _ exact: (Double) -> Double, _ xs: [Float]) -> Double {
    var worst = 0.0
    for start in stride(from: 0, to: xs.count, by: 16) {
      let n = min(16, xs.count - start)
      var v = Lanes()
      for k in 0..<n { v[k] = xs[start + k] }
      let y = f(v)
      for k in 0..<n { worst = max(worst, ulpError(y[k], exact(Double(xs[start + k])))) }
    }
    return worst
  }

  @Test func tanhIsWithinTwoUlp() {
    #expect(Self.worst(VectorMath.tanh, Foundation.tanh, Self.inputs) <= 2)
  }

  @Test func sigmoidIsWithinThreeUlp() {
    let inputs = Self.inputs.filter { abs($0) < 80 }  // beyond, the reference is denormal
    #expect(Self.worst(VectorMath.sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, inputs) <= 3)
  }

  @Test func expIsWithinOneAndAHalfUlpOnItsRange() {
    let inputs = Self.inputs.filter { $0 <= 0 && $0 >= -87 }
    #expect(Self.worst(VectorMath.expNonPositive, Foundation.exp, inputs) <= 1.5)
  }

  @Test func nanStaysNanAndInfinitySaturates() {
    let v = Lanes(
      .nan, .infinity, -.infinity, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    let t = VectorMath.tanh(v)
    let s = VectorMath.sigmoid(v)
    #expect(t[0].isNaN && s[0].isNaN)
    #expect(t[1] == 1 && t[2] == -1 && s[1] == 1 && s[2] < 1e-30)
  }
}
