import RecurStore

/// What the coordinators dropped or refused from the network, as `recur status` shows it.
extension Recur.Status {
  /// The JSON fields of the network problem counts (`--json`; documented in the command's
  /// discussion and in README).
  static func networkFields(_ network: NetworkProblemCounts) -> [(String, Int)] {
    [
      ("malformed_messages", network.malformedMessages),
      ("oversized_messages", network.oversizedMessages),
      ("protocol_mismatches", network.protocolMismatches),
      ("foreign_reports", network.foreignReports),
      ("closed_connections", network.closedConnections),
      ("turned_away", network.turnedAway),
    ]
  }

  /// The human view's line "dropped from the network: …", naming the counts that are not
  /// zero; nil when every count is zero.
  static func droppedLine(_ network: NetworkProblemCounts) -> String? {
    guard !network.isZero else { return nil }
    var parts: [String] = []
    if network.malformedMessages > 0 {
      var details: [String] = []
      if network.oversizedMessages > 0 { details.append("\(network.oversizedMessages) oversized") }
      if network.protocolMismatches > 0 {
        details.append("\(network.protocolMismatches) of another protocol version")
      }
      let detail = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
      parts.append(counted(network.malformedMessages, "malformed message") + detail)
    }
    if network.foreignReports > 0 {
      parts.append(
        counted(network.foreignReports, "report") + " from workers not running that attempt")
    }
    if network.closedConnections > 0 {
      parts.append(counted(network.closedConnections, "connection") + " closed before any hello")
    }
    if network.turnedAway > 0 {
      parts.append(counted(network.turnedAway, "hello") + " turned away (too many workers)")
    }
    return "dropped from the network: " + parts.joined(separator: ", ")
  }

  /// `1 message`, `2 messages`.
  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
