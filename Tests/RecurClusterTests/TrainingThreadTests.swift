import Foundation
import RecurProtocol
import RecurWire
import Testing

@testable import RecurCluster

/// The training thread's side of the worker: what it hands the network thread for one
/// assignment, through the mailbox and the inproc pipe's wake-ups.
@Suite struct TrainingThreadTests {
  /// Emits two records, then ends with a summary of `summaryBytes` bytes.
  struct ScriptedExecutor: TrialExecutor {
    let summaryBytes: Int

    func run(spec: Data, emit: (Data) -> Void, isCancelled: () -> Bool) -> TrialReport {
      emit(Data(#"{"step":1}"#.utf8))
      emit(Data(#"{"step":2}"#.utf8))
      return TrialReport(outcome: .finished, summary: Data(count: summaryBytes))
    }
  }

  static let attempt = TrialAttempt(trialID: "3f9a2c71d0e4", attempt: 2)

  /// Runs one assignment on a training thread; every message it sent, in order.
  static func messages(summaryBytes: Int) throws -> [WorkerMessage] {
    let context = try Context(defaultLinger: .zero)
    let endpoint = context.uniqueInprocEndpoint("test")
    let pipe = try context.socket(.pair)
    try pipe.bind(endpoint)
    let training = TrainingThread(
      context: context, pipe: endpoint, executor: ScriptedExecutor(summaryBytes: summaryBytes))
    training.inbox.post(
      .assign(Assignment(trial: attempt, sweepName: "test", spec: Data("{}".utf8))),
      waking: pipe)
    var received: [WorkerMessage] = []
    while !received.contains(where: { $0.type == .result }) {
      let ready = try Poller.poll([PollItem(pipe)], timeout: .seconds(10))
      guard ready[0].contains(.readable) else { break }
      received += training.outbox.collect(from: pipe)
    }
    training.inbox.post(.shutdown(.now), waking: pipe)
    #expect(training.join(timeout: 10))
    pipe.close()
    return received
  }

  @Test func metricsThenTheResultArriveInOrderWithTheirSequenceNumbers() throws {
    let records = [Data(#"{"step":1}"#.utf8), Data(#"{"step":2}"#.utf8)]
    #expect(
      try Self.messages(summaryBytes: 3) == [
        .metrics(MetricsBatch(trial: Self.attempt, sequence: 0, records: [records[0]])),
        .metrics(MetricsBatch(trial: Self.attempt, sequence: 1, records: [records[1]])),
        .result(
          TrialResult(trial: Self.attempt, sequence: 2, outcome: .finished, summary: Data(count: 3))
        ),
      ])
  }

  @Test func aSummaryBeyondThePayloadLimitIsReportedAsAFailedTrial() throws {
    let messages = try Self.messages(summaryBytes: ProtocolLimits.maxPayloadBytes + 1)
    #expect(messages.count == 3)
    guard case .result(let result)? = messages.last else {
      Issue.record("expected a result last, got \(messages)")
      return
    }
    #expect(result.outcome == .failed)
    #expect(result.summary.isEmpty)
    #expect(result.sequence == 2)
    #expect(result.errorMessage.hasPrefix("the trial summary could not be sent"))
  }
}
