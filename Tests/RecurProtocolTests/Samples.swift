import Foundation
import RecurProtocol

/// Representative messages of every type, including empty, multi-byte and boundary fields.
enum Samples {
  static let trial = TrialAttempt(trialID: "3f9a2c71d0e4b855", attempt: 2)

  static let record = Data(#"{"step":100,"train_loss":0.25,"eval_loss":null}"#.utf8)

  static let worker: [WorkerMessage] = [
    .hello(
      Hello(
        name: "gpu-01.lab", host: "gpu-01", cores: 64, engineVersion: "0.1.0 (abc123)",
        processID: 4242)),
    .hello(Hello(name: "", host: "hôte-ü", cores: 0, engineVersion: "", processID: -1)),
    .ready,
    .heartbeat(running: nil),
    .heartbeat(running: trial),
    .metrics(MetricsBatch(trial: trial, sequence: 0, records: [])),
    .metrics(MetricsBatch(trial: trial, sequence: 7, records: [record, Data(), record])),
    .result(
      TrialResult(
        trial: trial, sequence: UInt64.max, outcome: .finished,
        summary: Data(#"{"final_loss":0.01}"#.utf8))),
    .result(
      TrialResult(
        trial: TrialAttempt(trialID: "t", attempt: UInt32.max), sequence: 3, outcome: .diverged,
        summary: Data())),
    .result(
      TrialResult(
        trial: trial, sequence: 9, outcome: .failed, summary: Data("{}".utf8),
        errorMessage: "matrix shape mismatch: [4, 8] × [9, 2] — 😕")),
    .bye,
  ]

  static let coordinator: [CoordinatorMessage] = [
    .welcome(
      Welcome(
        coordinatorID: "coord@host:77", sessionID: "6c1d4f0e", heartbeatIntervalMilliseconds: 1000,
        heartbeatLiveness: 5)),
    .refuse(Refusal(reason: .protocolMismatch, detail: "coordinator speaks protocol 1")),
    .refuse(Refusal(reason: .notAuthorised, detail: "")),
    .refuse(Refusal(reason: .shuttingDown, detail: "bye")),
    .refuse(Refusal(reason: .unknownWorker, detail: "send hello")),
    .assign(
      Assignment(trial: trial, sweepName: "smoke", spec: Data(#"{"cell":"lstm"}"#.utf8))),
    .assign(Assignment(trial: trial, sweepName: "", spec: Data())),
    .ack(Acknowledgement(trial: trial, sequences: [])),
    .ack(Acknowledgement(trial: trial, sequences: [0, 1, 2, UInt64.max])),
    .heartbeat,
    .shutdown(.afterCurrentTrial),
    .shutdown(.now),
    .wait(retryAfterMilliseconds: 0),
    .wait(retryAfterMilliseconds: 2500),
    .cancel(trial),
    .cancel(TrialAttempt(trialID: "", attempt: UInt32.max)),
  ]

  /// Every sample, encoded.
  static var encoded: [[Data]] {
    get throws {
      try worker.map { try $0.encode() } + coordinator.map { try $0.encode() }
    }
  }
}
