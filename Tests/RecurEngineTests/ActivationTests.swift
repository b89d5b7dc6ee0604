import Foundation
import Testing

@testable import RecurEngine

/// The engine's exp, tanh and sigmoid against Double's, in units in the last place of the
/// Float result, and their vectorised loops against single calls.
@Suite struct ActivationTests {
  /// Inputs spread over every binade that matters: dense near zero and out to ±40.
  static let inputs: [Float] = {
    var values: [Float] = [
      0, -0, 1e-30, -1e-30, 0.625, -0.625, 0.624_999_94, 9, -9, 30, -30, 88, -88,
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

  static func worst(_ f: (Float) -> Float, _ exact: (Double) -> Double, _ xs: [Float]) -> Double {
    xs.map { ulpError(f($0), exact(Double($0))) }.max() ?? 0
  }

  @Test func tanhIsWithinTwoUlp() {
    #expect(Self.worst(Activations.tanh, Foundation.tanh, Self.inputs) <= 2)
  }

  @Test func sigmoidIsWithinThreeUlp() {
    let inputs = Self.inputs.filter { abs($0) < 80 }  // beyond, the reference is denormal
    #expect(Self.worst(Activations.sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, inputs) <= 3)
  }

  @Test func expIsWithinOneAndAHalfUlpOnItsRange() {
    let inputs = Self.inputs.filter { $0 <= 0 && $0 >= -87 }
    #expect(Self.worst(Activations.expNonPositive, Foundation.exp, inputs) <= 1.5)
  }

  @Test func nanStaysNanAndInfinitySaturates() {
    #expect(Activations.tanh(.nan).isNaN && Activations.sigmoid(.nan).isNaN)
    #expect(Activations.tanh(.infinity) == 1 && Activations.tanh(-.infinity) == -1)
    #expect(Activations.sigmoid(.infinity) == 1 && Activations.sigmoid(-.infinity) < 1e-30)
  }

  /// A row of 37 (vector body and scalar remainder) through the RNN kernel gives, bit for
  /// bit, what single calls give.
  @Test func vectorisedLoopsAgreeWithSingleCalls() {
    var generator = SeededGenerator(seed: 5)
    let pre = (0..<37).map { _ in generator.uniform(-6, 6) }
    let bias = (0..<37).map { _ in generator.uniform(-1, 1) }
    var row = pre
    row.withUnsafeMutableBufferPointer { r in
      bias.withUnsafeBufferPointer { b in
        RNNKernels.forward(
          hidden: r.baseAddress!, bias: b.baseAddress!, batch: 1, size: 37, relu: false)
      }
    }
    let single = zip(pre, bias).map { Activations.tanh($0 + $1) }
    #expect(row.map(\.bitPattern) == single.map(\.bitPattern))
  }
}
