import ArgumentParser
import Foundation
import RecurCluster
import RecurStore
import RecurWire

extension Recur {
  /// `recur bench dispatch`: trials per second through a real coordinator, store and workers.
  struct BenchDispatch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dispatch",
      abstract: "Dispatch no-op trials through the real protocol, store and worker processes.",
      discussion: """
        A coordinator in this process (real results store, every outcome committed before it \
        is acknowledged) and 1, 2, 8 and 32 worker processes of this binary push no-op trials \
        (task noop) over tcp loopback. Prints trials/s and the cost per trial beside bare \
        ZeroMQ DEALER/ROUTER round trips measured in the same run, then the memory of a \
        coordinator process holding a 100,000-trial plan and the time to expand and store it. \
        Measure with a release build (swift build -c release).
        """)

    @Option(help: "Trials per run.")
    var trials = 10_000

    @Option(parsing: .upToNextOption, help: "Worker process counts to run with.")
    var workers: [Int] = [1, 2, 8, 32]

    @Option(help: "Trials of the plan whose memory and storing time are measured (0: skip).")
    var planTrials = 100_000

    @Option(help: "Raw ZeroMQ round trips for the baseline.")
    var roundTrips = 20_000

    @Flag(help: "Commit without syncing to disk (synchronous=NORMAL), to see the sync's cost.")
    var noSync = false

    /// The largest plan a sweep file may ask for (`max_trials` is at most 1,000,000).
    static let maximumPlanTrials = 1_000_000

    func validate() throws {
      guard trials >= 1, workers.allSatisfy({ (1...256).contains($0) }), !workers.isEmpty else {
        throw ValidationError("--trials must be positive, --workers between 1 and 256")
      }
      guard roundTrips >= 1 else { throw ValidationError("--round-trips must be positive") }
      guard (0...Self.maximumPlanTrials).contains(planTrials) else {
        throw ValidationError(
          "--plan-trials must be between 0 and \(Self.maximumPlanTrials), the most a sweep file "
            + "may plan (max_trials)")
      }
    }

    func run() throws {
      let executable = WorkerGroup.executablePath()
      let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("recur-bench-dispatch-\(getpid())")
      defer { try? FileManager.default.removeItem(at: scratch) }
      let raw = try RawRoundTrip.measure(count: roundTrips)
      say(
        "raw ZeroMQ DEALER→ROUTER→DEALER round trips (tcp loopback): "
          + "\(Int(raw.roundTripsPerSecond)) /s, \(format(raw.microsecondsPerRoundTrip)) µs each")
      say("durability: \(noSync ? "NORMAL (no sync)" : "FULL (outcomes synced before acks)")")
      say(
        "workers   trials  seconds  trials/s  µs/trial  × raw  coordinator CPU µs/trial  "
          + "worker CPU µs/trial  commits")
      for count in workers {
        let run = try DispatchBenchmark.dispatch(
          trials: trials, workers: count, executable: executable, directory: scratch,
          durability: noSync ? .normal : .full)
        say(row(run, raw: raw))
      }
      guard planTrials > 0 else { return }
      let plan = try DispatchBenchmark.planCost(trials: planTrials, directory: scratch)
      say(
        "plan of \(plan.trials) trials: expand \(format(plan.expandSeconds)) s, "
          + "store \(format(plan.storeSeconds)) s")
      let memory = try DispatchBenchmark.coordinatorMemory(
        trials: planTrials, executable: executable, directory: scratch)
      say(
        "coordinator process with \(memory.trials) trials: listening after "
          + "\(format(memory.startupSeconds)) s, resident \(megabytes(memory.residentBytes)) MB "
          + "(peak \(megabytes(memory.peakResidentBytes)) MB)")
    }

    /// Writes a line at once (unbuffered), so that each row shows as soon as it is measured.
    func say(_ line: String) {
      FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func row(_ run: DispatchBenchmark.Run, raw: RawRoundTripResult) -> String {
      let columns = [
        pad(String(run.workers), 7), pad(String(run.outcomes), 8), pad(format(run.seconds), 8),
        pad(String(Int(run.trialsPerSecond.rounded())), 9),
        pad(format(run.microsecondsPerTrial), 9),
        pad(format(run.microsecondsPerTrial / raw.microsecondsPerRoundTrip), 6),
        pad(format(run.coordinatorCPUMicrosecondsPerTrial), 25),
        pad(format(run.workerCPUMicrosecondsPerTrial), 20),
        pad(String(run.transactions), 8),
      ]
      return columns.joined(separator: " ")
    }

    func pad(_ text: String, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - text.count)) + text
    }

    func format(_ value: Double) -> String {
      value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
    }

    func megabytes(_ bytes: Int) -> String {
      String(format: "%.0f", Double(bytes) / 1_048_576)
    }
  }
}
