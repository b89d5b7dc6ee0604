import Foundation
import Logging
import RecurProtocol
import RecurStore
import RecurWire

extension Coordinator {
  /// Serves workers until every trial has an outcome (with `exitWhenDone`) or `stopSignal`
  /// is raised; then tells the workers, waits briefly for their goodbyes, requeues what is
  /// still running, and closes the store.
  ///
  /// - Parameter observer: told of every event, on this thread; also called with `nil` about
  ///   twice a second so that a live view can redraw (read `snapshot()` then).
  public func run(
    observer: @escaping (CoordinatorEvent?) -> Void = { _ in }
  ) throws(CoordinatorError) -> CoordinatorSummary {
    self.observer = { observer($0) }
    let cpuStart = Self.threadCPUSeconds()
    let loopStart = now
    var lastTick = loopStart
    if scheduler.isFinished { emit(.sweepDone) }
    while true {
      let time = now
      if stopping == nil { checkForStop() }
      if let stopping, peers.count == 0 || time >= stopping.deadline { break }
      try round(timeout: pollTimeout(at: time))
      if now - lastTick >= 0.5 {
        lastTick = now
        observer(nil)
      }
    }
    try finish()
    return CoordinatorSummary(
      ending: stopping?.ending ?? .stopped, counts: counts, wallSeconds: now - loopStart,
      dispatchSeconds: tally.firstStart.flatMap { first in tally.lastOutcome.map { $0 - first } },
      outcomes: tally.outcomes, loopCPUSeconds: Self.threadCPUSeconds() - cpuStart,
      dispatchCPUSeconds: tally.cpuAtFirstStart.flatMap { first in
        tally.cpuAtLastOutcome.map { $0 - first }
      },
      transactions: tally.transactions, malformedMessages: dropped,
      oversizedMessages: oversized, closedConnections: closedConnections,
      foreignReports: foreignReports, turnedAway: turnedAway)
  }

  /// One round: wait for messages (or the next deadline), take all that are waiting, handle
  /// them in one transaction, send what the commit allows (assignments, metrics acks), and
  /// hand the commit to the log's syncing thread if it holds outcomes: their acks leave once
  /// it is on disk, in a later round.
  func round(timeout: Seconds) throws(CoordinatorError) {
    let inbound = try receive(timeout: timeout)
    let time = now
    let dispatchable =
      scheduler.isDispatching && scheduler.idleCount > 0 && scheduler.waitingCount > 0
    let expiring = peers.hasExpired(at: time)
    let overdue = deadlines?.hasExpired(at: time) ?? false
    var outcomes = false
    if !inbound.isEmpty || dispatchable || expiring || overdue || networkProblemsChanged {
      // Outcomes (results, abandoned and timed-out attempts) reach the disk before they are
      // acknowledged; metrics and attempt starts need not (see `ResultsStore`).
      outcomes = expiring || overdue || inbound.contains(where: Self.mayRecordOutcome)
      try Self.storeCall {
        try store.write(durable: outcomes && wal == nil) { tx in
          for frames in inbound { try handle(frames, at: time, tx) }
          for (peer, member) in peers.removeExpired(at: time) {
            try dropSilent(peer, member, at: time, tx)
          }
          try endOverdueAttempts(at: time, tx)
          try dispatchIdle(at: time, tx)
          try storeNetworkProblems(tx)
        }
      }
      tally.transactions += 1
    }
    deadlines?.follow(scheduler.assignments, at: time)
    let (immediate, afterSync) = replies.drain()
    for (peer, message) in immediate { send(message, to: peer, at: time) }
    if let wal, outcomes {
      outcomeCommits += 1
      wal.request(outcomeCommits)
      pendingAcks.append((outcomeCommits, afterSync))
    } else {
      for (peer, message) in afterSync { send(message, to: peer, at: time) }
    }
    try sendSyncedAcks(at: time)
    for peer in peers.heartbeatsDue(at: time) { send(.heartbeat, to: peer, at: time) }
    drainMonitor()
  }

  /// Sends the acknowledgements whose commits are on disk.
  func sendSyncedAcks(at time: Seconds) throws(CoordinatorError) {
    guard let wal, !pendingAcks.isEmpty else { return }
    let synced = try wal.synced()
    while let first = pendingAcks.first, first.commit <= synced {
      for (peer, message) in first.messages { send(message, to: peer, at: time) }
      pendingAcks.removeFirst()
    }
  }

  /// Whether a message (routing id first) is a result or a goodbye, which end attempts.
  static func mayRecordOutcome(_ frames: [Data]) -> Bool {
    guard frames.count == 4, frames[2].count == 1, let type = frames[2].first else { return false }
    return type == MessageType.result.rawValue || type == MessageType.bye.rawValue
  }

  /// The time until the next heartbeat, liveness or trial deadline, at most
  /// `stopCheckInterval`.
  func pollTimeout(at time: Seconds) -> Seconds {
    let deadline = min(
      peers.nextDeadline(), stopping?.deadline ?? .infinity,
      deadlines?.nextDeadline ?? .infinity)
    return max(0, min(deadline - time, Self.stopCheckInterval))
  }

  /// Every message waiting on the socket (up to `maxMessagesPerRound`), after waiting up to
  /// `timeout` for the first.
  func receive(timeout: Seconds) throws(CoordinatorError) -> [[Data]] {
    var inbound: [[Data]] = []
    do {
      var items = [PollItem(router)]
      if let syncInbox { items.append(PollItem(syncInbox)) }
      if let monitor { items.append(PollItem(monitor.socket)) }
      let ready = try Poller.poll(items, timeout: .milliseconds(Int(timeout * 1000)))
      if let syncInbox, ready[1].contains(.readable) {
        while try syncInbox.receive(timeout: .zero) != nil {}  // a sync ended: see round()
      }
      // The monitor (last item) only wakes the loop: it is read at the end of the round, once
      // the goodbyes that came before a connection closed have been handled.
      guard ready[0].contains(.readable) else { return [] }
      while inbound.count < options.maxMessagesPerRound, let frames = try receiveOne() {
        inbound.append(frames)
      }
    } catch {
      throw .wire(error)
    }
    return inbound
  }

  /// Sends `message` to `peer` without blocking. A message that cannot be queued (the peer
  /// vanished, or its queue is full) is dropped: the peer's liveness deadline will settle it.
  func send(_ message: CoordinatorMessage, to peer: Data, at time: Seconds) {
    do {
      let frames = try message.encode()
      if try router.send([peer] + frames, dontWait: true) {
        peers.sent(to: peer, at: time)
      } else {
        logger.debug("dropped \(message.type) to \(describe(peer)): its queue is full")
      }
    } catch let error as WireError {
      if case .hostUnreachable = error { return }
      logger.warning("could not send \(message.type) to \(describe(peer)): \(error)")
    } catch {
      logger.error("could not encode \(message.type): \(error)")
    }
  }

  /// Starts stopping when asked to, or when every trial has an outcome and `exitWhenDone`.
  func checkForStop() {
    if stopSignal.isRaised {
      beginStopping(.stopped, mode: .now, reason: "interrupted")
    } else if options.exitWhenDone, scheduler.isFinished {
      beginStopping(.done, mode: .afterCurrentTrial, reason: "every trial has an outcome")
    }
  }

  /// Stops dispatching and tells every worker; the loop then waits for their goodbyes, at
  /// most one liveness period (and never more than 5 s).
  func beginStopping(_ ending: CoordinatorSummary.Ending, mode: ShutdownMode, reason: String) {
    let time = now
    stopping = Stopping(ending: ending, deadline: time + min(peers.timeout, 5))
    scheduler.stopDispatching()
    emit(.stopping(reason: reason))
    for peer in peers.members.keys { send(.shutdown(mode), to: peer, at: time) }
  }

  /// Requeues what is still running (its workers did not answer), commits, closes the store.
  func finish() throws(CoordinatorError) {
    try wal?.finish()
    try sendSyncedAcks(at: now)
    syncInbox?.close()
    let running = scheduler.assignments
    try Self.storeCall {
      try store.write { tx in
        for assignment in running {
          _ = try tx.abandonAttempt(
            trialID: assignment.trialID, attempt: assignment.attempt, reason: .interrupted,
            maxAttempts: maxAttempts)
          scheduler.workerLost(assignment.worker)
        }
        try storeNetworkProblems(tx)
      }
      counts = try store.statusCounts()
      try store.close()
    }
    authenticator?.stop()
    router.close()
  }

  /// The sweep as it stands, for the live view.
  public func snapshot() -> CoordinatorSnapshot {
    var current = counts
    current.queued = scheduler.waitingCount
    current.running = scheduler.runningCount
    let time = now
    let workers = peers.members.map { peer, member in
      let assignment = scheduler.assignment(of: peer)
      return CoordinatorSnapshot.Worker(
        name: member.hello.name, host: member.hello.host,
        trial: assignment.map { "\($0.trialID)#\($0.attempt)" },
        label: assignment.flatMap { labels[$0.trialID] } ?? "")
    }.sorted { $0.name < $1.name }
    let left = current.queued + current.running
    return CoordinatorSnapshot(
      counts: current, workers: workers, trialsPerHour: meter.perHour(at: time),
      secondsLeft: meter.secondsLeft(remaining: left, at: time), elapsed: time,
      malformedMessages: dropped, isDispatching: scheduler.isDispatching)
  }

  func emit(_ event: CoordinatorEvent) {
    observer(event)
  }

  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
