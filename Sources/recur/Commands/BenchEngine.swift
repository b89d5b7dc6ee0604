import ArgumentParser
import Foundation
import RecurEngine

extension Recur {
  /// `recur bench engine`: times full training steps single-threaded and states them against
  /// the machine's single-thread SGEMM rate measured in the same run.
  struct BenchEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "engine",
      abstract: "Time training steps (forward, backward, Adam) of each cell, single-threaded.",
      discussion: """
        Prints ms/step (wall and thread CPU time), sequences/s and GFLOP/s (3 × the forward \
        GEMM FLOPs) for each cell and configuration, the single-thread SGEMM rate of this run \
        and each cell's share of it (both by CPU time), \
        and the extra time of a step with diagnostics on. Restarts itself with \
        OPENBLAS_NUM_THREADS=1 (and OPENBLAS_CORETYPE when OpenBLAS picked generic kernels) \
        if unset. Use a release build; compare with scripts/bench_torch.py (given --json's \
        file, it prints the ratios).
        """)

    @Option(help: "Cells, comma-separated (rnn, rnn_relu, lstm, gru).")
    var cells = "rnn,lstm,gru"

    @Option(help: "Configurations, comma-separated (adding-h128, adding-h512, charlm-h256x2).")
    var configs = "adding-h128,adding-h512,charlm-h256x2"

    @Option(help: "The least number of timed steps per cell and configuration.")
    var steps = 5

    @Option(help: "The least wall time per cell and configuration, in seconds.")
    var seconds = 2.0

    @Option(help: "Seconds spent measuring the SGEMM rate (0: skip it).")
    var sgemmSeconds = 1.0

    @Flag(inversion: .prefixedNo, help: "Also time steps with diagnostics on.")
    var diagnostics = true

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
      guard steps > 0, seconds >= 0, sgemmSeconds >= 0 else {
        throw ValidationError(
          "--steps must be positive, --seconds and --sgemm-seconds not negative")
      }
      _ = try selectedCells()
      _ = try selectedConfigurations()
    }

    func run() throws {
      BLAS.setThreadCount(1)
      let environment = ProcessInfo.processInfo.environment
      let sgemm =
        sgemmSeconds > 0 ? BLAS.measureSingleThreadRate(size: 512, seconds: sgemmSeconds) : .nan
      print(
        "OpenBLAS \(BLAS.coreName) kernels, OPENBLAS_NUM_THREADS="
          + "\(environment["OPENBLAS_NUM_THREADS"] ?? "unset"); "
          + String(format: "single-thread SGEMM (512x512x512): %.1f GFLOP/s", sgemm))
      print(Self.header)
      // Adam with PyTorch's defaults, as scripts/bench_torch.py runs it.
      let adam = try Optimizer(OptimizerConfig(kind: .adam))
      var results: [EngineBenchmark.Result] = []
      for configuration in try selectedConfigurations() {
        for cell in try selectedCells() {
          let result: EngineBenchmark.Result
          do {
            result = try EngineBenchmark.run(
              configuration, cell: cell, optimizer: adam, minimumSteps: steps, seconds: seconds,
              timeDiagnostics: diagnostics)
          } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.software  // the benchmark builds its own models: a bug of ours
          }
          print(Self.row(result, sgemm: sgemm))
          results.append(result)
        }
      }
      if let json { try Self.write(results, sgemm: sgemm, to: json) }
    }

    private func selectedCells() throws -> [CellKind] {
      try cells.split(separator: ",").map { name in
        guard let cell = CellKind(rawValue: String(name)) else {
          throw ValidationError("unknown cell '\(name)': use rnn, rnn_relu, lstm or gru")
        }
        return cell
      }
    }

    private func selectedConfigurations() throws -> [BenchmarkConfiguration] {
      try configs.split(separator: ",").map { name in
        guard let found = BenchmarkConfiguration.standard.first(where: { $0.name == name }) else {
          let known = BenchmarkConfiguration.standard.map(\.name).joined(separator: ", ")
          throw ValidationError("unknown configuration '\(name)': use \(known)")
        }
        return found
      }
    }

    static let header =
      "(GFLOP/s by wall time; the share of SGEMM by CPU time, as SGEMM is measured)\n"
      + "config          cell      ms/step   cpu ms    seq/s  GFLOP/s  of SGEMM  diag +%"

    static func row(_ r: EngineBenchmark.Result, sgemm: Double) -> String {
      let figures = String(
        format: "%8.2f %8.2f %8.1f %8.1f %8.0f%%", r.secondsPerStep * 1e3,
        r.cpuSecondsPerStep * 1e3, r.sequencesPerSecond, r.gflops, 100 * r.cpuGflops / sgemm)
      let overhead =
        r.diagnosedCPUSecondsPerStep > 0
        ? String(format: " %7.1f%%", 100 * r.diagnosticsOverhead) : "        -"
      return padded(r.configuration, 15) + " " + padded(r.cell.rawValue, 8) + " " + figures
        + overhead
    }

    static func padded(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func write(_ results: [EngineBenchmark.Result], sgemm: Double, to path: String) throws {
      // JSON has no NaN: figures not measured are null.
      func number(_ x: Double) -> Any { x.isFinite ? x : NSNull() }
      let rows: [[String: Any]] = results.map { r in
        [
          "config": r.configuration, "cell": r.cell.rawValue, "steps": r.steps,
          "ms_per_step": r.secondsPerStep * 1e3, "cpu_ms_per_step": r.cpuSecondsPerStep * 1e3,
          "seq_per_s": r.sequencesPerSecond, "gflops": r.gflops,
          "gflops_cpu": r.cpuGflops, "sgemm_fraction": number(r.cpuGflops / sgemm),
          "diagnostics_overhead": r.diagnosedCPUSecondsPerStep > 0
            ? r.diagnosticsOverhead : NSNull(),
        ]
      }
      let document: [String: Any] = [
        "engine": "recur", "sgemm_gflops": number(sgemm), "results": rows,
      ]
      let data = try JSONSerialization.data(
        withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
      do {
        try data.write(to: URL(fileURLWithPath: path))
      } catch {
        FileHandle.standardError.write(
          Data(
            "error: cannot write \(path) (\(error.localizedDescription)); give another --json file\n"
              .utf8))
        throw ExitCode.cannotCreate
      }
    }
  }
}
