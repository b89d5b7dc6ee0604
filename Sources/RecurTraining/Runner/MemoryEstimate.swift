import Foundation
import RecurEngine

/// A rough upper estimate of the memory a trial needs, so that an impossible trial (say
/// `seq_len=100000 hidden=4096 layers=8`) is refused with a message instead of being killed by
/// the system halfway through allocating.
///
/// It counts the engine's activation buffers (`Workspace`: per layer h_t, the gates, the LSTM
/// cell state and tanh(c_t) or the GRU's recurrent candidate, dL/dh_t and the gate gradients)
/// for the training batch and for one evaluation chunk, the evaluation set itself, and six
/// copies of the parameters (model, staging, gradients, optimiser state).
enum MemoryEstimate {
  static func bytes(
    config: ModelConfig, steps: Int, batch: Int, evaluationSequences: Int
  ) -> Double {
    let t = Double(steps)
    let h = Double(config.hiddenSize)
    let g = Double(config.cell.gateCount)
    let io = Double(config.inputSize + config.outputSize)
    let perRowForward = Double(config.layers) * h * (g + 3) + io
    let perRowBackward = Double(config.layers) * h + 2 * g * h + Double(config.outputSize)
    let trainingRows = t * Double(batch)
    let evaluationRows = t * Double(min(evaluationSequences, TrainingStep.evaluationChunk))
    let parameters = config.parameterShapes.reduce(0.0) { $0 + Double($1.shape.reduce(1, *)) }
    let floats =
      trainingRows * (perRowForward + perRowBackward + io) + evaluationRows * perRowForward
      + t * Double(evaluationSequences) * io + 6 * parameters
    return 4 * floats
  }

  /// The memory this process may use: the machine's, or less when a control group limits it
  /// (a container, a Slurm job), where going past the limit gets the process killed.
  static var availableBytes: Double {
    let physical = Double(ProcessInfo.processInfo.physicalMemory)
    let limits = cgroupLimitFiles.compactMap { path in
      (try? String(contentsOfFile: path, encoding: .utf8)).flatMap(limit(fromCgroupText:))
    }
    return min(physical, limits.min() ?? physical)
  }

  /// Where Linux states this process's memory limit: cgroup v2 `memory.max`, cgroup v1
  /// `memory.limit_in_bytes`, as seen inside a cgroup namespace (a container).
  static let cgroupLimitFiles = [
    "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes",
  ]

  /// The limit in a cgroup file: a byte count, or nil for `max` (v2's "no limit"), anything
  /// unreadable, and v1's "no limit" (a number near 2^63).
  static func limit(fromCgroupText text: String) -> Double? {
    guard let bytes = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes > 0,
      bytes < 1 << 62
    else { return nil }
    return Double(bytes)
  }
}
