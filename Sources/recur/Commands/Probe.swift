import ArgumentParser
import Foundation
import RecurEngine
import RecurTraining

extension Recur {
  /// `recur probe --checkpoint FILE --batch FILE --loss KIND --out FILE [--cell CELL]`.
  struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run one model on one batch and write its loss, gradients and diagnostics.",
      discussion: """
        Batch file tensors: inputs F32 [T, B, I]; targets F32 [B, O] (mse-last), F32 [T, B, O] \
        (mse-all), I64 [B] (ce-last) or I64 [T, B] (ce-all).
        Output file tensors (F32): loss []; grad.<parameter> for every parameter; \
        hidden_grad_norm [layers, T] (norm over the batch of dL/dh_t); sat.l<k>.<gate> \
        (gates i f g o c for lstm, r z n for gru, h for rnn).
        Exit codes: 64 bad option, 65 bad checkpoint or batch file (or one that does not fit \
        the model), 66 missing file, 73 output not writable.
        """
    )

    @Option(help: "The model: a safetensors checkpoint (ours, or a PyTorch state dict).")
    var checkpoint: String

    @Option(help: "The batch: a safetensors file with inputs and targets.")
    var batch: String

    @Option(help: "The loss: mse-last, mse-all, ce-last or ce-all.")
    var loss: String

    @Option(help: "Where to write the loss, gradients and diagnostics (safetensors).")
    var out: String

    @Option(help: "Read the checkpoint as this cell (rnn, rnn_relu, lstm, gru), e.g. rnn_relu.")
    var cell: String?

    func validate() throws {
      guard LossKind(rawValue: loss) != nil else {
        throw ValidationError(
          "--loss \(loss): expected one of "
            + LossKind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      let output = ResolvedPath.of(out)
      for (option, input) in [("--checkpoint", checkpoint), ("--batch", batch)]
      where ResolvedPath.of(input) == output {
        throw ValidationError(
          "--out \(out) is the \(option) file; expected another file, so that the input is kept")
      }
      if let cell, CellKind(rawValue: cell) == nil {
        throw ValidationError(
          "--cell \(cell): expected one of "
            + CellKind.allCases.map(\.rawValue).joined(separator: ", "))
      }
    }

    func run() throws {
      guard let lossKind = LossKind(rawValue: loss) else { throw ExitCode.usage }
      let report: ProbeReport
      do {
        report = try RecurTraining.Probe.run(
          checkpoint: URL(fileURLWithPath: checkpoint), batch: URL(fileURLWithPath: batch),
          loss: lossKind, output: URL(fileURLWithPath: out),
          cell: cell.flatMap(CellKind.init(rawValue:)))
      } catch {
        StandardStreams.error("error: \(error.description)")
        throw error.exitCode
      }
      StandardStreams.out(report.text + "\nwrote \(out)\n")
    }
  }
}
