import Foundation
import RecurEngine

/// `recur probe`: one model on one batch, one forward and backward pass with diagnostics, and
/// every gradient written to a file, so that anyone can compare the engine with PyTorch.
///
/// Output file (safetensors, all F32): `loss` (shape `[]`), `grad.<parameter name>` for every
/// parameter in `ModelConfig.parameterShapes` order (`grad.rnn.weight_ih_l0`, …,
/// `grad.head.bias`), `hidden_grad_norm` `[layers, T]` (the Frobenius norm over the batch of
/// dL/dh_t, `Diagnostics.hiddenGradNorm`), and `sat.l<k>.<gate>` scalars (`i f g o c`, `r z n`
/// or `h`; see `GateSaturation`). Gradients are those of the loss itself, before any clipping.
public enum Probe {
  /// Loads the checkpoint (with `cell` overriding its cell, as `Checkpoint.load`) and the
  /// batch, measures, and writes the output file.
  ///
  /// - Throws: `TrainingError.checkpoint` for a missing or bad checkpoint or batch file (the
  ///   batch is checked against the model: input size, target shape, labels within the head's
  ///   classes) or an output that cannot be written; `.batchTooLarge` if the pass would need
  ///   more than `availableBytes` (default: the machine's memory; a batch file of 200 MB can
  ///   ask for terabytes of activations); `.engine` if the engine refuses the pair.
  public static func run(
    checkpoint: URL, batch batchURL: URL, loss: LossKind, output: URL, cell: CellKind? = nil,
    availableBytes: Double? = nil
  ) throws(TrainingError) -> ProbeReport {
    let model: Model
    let batch: Batch
    do {
      let (config, parameters) = try Checkpoint.load(from: checkpoint, cell: cell)
      batch = try BatchFile.load(from: batchURL, loss: loss, model: config)
      model = Model(config: config)
      model.parameters = parameters
    } catch {
      throw .checkpoint(error)
    }
    let needed = MemoryEstimate.bytes(
      config: model.config, steps: batch.steps, batch: batch.size, evaluationSequences: 0)
    let limit = availableBytes ?? MemoryEstimate.availableBytes
    guard needed <= limit else {
      throw .batchTooLarge(file: batchURL.path, estimatedBytes: needed, availableBytes: limit)
    }
    let report = try measure(model, on: batch, loss: loss)
    do {
      try SafetensorsFile.write(report.tensors, to: output)
    } catch {
      throw .checkpoint(error)
    }
    return report
  }

  /// One diagnosed forward and backward pass of `model` on `batch` with `loss`.
  public static func measure(_ model: Model, on batch: Batch, loss: LossKind)
    throws(TrainingError) -> ProbeReport
  {
    do {
      let step = try TrainingStep(config: model.config, loss: loss)
      let result = try step.run(model, on: batch, diagnose: true)
      let diagnostics =
        result.diagnostics
        ?? Diagnostics(
          hiddenGradNorm: [], parameterNames: [], parameterGradNorms: [], saturation: [],
          hiddenNorm: [], spectralNorm: [])
      return ProbeReport(
        config: model.config, loss: loss, steps: batch.steps, batchSize: batch.size,
        lossValue: result.loss, gradients: result.gradients, diagnostics: diagnostics)
    } catch {
      throw .engine(error)
    }
  }
}
