import RecurEngine

/// What `Probe` measured: the loss, every gradient and the diagnostics of one pass.
public struct ProbeReport: Sendable {
  public let config: ModelConfig
  public let loss: LossKind
  /// T and B of the batch.
  public let steps: Int
  public let batchSize: Int
  /// The mean loss, as PyTorch's `MSELoss()` or `CrossEntropyLoss()`.
  public let lossValue: Float
  /// dL/dθ in `config.parameterShapes` order.
  public let gradients: [Tensor]
  public let diagnostics: Diagnostics

  /// The PyTorch names of the parameters, in the order of `gradients`.
  public var parameterNames: [String] { config.parameterShapes.map(\.name) }

  /// The tensors of the output file, in file order (see `Probe`).
  public var tensors: [(name: String, tensor: Tensor)] {
    var result: [(name: String, tensor: Tensor)] = [("loss", Tensor(shape: [], data: [lossValue]))]
    for (name, gradient) in zip(parameterNames, gradients) {
      result.append(("grad." + name, gradient))
    }
    let curve = diagnostics.hiddenGradNorm
    result.append(
      ("hidden_grad_norm", Tensor(shape: [curve.count, steps], data: curve.flatMap { $0 })))
    for entry in diagnostics.saturation {
      result.append(("sat." + entry.key, Tensor(shape: [], data: [entry.fraction])))
    }
    return result
  }
}
