import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive advisory lock on the results folder, held by the one writer for its lifetime.
///
/// The store's contract is a single writer (the coordinator). SQLite alone would let a second
/// coordinator on the same folder interleave its writes with the first; `flock(2)` on the
/// folder turns that into an immediate `StoreError.locked`. The lock goes with the process, so
/// a coordinator killed with `kill -9` never leaves a stale lock behind. It is taken on the
/// folder rather than on `results.sqlite` because closing any descriptor of the database file
/// would drop SQLite's own POSIX locks (see "Posix advisory locks" in SQLite's `os_unix.c`).
final class StoreLock: Sendable {
  private let descriptor: Int32

  /// Takes the lock on `directory`, or throws `.locked` if another process holds it.
  init(directory: String, storePath: String) throws {
    let descriptor = open(directory, O_RDONLY)
    guard descriptor >= 0 else {
      throw StoreError.cannotOpen(path: directory, reason: String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let code = errno
      close(descriptor)
      if code == EWOULDBLOCK { throw StoreError.locked(path: storePath) }
      throw StoreError.cannotOpen(path: directory, reason: String(cString: strerror(code)))
    }
    self.descriptor = descriptor
  }

  deinit {
    close(descriptor)
  }
}
