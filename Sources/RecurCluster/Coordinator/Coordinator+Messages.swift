import Foundation
import Logging
import RecurProtocol
import RecurStore

/// What the coordinator does with each message, inside the round's transaction. Replies go
/// into `replies` and leave only after the commit.
extension Coordinator {
  /// Decodes one message (routing id first) and handles it. Nothing that fails to decode
  /// touches the store.
  func handle(_ frames: [Data], at time: Seconds, _ tx: StoreTransaction) throws {
    guard let peer = frames.first, frames.count >= 2 else {
      noteMalformed(peer: frames.first ?? Data(), .noFrames)
      return
    }
    let message: WorkerMessage
    do {
      message = try WorkerMessage.decode(frames[1...])
    } catch {
      rejected(peer, error)
      return
    }
    peers.heard(from: peer, at: time)
    if case .hello(let hello) = message {
      try greet(peer, hello.printable, at: time, tx)
      return
    }
    guard let member = peers.member(peer) else {
      refuseStranger(peer, message)
      return
    }
    let name = member.hello.name
    switch message {
    case .hello: break
    case .ready: try ready(peer, member, at: time, tx)
    case .heartbeat(let running): try adopt(running, by: peer, name: name, tx)
    case .metrics(let batch): try storeMetrics(batch, from: peer, name: name, tx)
    case .result(let result): try record(result, from: peer, name: name, at: time, tx)
    case .bye: try farewell(peer, name: name, tx)
    }
  }

  /// hello: welcome the worker (again), unless stopping.
  func greet(_ peer: Data, _ hello: Hello, at time: Seconds, _ tx: StoreTransaction) throws {
    guard stopping == nil else {
      replies.send(
        .refuse(Refusal(reason: .shuttingDown, detail: "the coordinator is stopping")), to: peer)
      return
    }
    guard hello.protocolVersion == ProtocolVersion.current else {
      rejected(
        peer,
        .unsupportedVersion(found: hello.protocolVersion, supported: ProtocolVersion.current))
      return
    }
    guard peers.hasRoom(for: peer) else {
      turnAway(peer, hello)
      return
    }
    // A member repeating hello within one interval is answered, not logged or stored again.
    let repeated = peers.isRepeatedHello(from: peer, at: time)
    let isNew = peers.join(peer, hello: hello, at: time)
    connections.joined(peer)
    replies.send(.welcome(welcome), to: peer)
    guard !repeated else { return }
    try tx.recordWorker(name: hello.name, host: hello.host, cores: Int(hello.cores))
    if isNew {
      try tx.logEvent(
        kind: "worker-joined",
        message: "\(hello.name) on \(hello.host) (\(hello.cores) cores, engine "
          + "\(hello.engineVersion), pid \(hello.processID))", worker: hello.name)
    }
    emit(
      .workerJoined(
        name: hello.name, host: hello.host, cores: Int(hello.cores), rejoined: !isNew))
  }

  /// ready: the worker's next trial, the one it already runs, or wait.
  func ready(
    _ peer: Data, _ member: PeerTable<Data>.Member, at time: Seconds, _ tx: StoreTransaction
  ) throws {
    guard stopping == nil else {
      replies.send(
        .refuse(Refusal(reason: .shuttingDown, detail: "the coordinator is stopping")), to: peer)
      return
    }
    guard peers.count >= options.dispatchAfterWorkers else {
      replies.send(.wait(retryAfterMilliseconds: 20), to: peer)
      return
    }
    // A trial the store refuses to start (it has an outcome there) is skipped: ask again.
    for _ in 0..<16 {
      switch scheduler.workerReady(peer) {
      case .start(let assignment):
        if try start(assignment, at: time, tx) { return }
      case .resend(let assignment):
        // An idle worker the scheduler thinks busy missed its assignment: send it again,
        // unless the trial got its outcome meanwhile (from an older attempt); then the
        // worker is free for another one.
        guard specs.contains(assignment.trialID) else {
          scheduler.outcomeRecorded(
            trialID: assignment.trialID, attempt: assignment.attempt, from: peer,
            isOutcome: false)
          continue
        }
        sendAssignment(assignment)
        return
      case .wait:
        let retry = UInt32(clamping: Int((peers.timeout * 1000).rounded()))
        replies.send(.wait(retryAfterMilliseconds: max(1, retry)), to: peer)
        return
      }
    }
  }

  /// A worker that rejoined runs an attempt the store requeued when this coordinator
  /// started: it keeps it (its result will be accepted), and the trial is not dispatched
  /// again unless that worker vanishes. Only an attempt the store says a worker of this name
  /// started can be claimed, so that no peer can hold back another worker's trial.
  func adopt(
    _ running: TrialAttempt?, by peer: Data, name: String, _ tx: StoreTransaction
  ) throws {
    guard let running, scheduler.assignment(of: peer) == nil else { return }
    let (trialID, attempt) = (running.trialID, Int(running.attempt))
    let adopted = try scheduler.adopt(trialID: trialID, attempt: attempt, by: peer, name: name) {
      try tx.attemptWorker(trialID: trialID, attempt: attempt)
    }
    guard adopted else { return }
    emit(.trialResumed(trialID: trialID, attempt: attempt, worker: name))
  }

  /// Hands waiting trials to idle workers (a trial was requeued).
  func dispatchIdle(at time: Seconds, _ tx: StoreTransaction) throws {
    while scheduler.isDispatching, scheduler.idleCount > 0, scheduler.waitingCount > 0 {
      for assignment in scheduler.dispatchIdle() { _ = try start(assignment, at: time, tx) }
    }
  }

  /// Records the new attempt in the store and queues the assignment. False if the store
  /// refused it (the worker is idle again).
  func start(
    _ proposed: Scheduler<Data>.Assignment, at time: Seconds, _ tx: StoreTransaction
  ) throws -> Bool {
    let member = peers.member(proposed.worker)
    let name = member?.hello.name ?? "?"
    let stored = try tx.startAttempt(
      trialID: proposed.trialID, worker: name, host: member?.hello.host ?? "?")
    guard let assignment = scheduler.confirm(proposed, storedAttempt: stored) else {
      logger.warning("trial \(proposed.trialID) already has an outcome in the store; skipped")
      return false
    }
    counts.attempts += 1
    if tally.firstStart == nil {
      tally.firstStart = time
      tally.cpuAtFirstStart = Self.threadCPUSeconds()
    }
    sendAssignment(assignment)
    emit(
      .trialStarted(
        trialID: assignment.trialID, attempt: assignment.attempt, worker: name,
        label: labels[assignment.trialID] ?? ""))
    return true
  }

  func sendAssignment(_ assignment: Scheduler<Data>.Assignment) {
    let trial = TrialAttempt(trialID: assignment.trialID, attempt: UInt32(assignment.attempt))
    let spec = specs.data(assignment.trialID) ?? Data("{}".utf8)
    replies.send(
      .assign(Assignment(trial: trial, sweepName: sweepName, spec: spec)), to: assignment.worker)
  }

  /// metrics: stored (records of unknown attempts and malformed records are skipped by the
  /// store) if the sender runs that attempt, then acknowledged.
  func storeMetrics(
    _ batch: MetricsBatch, from peer: Data, name: String, _ tx: StoreTransaction
  ) throws {
    guard try admitsReport(on: batch.trial, .metrics, from: peer, name: name, tx) else {
      replies.acknowledge(batch.trial, sequence: batch.sequence, to: peer)
      return
    }
    let attempt = Int(batch.trial.attempt)
    let rows = batch.records.map {
      MetricRow(
        trialID: batch.trial.trialID, attempt: attempt,
        recordJSON: String(decoding: $0, as: UTF8.self))
    }
    try tx.appendMetrics(rows)
    replies.acknowledge(batch.trial, sequence: batch.sequence, to: peer)
  }

  /// result: the store decides whether it is the trial's outcome or a duplicate; the worker
  /// is free again; acknowledged either way. A result from a worker that does not run that
  /// attempt is acknowledged and never stored.
  func record(
    _ result: TrialResult, from peer: Data, name: String, at time: Seconds,
    _ tx: StoreTransaction
  ) throws {
    guard try admitsReport(on: result.trial, .result, from: peer, name: name, tx) else {
      replies.acknowledge(result.trial, sequence: result.sequence, to: peer)
      return
    }
    let trialID = result.trial.trialID
    let attempt = Int(result.trial.attempt)
    let row = ResultRow(
      trialID: trialID, attempt: attempt, outcome: Self.storedOutcome(result.outcome),
      summaryJSON: result.summary.isEmpty ? nil : String(decoding: result.summary, as: UTF8.self),
      error: result.errorMessage.isEmpty ? nil : result.errorMessage)
    let disposition = try tx.recordResults([row]).first ?? .unknownTrial
    scheduler.outcomeRecorded(
      trialID: trialID, attempt: attempt, from: peer, isOutcome: disposition == .accepted)
    switch disposition {
    case .accepted:
      specs.remove(trialID)
      let state = row.outcome.state
      if let label = labels[trialID] {
        counts[state] += 1
        tally.outcomes += 1
        tally.lastOutcome = time
        tally.cpuAtLastOutcome = Self.threadCPUSeconds()
        meter.record(at: time)
        emit(
          .trialEnded(
            trialID: trialID, attempt: attempt, worker: name, state: state, label: label,
            error: row.error))
      }
    case .duplicate:
      counts.duplicates += 1
      emit(.duplicateResult(trialID: trialID, attempt: attempt, worker: name))
    case .alreadyRecorded:
      break
    case .unknownTrial, .unknownAttempt:
      if strangers.record(peer) {
        let text =
          "\(name) sent a result for \(result.trial), which this sweep never started; "
          + "ignored (further ones from it only counted)"
        logger.warning("\(text)")
      }
    }
    replies.acknowledge(result.trial, sequence: result.sequence, to: peer, afterSync: true)
  }

  /// bye: the worker leaves; its trial, if any, goes back to the queue (a deliberate stop
  /// never counts towards the attempts limit).
  func farewell(_ peer: Data, name: String, _ tx: StoreTransaction) throws {
    try release(peer, name: name, reason: .interrupted, tx)
    peers.leave(peer)
    connections.departed(peer)
    try tx.logEvent(kind: "worker-left", message: "\(name) said goodbye", worker: name)
    emit(.workerLeft(name: name, silent: false))
  }

  /// A worker silent for the liveness period: dropped, its trial requeued or lost.
  func dropSilent(
    _ peer: Data, _ member: PeerTable<Data>.Member, at time: Seconds, _ tx: StoreTransaction
  ) throws {
    let name = member.hello.name
    connections.departed(peer)
    // While stopping, a worker that does not answer costs its trial no attempt.
    try release(peer, name: name, reason: stopping == nil ? .lostWorker : .interrupted, tx)
    try tx.logEvent(
      kind: "worker-lost",
      message: "\(name) was silent for \(peers.timeout) s and was dropped", worker: name)
    emit(.workerLeft(name: name, silent: true))
  }

  /// Gives up the worker's running attempt, as the store decides: requeued, or lost.
  func release(_ peer: Data, name: String, reason: AbandonReason, _ tx: StoreTransaction) throws {
    guard let assignment = scheduler.assignment(of: peer) else {
      scheduler.workerLost(peer)
      return
    }
    let outcome = try tx.abandonAttempt(
      trialID: assignment.trialID, attempt: assignment.attempt, reason: reason,
      maxAttempts: maxAttempts)
    scheduler.workerLost(peer, giveUp: outcome == .lost)
    let (trialID, attempt) = (assignment.trialID, assignment.attempt)
    if outcome == .lost {
      specs.remove(trialID)
      counts.lost += 1
      try tx.logEvent(
        kind: "trial-lost", message: "its workers vanished \(maxAttempts) times", worker: name,
        trialID: trialID)
      emit(.trialLost(trialID: trialID, attempt: attempt, worker: name))
    } else if !scheduler.hasOutcome(trialID) {
      try tx.logEvent(
        kind: "trial-requeued", message: "attempt \(attempt) abandoned (\(reason.rawValue))",
        worker: name, trialID: trialID)
      emit(.trialRequeued(trialID: trialID, attempt: attempt, worker: name))
    }
  }

  /// A well-formed message from a peer that has not said hello (or was dropped): it is told
  /// so, and says hello again. Logged once per peer.
  func refuseStranger(_ peer: Data, _ message: WorkerMessage) {
    if case .bye = message { return }
    if strangers.record(peer) {
      logger.info("\(message.type) from unknown peer \(describe(peer)); asked it to say hello")
    }
    replies.send(
      .refuse(Refusal(reason: .unknownWorker, detail: "say hello first")), to: peer)
  }

  /// A message that did not decode: a version mismatch is answered once per peer (so that
  /// the worker can say why it stops); anything else is counted and logged once per peer.
  func rejected(_ peer: Data, _ error: ProtocolError) {
    guard case .unsupportedVersion = error else {
      noteMalformed(peer: peer, error)
      return
    }
    dropped += 1
    guard mismatched.record(peer) else { return }
    let detail = error.description
    logger.warning("refused \(describe(peer)): \(detail)")
    emit(.protocolMismatch(peer: describe(peer), problem: detail))
    replies.send(.refuse(Refusal(reason: .protocolMismatch, detail: detail)), to: peer)
  }

  func noteMalformed(peer: Data, _ error: ProtocolError) {
    dropped += 1
    guard malformed.record(peer) else { return }
    logger.warning("dropped a malformed message from \(describe(peer)): \(error)")
    emit(.malformedMessage(peer: describe(peer), problem: error.description))
  }

  /// A peer for logs: its worker name, or its routing id in hex.
  func describe(_ peer: Data) -> String {
    if let member = peers.member(peer) { return member.hello.name }
    return "peer " + peer.prefix(8).map { String(format: "%02x", $0) }.joined()
  }

  static func storedOutcome(_ outcome: RecurProtocol.TrialOutcome) -> RecurStore.TrialOutcome {
    switch outcome {
    case .finished: .finished
    case .diverged: .diverged
    case .failed: .failed
    }
  }
}
