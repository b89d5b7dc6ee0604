import RecurStore

/// What the coordinator dropped or refused from the network, kept in the store (issue 5,
/// "The network is hostile") so that `recur status` shows it while the sweep runs and after a
/// crash, not only the summary printed at exit.
extension Coordinator {
  /// What this session dropped or refused so far.
  var networkProblems: NetworkProblemCounts {
    NetworkProblemCounts(
      malformedMessages: dropped, oversizedMessages: oversized,
      protocolMismatches: mismatched.total, foreignReports: foreignReports,
      closedConnections: closedConnections, turnedAway: turnedAway)
  }

  /// Whether the counts changed since they were last stored: some arrive outside the round's
  /// messages (oversized frames drained while receiving, connections closed after the
  /// commit), and such a round must still commit them.
  var networkProblemsChanged: Bool { networkProblems != storedNetworkProblems }

  /// Writes this session's counts in the round's transaction when they changed: one prepared
  /// UPDATE in a commit that happens anyway, no transaction or sync of its own. A commit that
  /// fails ends the coordinator (`run` throws), so remembering the counts before the commit
  /// loses none.
  func storeNetworkProblems(_ tx: StoreTransaction) throws {
    let current = networkProblems
    guard current != storedNetworkProblems else { return }
    try tx.recordNetworkProblems(current, session: session)
    storedNetworkProblems = current
  }
}
