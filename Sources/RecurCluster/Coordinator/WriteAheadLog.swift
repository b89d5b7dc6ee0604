import Foundation
import RecurWire

/// The results store's write-ahead log, synced to disk by a thread of its own while the
/// coordinator's loop goes on, so that a slow disk delays only the acknowledgements of
/// results, not the next round.
///
/// SQLite in WAL mode appends each commit to `results.sqlite-wal`; with `synchronous=FULL` it
/// syncs that file before the commit returns, and a transaction is durable once its frames
/// are on disk (https://www.sqlite.org/wal.html, "Durability"). Committing with
/// `synchronous=NORMAL` and then calling fdatasync(2) on the same file gives the same
/// guarantee, later: fdatasync flushes the file, whichever descriptor asks, and one call
/// covers every commit made before it started. The loop numbers its commits that hold
/// outcomes, asks for each to be synced (`request`), and sends their acknowledgements once
/// `synced` has reached them — group commit, pipelined. After each sync the thread sends a
/// one-byte message to `notify` (an inproc PAIR the loop polls beside its ROUTER), so that
/// the loop wakes at once rather than polling for it.
final class WriteAheadLog: @unchecked Sendable {
  let path: String
  private let descriptor: Int32
  private let condition = NSCondition()
  private var requested = 0
  private var completed = 0
  private var failure: String?
  private var stopped = false
  private let finished = DispatchSemaphore(value: 0)

  /// Opens the log of the store at `storePath` and starts the syncing thread, which reports
  /// each sync on the inproc endpoint `notify` of `context`; nil if there is no log file
  /// (then commits sync themselves).
  init?(storePath: String, context: Context, notify: String) {
    path = storePath + "-wal"
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    let thread = Thread { [self] in
      let notifier = try? context.socket(.pair)
      try? notifier?.setLinger(.zero)
      try? notifier?.connect(notify)
      serve(notifier)
      notifier?.close()
    }
    thread.name = "recur.wal-sync"
    thread.start()
  }

  deinit {
    Foundation.close(descriptor)
  }

  /// Asks for every commit up to number `commit` to reach the disk.
  func request(_ commit: Int) {
    condition.withLock {
      requested = max(requested, commit)
      condition.signal()
    }
  }

  /// The highest commit number known to be on disk.
  /// - Throws: `CoordinatorError.store` once the disk reported an error: nothing committed
  ///   since may be acknowledged.
  func synced() throws(CoordinatorError) -> Int {
    let (completed, failure) = condition.withLock { (self.completed, self.failure) }
    if let failure { throw .store(.database(path: path, detail: failure)) }
    return completed
  }

  /// Syncs everything requested and waits for it; then stops the thread.
  func finish() throws(CoordinatorError) {
    condition.withLock {
      stopped = true
      condition.signal()
    }
    finished.wait()
    _ = try synced()
  }

  /// The syncing thread: sync whatever was requested since the last sync, until stopped.
  private func serve(_ notifier: Socket?) {
    while true {
      let target: Int? = condition.withLock {
        while requested == completed, failure == nil, !stopped { condition.wait() }
        return failure == nil && requested > completed ? requested : nil
      }
      guard let target else { break }
      let error = syncOnce()
      condition.withLock {
        if let error { failure = error } else { completed = target }
      }
      _ = try? notifier?.send([Data([1])], dontWait: true)
    }
    finished.signal()
  }

  /// One fdatasync, retried after EINTR; the error text if the disk refused.
  private func syncOnce() -> String? {
    while fdatasync(descriptor) != 0 {
      guard errno == EINTR else {
        return "cannot sync to disk: \(String(cString: strerror(errno)))"
      }
    }
    return nil
  }
}
