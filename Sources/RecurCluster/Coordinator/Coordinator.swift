import Foundation
import Logging
import RecurProtocol
import RecurStore
import RecurSweep
import RecurWire

/// Runs a sweep: writes its plan into the results store, then hands its trials to the workers
/// that connect, one at a time each, and stores what they send back.
///
/// The ZeroMQ Guide's reliable request-reply patterns (chapter 4: Paranoid Pirate's worker
/// queue and heartbeats both ways), around value-type state machines that hold the logic
/// (`Scheduler`, `PeerTable`, `ReplyBatch`) and the results store, which is the ledger.
///
/// Each round of the loop takes every message waiting on the socket, handles them all in one
/// store transaction (group commit), and only after the commit sends the acknowledgements and
/// assignments: an outcome is durable before its worker may forget it. Anything that does not
/// decode is counted, logged once per peer and dropped; it never reaches the store.
///
/// A coordinator lives on the thread that calls `run`; only `stopSignal` may be used from
/// other threads.
public final class Coordinator {
  /// How often the loop checks `stopSignal` when nothing arrives.
  public static let stopCheckInterval: Seconds = 0.1

  /// The sweep's name.
  public let sweepName: String
  /// The address the socket is bound to, with the port chosen for `:*`.
  public let endpoint: String
  /// What registering the plan did (trials added, kept, withdrawn).
  public let registration: PlanRegistration
  /// Trials that were running when the previous coordinator stopped, requeued now.
  public let resumedTrials: Int
  /// Raise it (from a signal handler) to stop: no more dispatching, workers told, flushed.
  public let stopSignal: StopSignal
  public let options: CoordinatorOptions

  let store: ResultsStore
  /// The store's log, synced by a thread of its own before results are acknowledged; nil
  /// when commits sync themselves (no log file found) or syncing is off (`.normal`).
  let wal: WriteAheadLog?
  /// Where `wal` reports each sync.
  let syncInbox: Socket?
  let context: Context
  let router: Socket
  let authenticator: ZAPAuthenticator?
  let logger: Logger
  let maxAttempts: Int
  let welcome: Welcome
  let started = ContinuousClock.now

  var scheduler: Scheduler<Data>
  var peers: PeerTable<Data>
  /// The trial timeout's clock; nil without `--trial-timeout`.
  var deadlines: AttemptDeadlines<Data>?
  var malformed = ProblemTally<Data>()
  var mismatched = ProblemTally<Data>()
  var strangers = ProblemTally<Data>()
  /// Messages dropped as malformed or of another protocol version.
  var dropped = 0
  /// Of `dropped`, messages with a frame above `ProtocolLimits.maxFrameBytes`.
  var oversized = 0
  /// Watches the ROUTER's closed connections (nil if libzmq refused to monitor it).
  let monitor: SocketMonitor?
  var connections = ConnectionLedger<Data>()
  /// Connections closed before any hello (libzmq cut some off for a frame above
  /// `ProtocolLimits.hardFrameBytes`), and those already logged.
  var closedConnections = 0
  var closedStrangers = ProblemTally<Data>()
  /// Results and metrics from workers that do not run the attempt, ignored.
  var foreignReports = 0
  /// Hellos ignored because the peer table was full, and the peers already logged.
  var turnedAway = 0
  var crowded = ProblemTally<Data>()
  /// This coordinator's session in the store, where its network problem counts go.
  let session: Int
  /// The network problem counts as last written to the store.
  var storedNetworkProblems = NetworkProblemCounts()
  /// Spec JSON of each trial that may still be dispatched.
  var specs: PackedStrings
  /// Swept keys of each trial of the plan, for the live view.
  let labels: PackedStrings
  var counts: StatusCounts
  var meter = ThroughputMeter()
  var replies = ReplyBatch<Data>()
  var observer: (CoordinatorEvent) -> Void = { _ in }
  var stopping: Stopping?
  var tally = RunTally()
  /// Commits holding outcomes, numbered for `wal`.
  var outcomeCommits = 0
  /// Acknowledgements of results waiting for their commit to reach the disk, oldest first.
  var pendingAcks: [(commit: Int, messages: [ReplyBatch<Data>.Message])] = []

  /// Validates the options, stores the plan (adding only trials the store does not have),
  /// requeues attempts a previous coordinator left running, and binds the socket.
  ///
  /// - Parameter stopSignal: raised before `run`, the loop stops at once (a signal that came
  ///   while the plan was being stored).
  public init(
    sweep: Sweep, options: CoordinatorOptions, logger: Logger, stopSignal: StopSignal = StopSignal()
  ) throws(CoordinatorError) {
    try options.validate()
    self.stopSignal = stopSignal
    self.options = options
    self.logger = logger
    sweepName = sweep.name
    maxAttempts = sweep.attempts
    let plan = SweepPlanRows(sweep: sweep)
    labels = plan.labels
    let store = try Self.storeCall {
      try ResultsStore.openForWriting(
        directory: options.resultsDirectory, durability: options.durability)
    }
    self.store = store
    let coordinatorID = ProtocolLimits.truncate(
      "\(HostName.current):\(getpid())", toUTF8Bytes: ProtocolLimits.maxNameBytes)
    (registration, resumedTrials, session) = try Self.storeCall {
      try store.write { tx in
        (
          try tx.registerPlan(sweep: plan.info, trials: plan.rows),
          try tx.resumeInterruptedAttempts(),
          try tx.startCoordinatorSession(coordinator: coordinatorID)
        )
      }
    }
    // A new store holds exactly the plan, all queued: no need to read 100,000 trials back.
    let stored = registration.kept == 0 ? nil : try Self.storeCall { try store.trials() }
    scheduler = Self.scheduler(for: stored, plan: plan.ids)
    specs = Self.specs(plan.specs, waiting: stored)
    counts = try Self.storeCall { try store.statusCounts() }
    peers = PeerTable(interval: options.heartbeatInterval, liveness: options.heartbeatLiveness)
    deadlines = options.trialTimeout.map { AttemptDeadlines(limit: $0) }
    welcome = Welcome(
      coordinatorID: coordinatorID, sessionID: UUID().uuidString,
      heartbeatIntervalMilliseconds: UInt32(max(1, (options.heartbeatInterval * 1000).rounded())),
      heartbeatLiveness: UInt32(options.heartbeatLiveness))
    (context, router, authenticator, endpoint) = try Self.bind(options)
    monitor = try? Self.monitorClosures(router)
    (syncInbox, wal) = try Self.startSyncing(store, context: context, options.durability)
  }

  /// The log's syncing thread and the socket it reports on (none with `.normal`).
  static func startSyncing(
    _ store: ResultsStore, context: Context, _ durability: Durability
  ) throws(CoordinatorError) -> (Socket?, WriteAheadLog?) {
    guard durability == .full else { return (nil, nil) }
    do {
      let endpoint = context.uniqueInprocEndpoint("wal")
      let inbox = try context.socket(.pair)
      try inbox.setLinger(.zero)
      try inbox.bind(endpoint)
      guard let wal = WriteAheadLog(storePath: store.path, context: context, notify: endpoint)
      else {
        inbox.close()
        return (nil, nil)
      }
      return (inbox, wal)
    } catch {
      throw .wire(error)
    }
  }

  /// The scheduler of the stored trials of the plan (nil: a new store, where every planned
  /// trial waits): queued ones wait in ordinal order, those never attempted first. Trials
  /// attempted before were mostly interrupted by the previous coordinator's end; their
  /// workers, reconnecting, may still be running them and claim them back (`adopt`) before
  /// the queue reaches them.
  static func scheduler(for trials: [TrialRecord]?, plan ids: [String]) -> Scheduler<Data> {
    guard let trials else { return Scheduler(waiting: ids) }
    var fresh: [String] = []
    var attempted: [String] = []
    var attempts: [String: Int] = [:]
    for trial in trials where !trial.state.isTerminal {
      if trial.attempts > 0 {
        attempted.append(trial.id)
        attempts[trial.id] = trial.attempts
      } else {
        fresh.append(trial.id)
      }
    }
    return Scheduler(waiting: fresh + attempted, attemptsStarted: attempts)
  }

  /// The spec JSON of the trials still waiting, as workers receive it (nil: every trial of
  /// the plan waits).
  static func specs(_ specs: PackedStrings, waiting trials: [TrialRecord]?) -> PackedStrings {
    guard let trials else { return specs }
    let open = Set(trials.lazy.filter { !$0.state.isTerminal }.map(\.id))
    return specs.filter { open.contains($0) }
  }

  /// The ROUTER, bound, with CURVE and its ZAP handler (created before the bind, as libzmq
  /// requires) when asked.
  static func bind(_ options: CoordinatorOptions) throws(CoordinatorError) -> (
    Context, Socket, ZAPAuthenticator?, String
  ) {
    do {
      let context = try Context(defaultLinger: .milliseconds(500))
      var authenticator: ZAPAuthenticator?
      let router = try context.socket(.router)
      if let curve = options.curve {
        let keys = try CurveKeyFiles.loadKeyPair(curve.secretKeyPath)
        let authorized = try CurveKeyFiles.loadAuthorizedKeys(curve.authorizedKeysDirectory)
        authenticator = try ZAPAuthenticator(context: context, authorized: authorized)
        try router.makeCurveServer(secretKey: keys.secretKey)
      }
      try router.setRouterMandatory(true)
      try router.setRouterHandover(true)
      // Frames up to the hard limit reach `receiveOne`, which refuses those above the
      // protocol's and counts them; libzmq cuts off the connection of a peer that sends more.
      try router.setMaxMessageSize(ProtocolLimits.hardFrameBytes)
      try router.setSendHighWaterMark(10_000)
      try router.setReceiveHighWaterMark(10_000)
      try router.bind(options.bind)
      return (context, router, authenticator, try router.lastEndpoint())
    } catch {
      throw .wire(error)
    }
  }

  /// Runs a store operation, mapping its errors to `CoordinatorError.store`.
  static func storeCall<T>(_ body: () throws -> T) throws(CoordinatorError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw .store(error)
    } catch {
      throw .store(.database(path: "results.sqlite", detail: "\(error)"))
    }
  }

  /// Seconds since the coordinator started, on the monotonic clock.
  var now: Seconds {
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }
}

/// What the loop counts for the summary and the benchmark.
struct RunTally {
  var firstStart: Seconds?
  var lastOutcome: Seconds?
  /// The loop thread's CPU time at the first start and at the last outcome.
  var cpuAtFirstStart: Double?
  var cpuAtLastOutcome: Double?
  var outcomes = 0
  var transactions = 0
}

/// The coordinator's shutdown in progress.
struct Stopping {
  var ending: CoordinatorSummary.Ending
  /// The loop ends when every worker said goodbye, or at this time.
  var deadline: Seconds
}
