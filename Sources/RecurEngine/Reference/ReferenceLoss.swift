#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The linear head `y = W h + b` of the reference, one sequence at a time.
struct ReferenceHead {
  /// `[O, H]` and `[O]`.
  let weight: [Double]
  let bias: [Double]
  let outputs: Int
  let hiddenSize: Int

  /// `[B*H]` → `[B*O]`.
  func forward(_ h: [Double], batch: Int) -> [Double] {
    var y = [Double](repeating: 0, count: batch * outputs)
    for b in 0..<batch {
      for o in 0..<outputs {
        var sum = bias[o]
        for j in 0..<hiddenSize { sum += weight[o * hiddenSize + j] * h[b * hiddenSize + j] }
        y[b * outputs + o] = sum
      }
    }
    return y
  }

  /// Adds dL/dW and dL/db; returns dL/dh `[B*H]`.
  func backward(
    _ dy: [Double], input h: [Double], batch: Int, dWeight: inout [Double],
    dBias: inout [Double]
  ) -> [Double] {
    var dh = [Double](repeating: 0, count: batch * hiddenSize)
    for b in 0..<batch {
      for o in 0..<outputs {
        let d = dy[b * outputs + o]
        dBias[o] += d
        for j in 0..<hiddenSize {
          dWeight[o * hiddenSize + j] += d * h[b * hiddenSize + j]
          dh[b * hiddenSize + j] += d * weight[o * hiddenSize + j]
        }
      }
    }
    return dh
  }
}

/// PyTorch's `MSELoss()` and `CrossEntropyLoss()` (mean reduction, `ignore_index` -100) in
/// Double, over the outputs of the steps the head reads.
enum ReferenceLoss {
  /// The loss and dL/dy per read step `[steps][B*O]`.
  static func evaluate(_ outputs: [[Double]], targets: Targets, loss: LossKind, batch: Int)
    -> (Double, [[Double]])
  {
    switch targets {
    case .values(let values, let width):
      let count = Double(outputs.count * batch * width)
      var sum = 0.0
      var grads: [[Double]] = []
      for (s, y) in outputs.enumerated() {
        var g = [Double](repeating: 0, count: y.count)
        for e in 0..<y.count {
          let diff = y[e] - Double(values[s * y.count + e])
          sum += diff * diff
          g[e] = 2 * diff / count
        }
        grads.append(g)
      }
      return (sum / count, grads)
    case .labels(let labels, let classes):
      let count = Double(labels.filter { $0 != -100 }.count)
      var sum = 0.0
      var grads: [[Double]] = []
      for (s, y) in outputs.enumerated() {
        var g = [Double](repeating: 0, count: y.count)
        for b in 0..<batch {
          let label = Int(labels[s * batch + b])
          guard label != -100 else { continue }
          let row = Array(y[(b * classes)..<((b + 1) * classes)])
          let top = row.max() ?? 0
          let logSum = log(row.reduce(0) { $0 + exp($1 - top) }) + top
          sum += logSum - row[label]
          for c in 0..<classes {
            g[b * classes + c] = (exp(row[c] - logSum) - (c == label ? 1 : 0)) / count
          }
        }
        grads.append(g)
      }
      return (sum / count, grads)
    }
  }
}
