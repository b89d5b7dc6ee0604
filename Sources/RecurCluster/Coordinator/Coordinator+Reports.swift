import Foundation
import Logging
import RecurProtocol
import RecurStore

/// Results and metrics are taken only from the worker that runs the attempt (PROTOCOL.md,
/// Reliability), so that no peer that said hello can write another worker's outcome.
extension Coordinator {
  /// Whether a report (result or metrics) on `trial` from `peer`, named `name`, may be stored
  /// (`Scheduler.admitsReport`). If not, it is counted and logged once per peer.
  func admitsReport(
    on trial: TrialAttempt, _ type: MessageType, from peer: Data, name: String,
    _ tx: StoreTransaction
  ) throws -> Bool {
    let attempt = Int(trial.attempt)
    let admitted = try scheduler.admitsReport(
      of: trial.trialID, attempt: attempt, from: peer, name: name
    ) {
      try tx.attemptWorker(trialID: trial.trialID, attempt: attempt)
    }
    guard !admitted else { return true }
    foreignReports += 1
    if strangers.record(peer) {
      let what = Hello.printable(trial.description)
      logger.warning(
        """
        \(name) (peer \(Self.hex(peer))) sent \(type) for \(what), an attempt \
        it does not run; ignored (further ones from it only counted)
        """)
    }
    return false
  }

  /// The first bytes of a routing id in hex, for logs.
  static func hex(_ peer: Data) -> String {
    peer.prefix(8).map { String(format: "%02x", $0) }.joined()
  }
}
