import CZeroMQ
import Foundation

/// The baseline of `recur bench dispatch`: raw libzmq DEALER → ROUTER → DEALER round trips
/// over tcp loopback, one at a time, with nothing of Recur's protocol or storage in between.
///
/// The ROUTER echoes every message from a thread of its own, as the coordinator would; the
/// calling thread plays the worker and waits for each reply before sending the next request,
/// as a worker waits for its next trial. The difference between this and the dispatch rate is
/// what the protocol, the scheduling and the store cost per trial.
public enum RawRoundTrip {
  /// Times `count` round trips of `payloadBytes`-byte messages after `warmUp` untimed ones.
  public static func measure(
    count: Int, payloadBytes: Int = 64, warmUp: Int = 500
  ) throws(WireError) -> RawRoundTripResult {
    guard count > 0, payloadBytes >= 0, warmUp >= 0 else {
      throw .invalidArgument("round trips need count > 0 and non-negative sizes")
    }
    let context = try Context(defaultLinger: .zero)
    let router = try context.socket(.router)
    try router.bind("tcp://127.0.0.1:*")
    let endpoint = try router.lastEndpoint()
    let echoed = startEcho(router, messages: count + warmUp)

    let dealer = try context.socket(.dealer)
    // A blocking receive (no poll per round trip) that still cannot hang if the echo ends.
    try dealer.setOption(ZMQ_RCVTIMEO, 10_000, "ZMQ_RCVTIMEO")
    try dealer.connect(endpoint)
    let request = [Data(repeating: 0x5A, count: payloadBytes)]
    do {
      try roundTrips(dealer, request, warmUp)
      let cpuStart = processCPUSeconds()
      let start = ContinuousClock.now
      try roundTrips(dealer, request, count)
      let wall = ContinuousClock.now - start
      let cpu = processCPUSeconds() - cpuStart
      echoed.wait()
      let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
      return RawRoundTripResult(
        roundTrips: count, payloadBytes: payloadBytes, wallSeconds: seconds,
        processCPUSeconds: cpu)
    } catch {
      context.shutdown()  // the echo thread's receive fails with contextTerminated and ends
      echoed.wait()
      throw error
    }
  }

  private static func roundTrips(
    _ dealer: Socket, _ request: [Data], _ count: Int
  ) throws(WireError) {
    for _ in 0..<count {
      try dealer.send(request)
      guard try dealer.receive() != nil else {
        throw .invalidArgument("a round trip returned no reply")
      }
    }
  }

  /// Echoes `messages` messages on `router` from a new thread; the semaphore is signalled when
  /// it is done (or the context shut down).
  private static func startEcho(_ router: Socket, messages: Int) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let handoff = Handoff(router)
    let thread = Thread {
      let router = handoff.value
      for _ in 0..<messages {
        guard let frames = try? router.receive(), (try? router.send(frames)) == true else {
          break
        }
      }
      router.close()
      done.signal()
    }
    thread.name = "recur.bench.echo"
    thread.start()
    return done
  }

  private static func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }
}
