import Foundation
import RecurEngine
import RecurTraining
import Testing

/// The built `recur` binary: `recur run` and `recur probe` as a user runs them.
///
/// The binary sits in the build products folder beside the test bundle; `swift build
/// --build-tests` (what scripts/test.sh runs) builds it.
@Suite struct CommandLineTests {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func recur(_ arguments: [String], in folder: URL? = nil) throws -> Result {
    let binary = try #require(
      recurBinary, "no recur binary beside the tests: build it with swift build --build-tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = "1"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// `recur` in the folder of the test bundle or one of its parents (the products folder).
  static let recurBinary: URL? = {
    var folder = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("recur")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }()

  @Test(arguments: [
    ("task=adding cell=lstn", "cell=lstn: expected one of rnn, rnn_relu, lstm, gru"),
    ("task=adding cell=lstm hiden=3", "hiden=3: unknown key hiden; did you mean hidden?"),
    ("task=adding cell=lstm lr=-1", "lr=-1: expected"),
    ("task=adding", "missing cell"),
    ("task=temporal_order cell=gru seq_len=3", "seq_len=3 is out of range for task"),
    ("task=adding cell=gru optimizer=nesterov momentum=0", "needs a momentum above 0"),
  ])
  func badKeysExit64WithTheParsersMessage(arguments: String, message: String) throws {
    let result = try Self.recur(["run"] + arguments.split(separator: " ").map(String.init))
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
  }

  @Test func anEmptyOutFolderExits64InsteadOfWritingHere() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.recur(
      ["run", "task=adding", "cell=gru", "steps=1", "--out", ""], in: folder)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--out needs a folder path"), "stderr: \(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func missingDataFileExits66AndLeavesNoFolder() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.recur(
      ["run", "task=charlm", "cell=gru", "data=/nonexistent.txt"], in: folder)
    #expect(result.status == 66)
    #expect(result.stderr.contains("data file '/nonexistent.txt' does not exist"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func badDataFileExits65() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x61, 0xFF, 0x62]).write(to: folder.appendingPathComponent("latin1.txt"))
    let result = try Self.recur(["run", "task=charlm", "cell=gru", "data=latin1.txt"], in: folder)
    #expect(result.status == 65)
    #expect(result.stderr.contains("is not valid UTF-8"))
  }

  @Test func runWritesItsFilesAndEndsWithTheSummaryJSON() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.recur(
      [
        "run", "task=adding", "seq_len=8", "cell=lstm", "hidden=8", "batch=8", "steps=20",
        "eval_every=10", "diagnose_every=10", "--out", "out", "--json",
      ], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("step ") }.count == 3)  // steps 0, 10, 20
    let out = folder.appendingPathComponent("out")
    let summaryText = try String(
      contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
    #expect(lines.last.map { $0 + "\n" } == summaryText)
    let summary = try JSONDecoder().decode(TrialSummary.self, from: Data(summaryText.utf8))
    #expect(summary.stepsDone == 20 && !summary.diverged)
    let metrics = try String(
      contentsOf: out.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
    let records = try metrics.split(separator: "\n").map {
      try JSONDecoder().decode(MetricRecord.self, from: Data($0.utf8))
    }
    #expect(records.map(\.step) == [0, 10, 20])
    let (config, _) = try Checkpoint.load(from: out.appendingPathComponent("model.safetensors"))
    #expect(config.cell == .lstm && config.hiddenSize == 8 && config.inputSize == 2)
  }

  @Test func aDivergedRunExitsZero() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.recur(
      [
        "run", "task=adding", "seq_len=40", "cell=rnn_relu", "init=identity", "init_scale=3",
        "optimizer=sgd", "lr=1", "hidden=16", "batch=8", "steps=200", "--out", "d", "--json",
      ], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("diverged at step"))
    let last = try #require(result.stdout.split(separator: "\n").last)
    let summary = try JSONDecoder().decode(TrialSummary.self, from: Data(last.utf8))
    #expect(summary.diverged && summary.divergedAtStep != nil)
  }

  @Test func probeExitCodes() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = try Self.recur(
      ["probe", "--checkpoint", "none", "--batch", "none", "--loss", "mse-last", "--out", "o"],
      in: folder)
    #expect(missing.status == 66 && missing.stderr.contains("none: no such file"))
    let badLoss = try Self.recur(
      ["probe", "--checkpoint", "m", "--batch", "b", "--loss", "mse", "--out", "o"], in: folder)
    #expect(badLoss.status == 64 && badLoss.stderr.contains("expected one of mse-last"))
    try Data("not a safetensors file".utf8).write(to: folder.appendingPathComponent("bad"))
    let bad = try Self.recur(
      ["probe", "--checkpoint", "bad", "--batch", "bad", "--loss", "ce-all", "--out", "o"],
      in: folder)
    #expect(bad.status == 65 && bad.stderr.contains("bad: "))
  }

  @Test func probeWritesItsFileAndPrintsASummary() throws {
    let folder = try TrialTesting.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = ProbeTests.model(.lstm, layers: 2, inputs: 3, outputs: 4)
    try Checkpoint.save(
      config: model.config, parameters: model.parameters,
      to: folder.appendingPathComponent("m.safetensors"))
    try BatchFile.save(
      ProbeTests.batch(.ceAll, inputs: 3, outputs: 4), loss: .ceAll,
      to: folder.appendingPathComponent("b.safetensors"))
    let result = try Self.recur(
      [
        "probe", "--checkpoint", "m.safetensors", "--batch", "b.safetensors", "--loss", "ce-all",
        "--out", "p.safetensors",
      ], in: folder)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("rnn.weight_hh_l1"))
    #expect(result.stdout.contains("layer 1: i "))
    let file = try SafetensorsFile.read(from: folder.appendingPathComponent("p.safetensors"))
    #expect(file["sat.l1.c"] != nil && file["grad.head.bias"] != nil)
  }
}
