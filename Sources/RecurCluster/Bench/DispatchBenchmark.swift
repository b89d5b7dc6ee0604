import Foundation
import Logging
import RecurStore
import RecurSweep

/// `recur bench dispatch`: what the cluster costs per trial, measured through the real thing.
///
/// A coordinator runs in this process on its own thread, with a real results store, and hands
/// no-op trials (task `noop`, which returns at once) to worker processes of the `recur` binary
/// over tcp loopback, with every outcome committed before it is acknowledged. The rate is
/// timed from the first trial started (once every worker has joined) to the last outcome.
/// `RawRoundTrip` measures the baseline in the same run: bare DEALER/ROUTER round trips.
public enum DispatchBenchmark {
  /// One dispatch run.
  public struct Run: Sendable {
    public var workers: Int
    public var trials: Int
    /// From the first trial started to the last outcome.
    public var seconds: Double
    /// CPU time of the coordinator's thread over the same span.
    public var coordinatorCPUSeconds: Double
    /// CPU time of the worker processes, start-up and goodbye included.
    public var workerCPUSeconds: Double
    /// Store transactions committed by the loop.
    public var transactions: Int
    /// Outcomes recorded (equals `trials` when all went well).
    public var outcomes: Int

    public var trialsPerSecond: Double { Double(outcomes) / seconds }
    /// Wall time per trial: the whole cluster's cost per dispatched trial.
    public var microsecondsPerTrial: Double { seconds * 1e6 / Double(max(outcomes, 1)) }
    /// The coordinator's CPU time per trial (decode, schedule, store, encode).
    public var coordinatorCPUMicrosecondsPerTrial: Double {
      coordinatorCPUSeconds * 1e6 / Double(max(outcomes, 1))
    }
    /// The workers' CPU time per trial (receive, decode the spec, run, report).
    public var workerCPUMicrosecondsPerTrial: Double {
      workerCPUSeconds * 1e6 / Double(max(outcomes, 1))
    }
  }

  /// What a large plan costs.
  public struct PlanCost: Sendable {
    public var trials: Int
    /// Reading the sweep file and expanding it into trials, ids, spec JSON and rows.
    public var expandSeconds: Double
    /// Storing the plan in a new store (one transaction).
    public var storeSeconds: Double
  }

  /// Dispatches `trials` no-op trials to `workers` worker processes of `executable`.
  ///
  /// - Parameter directory: a scratch folder for the sweep file and the store.
  public static func dispatch(
    trials: Int, workers: Int, executable: String, directory: URL,
    durability: Durability = .full
  ) throws -> Run {
    let sweepPath = try writeNoopSweep(trials: trials, in: directory)
    let sweep = try Sweep.load(path: sweepPath)
    let results = directory.appendingPathComponent("dispatch-\(workers)")
    try? FileManager.default.removeItem(at: results)
    var options = CoordinatorOptions(
      resultsDirectory: results, bind: "tcp://127.0.0.1:*", exitWhenDone: true,
      durability: durability)
    options.dispatchAfterWorkers = workers
    let coordinator = try Coordinator(
      sweep: sweep, options: options, logger: Logger(label: "recur.bench"))
    let childCPU = childrenCPUSeconds()
    let processes = try startWorkers(
      workers, executable: executable, endpoint: coordinator.endpoint)
    let summary: CoordinatorSummary
    do {
      summary = try runOnThread(coordinator)
    } catch {
      stop(processes)
      throw error
    }
    stop(processes)
    guard let seconds = summary.dispatchSeconds, seconds > 0 else {
      throw BenchmarkError("no trial was dispatched")
    }
    return Run(
      workers: workers, trials: trials, seconds: seconds,
      coordinatorCPUSeconds: summary.dispatchCPUSeconds ?? summary.loopCPUSeconds,
      workerCPUSeconds: childrenCPUSeconds() - childCPU, transactions: summary.transactions,
      outcomes: summary.outcomes)
  }

  /// Times expanding a `trials`-trial sweep and storing its plan.
  public static func planCost(trials: Int, directory: URL) throws -> PlanCost {
    let sweepPath = try writeNoopSweep(trials: trials, in: directory)
    let start = ContinuousClock.now
    let sweep = try Sweep.load(path: sweepPath)
    let plan = SweepPlanRows(sweep: sweep)
    let expanded = ContinuousClock.now
    let results = directory.appendingPathComponent("plan")
    try? FileManager.default.removeItem(at: results)
    let store = try ResultsStore.openForWriting(directory: results)
    let opened = ContinuousClock.now
    try store.registerPlan(sweep: plan.info, trials: plan.rows)
    let stored = ContinuousClock.now
    try store.close()
    return PlanCost(
      trials: plan.rows.count, expandSeconds: seconds(expanded - start),
      storeSeconds: seconds(stored - opened))
  }

  /// A sweep of `trials` no-op trials (a multiple of 100 is exact).
  public static func writeNoopSweep(trials: Int, in directory: URL) throws -> String {
    let repeats = min(100, max(1, trials))
    let configurations = max(1, trials / repeats)
    let text = """
      name: noop-\(trials)
      description: recur bench dispatch
      fixed: {task: noop, cell: rnn}
      parameters:
        hidden: {distribution: int_uniform, min: 1, max: \(configurations)}
      repeats: \(repeats)
      max_trials: 1000000

      """
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("noop-\(trials).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func startWorkers(_ count: Int, executable: String, endpoint: String) throws
    -> [Process]
  {
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = "1"
    var processes: [Process] = []
    for index in 1...count {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = [
        "worker", "--connect", endpoint, "--name", "bench-\(index)", "--connect-timeout", "30s",
      ]
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      do {
        try process.run()
      } catch {
        stop(processes)
        throw error
      }
      processes.append(process)
    }
    return processes
  }

  /// Waits briefly for the workers the coordinator told to stop, then kills the rest.
  static func stop(_ processes: [Process]) {
    let deadline = Date().addingTimeInterval(5)
    while processes.contains(where: \.isRunning), Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
    for process in processes { process.waitUntilExit() }
  }

  /// User and system CPU time of this process's ended and waited-for children.
  static func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
      + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
  }

  /// Runs the coordinator's loop on a thread of its own, as the command line does on its
  /// main thread, and waits for it.
  static func runOnThread(_ coordinator: Coordinator) throws -> CoordinatorSummary {
    let box = ThreadBox(coordinator)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      do throws(CoordinatorError) {
        box.result = .success(try box.coordinator.run())
      } catch {
        box.result = .failure(error)
      }
      done.signal()
    }
    thread.name = "recur.bench.coordinator"
    thread.start()
    done.wait()
    guard let result = box.result else { throw BenchmarkError("the coordinator did not end") }
    return try result.get()
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}

/// Hands a coordinator to the thread that runs it, and its result back; each side touches it
/// only before the thread starts or after it signalled.
private final class ThreadBox: @unchecked Sendable {
  let coordinator: Coordinator
  var result: Result<CoordinatorSummary, CoordinatorError>?

  init(_ coordinator: Coordinator) {
    self.coordinator = coordinator
  }
}

/// Why a benchmark could not complete.
public struct BenchmarkError: Error, CustomStringConvertible {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}
