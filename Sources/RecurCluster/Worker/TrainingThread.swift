import Foundation
import RecurProtocol
import RecurWire

/// The worker's training thread: takes assignments from the network thread (`inbox`, woken
/// over an inproc PAIR pipe), runs each with the `TrialExecutor`, and sends back metric batches
/// and the result (`outbox`), numbered 0, 1, 2, … per attempt (PROTOCOL.md, Sequence numbers).
/// It never touches the coordinator's socket, so a long training step never delays a heartbeat
/// (`Socket`'s recommended pattern).
final class TrainingThread: Sendable {
  private let finished = DispatchSemaphore(value: 0)
  /// Raised by the network thread to abandon the running trial.
  let cancel = CancelFlag()
  /// Assignments and the shutdown, from the network thread.
  let inbox = Mailbox<CoordinatorMessage>()
  /// Metric batches and results, for the network thread; each was encoded once to check it
  /// against the protocol's limits.
  let outbox = Mailbox<WorkerMessage>()

  /// Starts the thread; it connects to `pipe` (already bound by the network thread) and
  /// serves until it receives `shutdown` or the context ends.
  init(context: Context, pipe: String, executor: any TrialExecutor) {
    let finished = finished
    let cancel = cancel
    let inbox = inbox
    let outbox = outbox
    let thread = Thread {
      if let socket = try? context.socket(.pair), (try? socket.connect(pipe)) != nil {
        let ends = Ends(pipe: socket, inbox: inbox, outbox: outbox)
        Self.serve(ends, executor: executor, cancel: cancel)
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

  /// The training thread's end of the pipe and the two mailboxes.
  private struct Ends {
    let pipe: Socket
    let inbox: Mailbox<CoordinatorMessage>
    let outbox: Mailbox<WorkerMessage>

    /// Checks `message` against the protocol's limits (by encoding it, as the network thread
    /// will), then hands it over.
    func send(_ message: WorkerMessage) throws {
      _ = try message.encode()
      outbox.post(message, waking: pipe)
    }
  }

  private static func serve(_ ends: Ends, executor: any TrialExecutor, cancel: CancelFlag) {
    while (try? ends.pipe.receive()) != nil {
      for message in ends.inbox.collect(from: ends.pipe) {
        switch message {
        case .assign(let assignment):
          cancel.reset()
          run(assignment, ends: ends, executor: executor, cancel: cancel)
        case .shutdown:
          return
        default:
          continue
        }
      }
    }
  }

  private static func run(
    _ assignment: Assignment, ends: Ends, executor: any TrialExecutor, cancel: CancelFlag
  ) {
    var sequence: UInt64 = 0
    let trial = assignment.trial
    let report = executor.run(
      spec: assignment.spec,
      emit: { record in
        let batch = MetricsBatch(trial: trial, sequence: sequence, records: [record])
        if (try? ends.send(.metrics(batch))) != nil { sequence += 1 }
      },
      isCancelled: { cancel.isRaised })
    guard !cancel.isRaised else { return }
    let result = TrialResult(
      trial: trial, sequence: sequence, outcome: report.outcome, summary: report.summary,
      errorMessage: ProtocolLimits.truncate(
        report.errorMessage, toUTF8Bytes: ProtocolLimits.maxTextBytes))
    do {
      try ends.send(.result(result))
    } catch {
      // The summary exceeds the payload limit: report the trial failed rather than lose it.
      let failed = TrialResult(
        trial: trial, sequence: sequence, outcome: .failed, summary: Data(),
        errorMessage: "the trial summary could not be sent: \(error)")
      _ = try? ends.send(.result(failed))
    }
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
