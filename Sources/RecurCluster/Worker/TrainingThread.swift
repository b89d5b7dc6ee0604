import Foundation
import RecurProtocol
import RecurWire

/// The worker's training thread: takes assignments from the network thread over an inproc
/// PAIR pipe, runs each with the `TrialExecutor`, and sends back metric batches and the
/// result, numbered 0, 1, 2, … per attempt (PROTOCOL.md, Sequence numbers). It never touches
/// the coordinator's socket, so a long training step never delays a heartbeat (`Socket`'s
/// recommended pattern).
final class TrainingThread: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  /// Raised by the network thread to abandon the running trial.
  let cancel = CancelFlag()

  /// Starts the thread; it connects to `pipe` (already bound by the network thread) and
  /// serves until it receives `shutdown` or the context ends.
  init(context: Context, pipe: String, executor: any TrialExecutor) {
    let finished = finished
    let cancel = cancel
    let thread = Thread {
      if let socket = try? context.socket(.pair), (try? socket.connect(pipe)) != nil {
        Self.serve(socket, executor: executor, cancel: cancel)
        socket.close()
      }
      finished.signal()
    }
    thread.name = "recur.training"
    thread.start()
  }

  /// Waits up to `seconds` for the thread to end; false if it is still busy.
  func join(timeout seconds: Seconds) -> Bool {
    finished.wait(timeout: .now() + .milliseconds(Int(seconds * 1000))) == .success
  }

  private static func serve(
    _ pipe: Socket, executor: any TrialExecutor, cancel: CancelFlag
  ) {
    while let frames = try? pipe.receive() {
      switch try? CoordinatorMessage.decode(frames) {
      case .assign(let assignment)?:
        cancel.reset()
        run(assignment, pipe: pipe, executor: executor, cancel: cancel)
      case .shutdown?:
        return
      default:
        continue
      }
    }
  }

  private static func run(
    _ assignment: Assignment, pipe: Socket, executor: any TrialExecutor,
    cancel: CancelFlag
  ) {
    var sequence: UInt64 = 0
    let trial = assignment.trial
    let report = executor.run(
      spec: assignment.spec,
      emit: { record in
        let batch = MetricsBatch(trial: trial, sequence: sequence, records: [record])
        if (try? send(.metrics(batch), on: pipe)) != nil { sequence += 1 }
      },
      isCancelled: { cancel.isRaised })
    guard !cancel.isRaised else { return }
    let result = TrialResult(
      trial: trial, sequence: sequence, outcome: report.outcome, summary: report.summary,
      errorMessage: ProtocolLimits.truncate(
        report.errorMessage, toUTF8Bytes: ProtocolLimits.maxTextBytes))
    do {
      try send(.result(result), on: pipe)
    } catch {
      // The summary exceeds the payload limit: report the trial failed rather than lose it.
      let failed = TrialResult(
        trial: trial, sequence: sequence, outcome: .failed, summary: Data(),
        errorMessage: "the trial summary could not be sent: \(error)")
      _ = try? send(.result(failed), on: pipe)
    }
  }

  private static func send(_ message: WorkerMessage, on pipe: Socket) throws {
    try pipe.send(try message.encode())
  }
}

/// A flag raised by one thread and read by another, reset at the start of each trial.
final class CancelFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false

  func raise() { lock.withLock { raised = true } }
  func reset() { lock.withLock { raised = false } }
  var isRaised: Bool { lock.withLock { raised } }
}
