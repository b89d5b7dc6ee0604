/// One trial of an expanded sweep, as the coordinator hands it to `registerPlan`.
public struct PlannedTrialRow: Sendable, Hashable {
  /// The stable trial id from the sweep expansion (for example `3fa2c19b0d4e`).
  public var id: String
  /// The dispatch order: `queuedTrialIDs()` lists queued trials by ascending ordinal.
  public var ordinal: Int
  /// The full trial spec as JSON text, handed to workers as is.
  public var specJSON: String
  /// The resolved value of every key, as text (reports group and filter on these).
  public var keys: [String: String]

  public init(id: String, ordinal: Int, specJSON: String, keys: [String: String]) {
    self.id = id
    self.ordinal = ordinal
    self.specJSON = specJSON
    self.keys = keys
  }
}
