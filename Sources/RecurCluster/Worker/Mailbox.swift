import Foundation
import RecurWire

/// Messages from one of the worker's threads to the other, handed over as values.
///
/// The threads used to send each message over their inproc PAIR pipe as protocol frames, which
/// cost an encode and a decode per hop, per assignment and per result. Now the message goes in
/// this queue and the pipe carries an empty frame to wake the other thread (which still polls
/// its pipe beside the coordinator's socket, so a long trial never delays a heartbeat). The
/// message is queued before its wake-up is sent, and the receiver reads the wake-ups it has
/// before it takes the queue: a message is never left behind without a wake-up still to come.
final class Mailbox<Message: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var messages: [Message] = []

  /// Queues `message`, then wakes the other thread through `pipe` (this thread's end); a
  /// wake-up that cannot be sent (the context is ending) leaves the message queued.
  func post(_ message: Message, waking pipe: Socket, dontWait: Bool = false) {
    lock.withLock { messages.append(message) }
    _ = try? pipe.send(Self.wakeUp, dontWait: dontWait)
  }

  /// Reads every wake-up waiting on `pipe` (this thread's end), then takes every message
  /// queued, oldest first.
  func collect(from pipe: Socket) -> [Message] {
    while (try? pipe.receive(timeout: .zero)) != nil {}
    return take()
  }

  /// Every message queued, oldest first.
  func take() -> [Message] {
    lock.withLock {
      var taken: [Message] = []
      swap(&taken, &messages)
      return taken
    }
  }

  /// The frame that wakes the other thread.
  private static var wakeUp: [Data] { [Data()] }
}
