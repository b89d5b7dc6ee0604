import Foundation
import RecurEngine
import Testing

/// `recur probe --out` naming one of its inputs would replace a model (or a batch) by the
/// probe's gradients: refused before anything runs, and the input is kept.
@Suite struct ProbeOutputTests {
  @Test(arguments: ["m.safetensors", "./m.safetensors", "b.safetensors", "link.safetensors"])
  func anOutputThatIsAnInputIsRefused(out: String) throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = ProbeTests.model(.gru, layers: 1, inputs: 3, outputs: 2)
    let checkpoint = folder.appendingPathComponent("m.safetensors")
    try Checkpoint.save(config: model.config, parameters: model.parameters, to: checkpoint)
    try BatchFile.save(
      ProbeTests.batch(.mseLast, inputs: 3, outputs: 2), loss: .mseLast,
      to: folder.appendingPathComponent("b.safetensors"))
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("link.safetensors"), withDestinationURL: checkpoint)
    let before = try Data(contentsOf: checkpoint)
    let result = try CommandLineTests.recur(
      [
        "probe", "--checkpoint", "m.safetensors", "--batch", "b.safetensors", "--loss",
        "mse-last", "--out", out,
      ], in: folder)
    #expect(result.status == 64, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("--out \(out) is the --"), "stderr: \(result.stderr)")
    #expect(try Data(contentsOf: checkpoint) == before)
  }
}
