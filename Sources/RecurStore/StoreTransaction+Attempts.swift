import GRDB

extension StoreTransaction {
  /// The name of the worker that started `attempt` of `trialID`, or nil if the store has no
  /// such attempt. The coordinator accepts a result or metrics of an attempt it does not see
  /// running only from a worker of that name (a late result after a reconnection).
  public func attemptWorker(trialID: String, attempt: Int) throws -> String? {
    try String.fetchOne(
      try db.cachedStatement(sql: "SELECT worker FROM attempts WHERE trial_id = ? AND attempt = ?"),
      arguments: [trialID, attempt])
  }
}
