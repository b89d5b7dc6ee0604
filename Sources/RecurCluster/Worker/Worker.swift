import Foundation
import Logging
import RecurProtocol
import RecurWire

/// A worker process: connects to a coordinator, asks for trials and trains them one at a time.
///
/// Two threads, as `Socket` recommends: the calling thread runs the network loop (it owns the
/// DEALER, heartbeats, reconnects, keeps unacknowledged messages), and a training thread runs
/// the trials and hands messages to and from the network thread through `Mailbox`es, woken over
/// an inproc PAIR pipe. The protocol logic is `WorkerSession`; this type performs its actions.
public final class Worker {
  public let options: WorkerOptions
  /// Raise it (from a signal handler) to abandon the trial, say goodbye and stop.
  public let stopSignal = StopSignal()
  private let executor: any TrialExecutor
  private let logger: Logger
  private let keys: (server: CurveKey, pair: CurveKeyPair)?
  /// Kept across reconnections, so that the coordinator recognises the worker.
  private let routingID: Data

  /// Checks the key files; nothing connects before `run`.
  public init(
    options: WorkerOptions, executor: any TrialExecutor, logger: Logger
  ) throws(WireError) {
    self.options = options
    self.executor = executor
    self.logger = logger
    if let curve = options.curve {
      keys = (
        try CurveKeyFiles.loadPublicKey(curve.serverKeyPath),
        try CurveKeyFiles.loadKeyPair(curve.keyPath)
      )
    } else {
      keys = nil
    }
    var generator = SystemRandomNumberGenerator()
    routingID =
      Data([UInt8.random(in: 1...255, using: &generator)])
      + Data((0..<15).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  /// The hello this worker sends.
  public var hello: Hello {
    Hello(
      name: ProtocolLimits.truncate(options.name, toUTF8Bytes: ProtocolLimits.maxNameBytes),
      host: ProtocolLimits.truncate(HostName.current, toUTF8Bytes: ProtocolLimits.maxNameBytes),
      cores: UInt32(clamping: options.cores),
      engineVersion: ProtocolLimits.truncate(
        options.engineVersion, toUTF8Bytes: ProtocolLimits.maxNameBytes),
      processID: getpid())
  }

  /// Serves the coordinator until it says stop, refuses this worker, cannot be reached, or
  /// `stopSignal` is raised. Returns why it stopped.
  public func run() throws(WireError) -> WorkerExit {
    let context = try Context(defaultLinger: .milliseconds(1000))
    let pipeEndpoint = context.uniqueInprocEndpoint("worker")
    let pipe = try context.socket(.pair)
    try pipe.setLinger(.zero)
    try pipe.bind(pipeEndpoint)
    let training = TrainingThread(context: context, pipe: pipeEndpoint, executor: executor)
    var loop = NetworkLoop(
      worker: self, context: context, pipe: pipe, training: training,
      session: WorkerSession(
        hello: hello, endpoint: options.endpoint, connectTimeout: options.connectTimeout,
        usesCurve: keys != nil, metricsLimit: options.metricsLimit))
    let exit = loop.run()
    loop.close()
    training.inbox.post(.shutdown(.now), waking: pipe, dontWait: true)
    training.cancel.raise()
    if training.join(timeout: 1) {
      pipe.close()
    } else {
      logger.warning("the trial did not stop within 1 s; leaving it behind")
      // Its socket keeps the context open; give the goodbye a moment to leave.
      Thread.sleep(forTimeInterval: 0.2)
    }
    return exit
  }

  /// The network thread's state: the session and the sockets it acts on.
  struct NetworkLoop {
    let worker: Worker
    let context: Context
    let pipe: Socket
    let training: TrainingThread
    var session: WorkerSession
    var dealer: Socket?
    var monitor: SocketMonitor?
    var exit: WorkerExit?
    let started = ContinuousClock.now

    var now: Seconds {
      let elapsed = ContinuousClock.now - started
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    mutating func run() -> WorkerExit {
      perform(session.start(at: now))
      while exit == nil {
        if worker.stopSignal.isRaised { perform(session.interrupt(at: now)) }
        guard exit == nil else { break }
        pollOnce()
        perform(session.tick(at: now))
      }
      return exit ?? .interrupted
    }

    /// Waits for the next message or deadline, then feeds everything waiting to the session.
    mutating func pollOnce() {
      var items = [PollItem(pipe)]
      if let dealer { items.append(PollItem(dealer)) }
      if let monitor { items.append(PollItem(monitor.socket)) }
      let timeout = max(0, min(session.nextDeadline() - now, Coordinator.stopCheckInterval))
      guard let ready = try? Poller.poll(items, timeout: .milliseconds(Int(timeout * 1000)))
      else { return }
      if ready.count > 1, ready[1].contains(.readable) { drainCoordinator() }
      if ready.count > 2, ready[2].contains(.readable) { drainMonitor() }
      if ready[0].contains(.readable) { drainTraining() }
    }

    mutating func drainCoordinator() {
      while exit == nil, let dealer {
        let frames: [Data]?
        do {
          frames = try dealer.receive(
            timeout: .zero, maxFrames: 8, maxFrameBytes: ProtocolLimits.maxFrameBytes)
        } catch .tooManyFrames {
          perform(session.malformed(.wrongFrameCount(found: 9, expected: 3), at: now))
          continue
        } catch .frameTooLarge(let bytes, let limit, _) {
          perform(session.malformed(.payloadTooLarge(length: bytes, limit: limit), at: now))
          continue
        } catch {
          // Not the message's fault (the socket is going away): the liveness deadline and
          // the reconnection that follows deal with it; looping here would spin.
          worker.logger.warning("could not receive from the coordinator: \(error)")
          return
        }
        guard let frames else { return }
        do {
          perform(session.received(try CoordinatorMessage.decode(frames), at: now))
        } catch {
          perform(session.malformed(error, at: now))
        }
      }
    }

    mutating func drainTraining() {
      for message in training.outbox.collect(from: pipe) where exit == nil {
        perform(session.fromTraining(message, at: now))
      }
    }

    mutating func drainMonitor() {
      while exit == nil, let monitor, let event = try? monitor.next(timeout: .zero) {
        if let refusal = event.authenticationFailure {
          perform(session.authenticationRefused(refusal.description))
        }
      }
    }

    mutating func perform(_ actions: [WorkerSession.Action]) {
      for action in actions {
        switch action {
        case .connect: connect()
        case .disconnect: disconnect()
        case .send(let message): send(message)
        case .startTrial(let assignment):
          training.inbox.post(.assign(assignment), waking: pipe)
        case .cancelTrial: training.cancel.raise()
        case .note(let text): worker.logger.notice("\(text)")
        case .exit(let reason): exit = reason
        }
      }
    }

    mutating func send(_ message: WorkerMessage) {
      guard let dealer else { return }
      do {
        if try !dealer.send(try message.encode(), dontWait: true) {
          worker.logger.debug("dropped \(message.type): the send queue is full")
        }
      } catch {
        worker.logger.warning("could not send \(message.type): \(error)")
      }
    }

    /// A new DEALER (the Guide's Paranoid Pirate opens a fresh socket on every reconnection,
    /// so that nothing stale is delivered), with the worker's routing id and keys.
    mutating func connect() {
      disconnect()
      do {
        let socket = try context.socket(.dealer)
        try socket.setRoutingID(worker.routingID)
        try socket.setMaxMessageSize(ProtocolLimits.hardFrameBytes)
        try socket.setReconnectInterval(.milliseconds(250), maximum: .seconds(2))
        if let keys = worker.keys {
          try socket.makeCurveClient(serverKey: keys.server, keyPair: keys.pair)
          monitor = try SocketMonitor(
            socket, events: [.handshakeFailedAuth, .handshakeFailedProtocol])
        }
        try socket.connect(worker.options.endpoint)
        dealer = socket
      } catch {
        exit = .invalidAddress(endpoint: worker.options.endpoint, problem: "\(error)")
      }
    }

    mutating func disconnect() {
      monitor = nil
      if let dealer {
        try? dealer.setLinger(.zero)
        dealer.close()
      }
      dealer = nil
    }

    /// Closes the socket, letting a last goodbye leave (linger).
    mutating func close() {
      monitor = nil
      dealer?.close()
      dealer = nil
    }
  }
}
