import GRDB

/// Coordinator sessions and what each dropped or refused from the network (schema version 2).
extension StoreTransaction {
  /// Starts a coordinator session (one per start of a coordinator on this store), with its
  /// network problem counts at 0; `coordinator` names it for people reading the store
  /// (`host:pid`).
  ///
  /// - Returns: the session's id, for `recordNetworkProblems`.
  public func startCoordinatorSession(coordinator: String) throws -> Int {
    let time = now
    try db.execute(
      sql: """
        INSERT INTO coordinator_sessions (coordinator, started_at, updated_at) VALUES (?, ?, ?)
        """, arguments: [coordinator, time, time])
    return Int(db.lastInsertedRowID)
  }

  /// Stores the network problem counts of `session` so far (they replace what the session
  /// stored before, so writing the same counts twice changes nothing). Cheap enough for every
  /// round that changed them: one prepared statement, no sync of its own.
  ///
  /// - Returns: false if no session has this id (nothing is stored).
  @discardableResult
  public func recordNetworkProblems(_ counts: NetworkProblemCounts, session: Int) throws -> Bool {
    let update = try db.cachedStatement(
      sql: """
        UPDATE coordinator_sessions SET updated_at = ?, malformed_messages = ?,
          oversized_messages = ?, protocol_mismatches = ?, foreign_reports = ?,
          closed_connections = ?, turned_away = ?
        WHERE id = ?
        """)
    // Counts are never negative; a caller's bug must not fail the round's transaction.
    let values = [
      counts.malformedMessages, counts.oversizedMessages, counts.protocolMismatches,
      counts.foreignReports, counts.closedConnections, counts.turnedAway,
    ].map { max(0, $0) }
    var arguments: StatementArguments = [now]
    arguments += StatementArguments(values)
    arguments += [session]
    update.setUncheckedArguments(arguments)
    try update.execute()
    return db.changesCount == 1
  }
}
