import Foundation
import Testing

@testable import RecurWire

/// The pattern `Socket` recommends for workers: a network thread owns the DEALER and relays
/// what the training thread sends over an inproc PAIR pipe; sockets never change threads.
@Suite struct ThreadPipeTests {
  @Test func trainingThreadReachesTheCoordinatorThroughTheNetworkThread() throws {
    let context = try Context()
    let router = try context.socket(.router)
    try router.bind("tcp://127.0.0.1:*")
    let coordinator = try router.lastEndpoint()
    let pipe = context.uniqueInprocEndpoint("worker")
    let relayed = DispatchSemaphore(value: 0)
    let pipeBound = DispatchSemaphore(value: 0)

    let network = Thread {
      do {
        let inbox = try context.socket(.pair)
        try inbox.bind(pipe)
        pipeBound.signal()
        let dealer = try context.socket(.dealer)
        try dealer.connect(coordinator)
        // relay one message each way, then stop
        if let frames = try inbox.receive(timeout: .seconds(5)) { try dealer.send(frames) }
        if let frames = try dealer.receive(timeout: .seconds(5)) { try inbox.send(frames) }
      } catch {
        pipeBound.signal()
      }
      relayed.signal()
    }
    network.start()
    pipeBound.wait()

    let training = try context.socket(.pair)
    try training.connect(pipe)
    try training.send([Data("metrics".utf8)])
    let request = try #require(try router.receive(timeout: .seconds(5)))
    #expect(request.last == Data("metrics".utf8))
    try router.send([request[0], Data("ack".utf8)])
    #expect(try training.receive(timeout: .seconds(5)) == [Data("ack".utf8)])
    relayed.wait()
  }
}
