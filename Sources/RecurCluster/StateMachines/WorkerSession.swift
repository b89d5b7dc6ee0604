import RecurProtocol

/// The worker's side of the protocol as a value type driven by events and a clock: what to
/// send, when to reconnect, when to give up (PROTOCOL.md, Reliability; the ZeroMQ Guide's
/// Paranoid Pirate worker, `ppworker`). The network thread feeds it what arrives from the
/// coordinator and from the training thread, calls `tick` when its poll times out, and
/// performs the actions it returns.
///
/// - Heartbeats: a heartbeat goes out when nothing else was sent for one interval.
/// - Liveness: a coordinator silent for `interval × liveness` is presumed dead: the socket is
///   closed and, after a backoff delay (1 s doubling to 32 s), a new one sends hello again.
/// - Unacknowledged metrics and results stay in the `Outbox` and are re-sent, in order, after
///   every welcome.
/// - A `cancel` of the running attempt (the coordinator's trial timeout) stops its training,
///   forgets what of it waits for an acknowledgement or is still to come, and asks for work.
/// - The worker gives up (exit 69) when no welcome came for `connectTimeout`, at the start or
///   after losing the coordinator.
public struct WorkerSession: Sendable {
  /// What the network thread must do.
  public enum Action: Equatable, Sendable {
    /// Open a new socket connected to the coordinator (closing the old one, if any).
    case connect
    /// Close the socket; a `connect` follows after a backoff delay.
    case disconnect
    /// Send this message to the coordinator.
    case send(WorkerMessage)
    /// Hand this trial to the training thread.
    case startTrial(Assignment)
    /// Ask the training thread to abandon its trial.
    case cancelTrial
    /// Something worth a log line.
    case note(String)
    /// Stop the worker.
    case exit(WorkerExit)
  }

  /// The state of the link to the coordinator.
  public enum Link: Equatable, Sendable {
    /// A socket is open and hello was sent at `since`; no welcome yet.
    case connecting(since: Seconds)
    /// Welcomed: messages flow.
    case connected
    /// No socket; a new one is opened at `until`.
    case waiting(until: Seconds)
    /// The worker stopped.
    case closed
  }

  public let hello: Hello
  /// The address, for messages.
  public let endpoint: String
  /// How long the worker may go without a welcome before it gives up.
  public let connectTimeout: Seconds
  public let usesCurve: Bool
  public private(set) var link: Link = .closed
  /// The heartbeat interval and liveness in force (the coordinator's, once welcomed).
  public private(set) var interval: Seconds
  public private(set) var liveness: Int
  public private(set) var outbox: Outbox<WorkerMessage>
  /// The attempt the training thread runs.
  public private(set) var running: TrialAttempt?
  /// The last attempt the coordinator cancelled: whatever the training thread still sends of
  /// it (it stops at its next step) is dropped.
  public private(set) var cancelled: TrialAttempt?
  /// The coordinator's session id of the last welcome.
  public private(set) var sessionID: String?
  /// Malformed messages received from the coordinator.
  public private(set) var malformedCount = 0
  private var backoff: Backoff
  private var offlineSince: Seconds = 0
  private var lastHeard: Seconds = 0
  private var lastSent: Seconds = 0
  /// When to ask for work again after a `wait`.
  private var readyAt: Seconds?
  private var stopMode: ShutdownMode?
  /// After a shutdown (mode 1): the time by which the last result must be acknowledged.
  private var ackDeadline: Seconds?

  /// - Parameters:
  ///   - interval, liveness: the heartbeat settings until the coordinator's welcome gives its
  ///     own (PROTOCOL.md: 1 s and 5 by default).
  ///   - backoff: reconnection delays (the Guide's INTERVAL_INIT 1 s, INTERVAL_MAX 32 s).
  public init(
    hello: Hello, endpoint: String, connectTimeout: Seconds, usesCurve: Bool = false,
    interval: Seconds = 1, liveness: Int = 5, backoff: Backoff = Backoff(initial: 1, maximum: 32),
    metricsLimit: Int = 10_000
  ) {
    self.hello = hello
    self.endpoint = endpoint
    self.connectTimeout = connectTimeout
    self.usesCurve = usesCurve
    self.interval = interval
    self.liveness = liveness
    self.backoff = backoff
    self.outbox = Outbox(metricsLimit: metricsLimit)
  }

  /// A coordinator silent this long is presumed dead.
  public var timeout: Seconds { interval * Double(liveness) }

  /// Opens the first connection.
  public mutating func start(at now: Seconds) -> [Action] {
    offlineSince = now
    var actions: [Action] = []
    open(at: now, into: &actions)
    return actions
  }

  /// The next time `tick` has something to do.
  public func nextDeadline() -> Seconds {
    switch link {
    case .closed: return .infinity
    case .waiting(let until): return min(until, offlineSince + connectTimeout)
    case .connecting(let since): return min(since + timeout, offlineSince + connectTimeout)
    case .connected:
      var deadline = min(lastSent + interval, lastHeard + timeout)
      if let readyAt { deadline = min(deadline, readyAt) }
      if let ackDeadline { deadline = min(deadline, ackDeadline) }
      return deadline
    }
  }

  // MARK: - Events

  /// A message from the coordinator.
  public mutating func received(_ message: CoordinatorMessage, at now: Seconds) -> [Action] {
    guard link != .closed else { return [] }
    lastHeard = now
    var actions: [Action] = []
    switch message {
    case .welcome(let welcome): welcomed(welcome, at: now, into: &actions)
    case .refuse(let refusal): refused(refusal, at: now, into: &actions)
    case .assign(let assignment): assigned(assignment, into: &actions)
    case .ack(let ack): acknowledged(ack, at: now, into: &actions)
    case .heartbeat: break
    case .shutdown(let mode): shutdown(mode, at: now, into: &actions)
    case .cancel(let attempt): cancel(attempt, at: now, into: &actions)
    case .wait(let milliseconds):
      if running == nil && stopMode == nil { readyAt = now + Double(milliseconds) / 1000 }
    }
    return actions
  }

  /// A message from the coordinator that did not decode. Counted and dropped, except a
  /// message of another protocol version, which ends the worker.
  public mutating func malformed(_ error: ProtocolError, at now: Seconds) -> [Action] {
    guard link != .closed else { return [] }
    if case .unsupportedVersion = error {
      return close(.protocolMismatch(error.description))
    }
    malformedCount += 1
    return malformedCount == 1
      ? [.note("dropped a malformed message from the coordinator: \(error)")] : []
  }

  /// A metrics or result message from the training thread.
  public mutating func fromTraining(_ message: WorkerMessage, at now: Seconds) -> [Action] {
    guard link != .closed, !isOfCancelledAttempt(message) else { return [] }
    var actions: [Action] = []
    switch message {
    case .metrics(let batch):
      outbox.add(message, attempt: batch.trial, sequence: batch.sequence, kind: .metrics)
      if link == .connected { send(message, at: now, into: &actions) }
    case .result(let result):
      outbox.add(message, attempt: result.trial, sequence: result.sequence, kind: .result)
      if running == result.trial { running = nil }
      if link == .connected { send(message, at: now, into: &actions) }
      if stopMode == nil {
        if link == .connected { send(.ready, at: now, into: &actions) }
      } else {
        ackDeadline = now + timeout
      }
    default:
      break
    }
    return actions
  }

  /// The CURVE handshake was refused (the socket monitor's `handshakeFailedAuth`).
  public mutating func authenticationRefused(_ detail: String) -> [Action] {
    guard link != .closed else { return [] }
    return close(.notAuthorised(detail))
  }

  /// The worker was interrupted: abandon the trial, say goodbye, stop.
  public mutating func interrupt(at now: Seconds) -> [Action] {
    guard link != .closed else { return [] }
    var actions: [Action] = running == nil ? [] : [.cancelTrial]
    if link == .connected { send(.bye, at: now, into: &actions) }
    return actions + close(.interrupted)
  }

  /// Time passed: heartbeats, liveness, reconnection, timeouts.
  public mutating func tick(at now: Seconds) -> [Action] {
    var actions: [Action] = []
    switch link {
    case .closed:
      break
    case .waiting(let until):
      if now - offlineSince >= connectTimeout { return close(unreachable) }
      if now >= until { open(at: now, into: &actions) }
    case .connecting(let since):
      if now - offlineSince >= connectTimeout { return close(unreachable) }
      if now - since >= timeout { goOffline(at: now, into: &actions) }
    case .connected:
      if now - lastHeard >= timeout {
        offlineSince = now
        actions.append(.note("the coordinator at \(endpoint) fell silent; reconnecting"))
        goOffline(at: now, into: &actions)
      } else {
        tickConnected(at: now, into: &actions)
      }
    }
    return actions
  }

  // MARK: - Handling

  private mutating func tickConnected(at now: Seconds, into actions: inout [Action]) {
    if let ackDeadline, now >= ackDeadline {
      send(.bye, at: now, into: &actions)
      actions += close(.shutDown)
      return
    }
    if let readyAt, now >= readyAt, running == nil, stopMode == nil {
      self.readyAt = nil
      send(.ready, at: now, into: &actions)
    }
    if now - lastSent >= interval {
      send(.heartbeat(running: running), at: now, into: &actions)
    }
  }

  private mutating func welcomed(_ welcome: Welcome, at now: Seconds, into actions: inout [Action])
  {
    link = .connected
    interval = max(0.001, Double(welcome.heartbeatIntervalMilliseconds) / 1000)
    liveness = max(1, Int(welcome.heartbeatLiveness))
    backoff.reset()
    if let sessionID, sessionID != welcome.sessionID {
      actions.append(.note("the coordinator restarted; sending again what it did not confirm"))
    }
    sessionID = welcome.sessionID
    for entry in outbox.entries { send(entry.message, at: now, into: &actions) }
    // Say at once which trial goes on here, so that a restarted coordinator leaves it to us
    // rather than start it again elsewhere.
    if let running { send(.heartbeat(running: running), at: now, into: &actions) }
    if stopMode == .afterCurrentTrial, running == nil, !outbox.holdsResult {
      send(.bye, at: now, into: &actions)
      actions += close(.shutDown)
    } else if running == nil, stopMode == nil {
      readyAt = nil
      send(.ready, at: now, into: &actions)
    }
  }

  private mutating func refused(_ refusal: Refusal, at now: Seconds, into actions: inout [Action]) {
    switch refusal.reason {
    case .protocolMismatch: actions += close(.protocolMismatch(refusal.detail))
    case .notAuthorised: actions += close(.notAuthorised(refusal.detail))
    case .shuttingDown:
      if running != nil { actions.append(.cancelTrial) }
      actions += close(.coordinatorStopping)
    case .unknownWorker:
      // The coordinator restarted or dropped this worker: introduce ourselves again; the
      // welcome re-sends what was not acknowledged.
      // While connecting, the hello is already on its way.
      if link == .connected {
        link = .connecting(since: now)
        offlineSince = now
        send(.hello(hello), at: now, into: &actions)
      }
    }
  }

  private mutating func assigned(_ assignment: Assignment, into actions: inout [Action]) {
    guard stopMode == nil else { return }
    if let running {
      if running != assignment.trial {
        actions.append(
          .note("ignored trial \(assignment.trial) while running \(running): one at a time"))
      }
      return
    }
    running = assignment.trial
    readyAt = nil
    actions.append(.startTrial(assignment))
  }

  private mutating func acknowledged(
    _ ack: Acknowledgement, at now: Seconds, into actions: inout [Action]
  ) {
    outbox.acknowledge(ack.trial, sequences: ack.sequences)
    if stopMode == .afterCurrentTrial, running == nil, !outbox.holdsResult {
      send(.bye, at: now, into: &actions)
      actions += close(.shutDown)
    }
  }

  /// cancel: the coordinator ended this attempt (it ran longer than the trial timeout) and
  /// recorded its outcome. Ignored unless the worker runs it.
  private mutating func cancel(
    _ attempt: TrialAttempt, at now: Seconds, into actions: inout [Action]
  ) {
    guard running == attempt else { return }
    running = nil
    cancelled = attempt
    outbox.discard(attempt)
    actions.append(.cancelTrial)
    actions.append(.note("the coordinator cancelled \(attempt): it ran longer than its timeout"))
    if stopMode == nil {
      readyAt = nil
      if link == .connected { send(.ready, at: now, into: &actions) }
    } else if !outbox.holdsResult {
      if link == .connected { send(.bye, at: now, into: &actions) }
      actions += close(.shutDown)
    }
  }

  private func isOfCancelledAttempt(_ message: WorkerMessage) -> Bool {
    switch message {
    case .metrics(let batch): batch.trial == cancelled
    case .result(let result): result.trial == cancelled
    default: false
    }
  }

  private mutating func shutdown(
    _ mode: ShutdownMode, at now: Seconds, into actions: inout [Action]
  ) {
    stopMode = mode
    readyAt = nil
    if mode == .now || (running == nil && !outbox.holdsResult) {
      if running != nil { actions.append(.cancelTrial) }
      send(.bye, at: now, into: &actions)
      actions += close(.shutDown)
    } else if running == nil {
      ackDeadline = now + timeout
    }
  }

  // MARK: - Link

  private mutating func open(at now: Seconds, into actions: inout [Action]) {
    link = .connecting(since: now)
    lastHeard = now
    actions.append(.connect)
    send(.hello(hello), at: now, into: &actions)
  }

  private mutating func goOffline(at now: Seconds, into actions: inout [Action]) {
    link = .waiting(until: now + backoff.next())
    actions.append(.disconnect)
  }

  private mutating func send(
    _ message: WorkerMessage, at now: Seconds, into actions: inout [Action]
  ) {
    lastSent = now
    actions.append(.send(message))
  }

  private var unreachable: WorkerExit {
    .unreachable(endpoint: endpoint, seconds: connectTimeout, curve: usesCurve)
  }

  private mutating func close(_ exit: WorkerExit) -> [Action] {
    link = .closed
    return [.exit(exit)]
  }
}
