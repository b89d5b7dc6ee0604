import Foundation

/// The sweep as stored: the latest registered `SweepInfo` and when it was registered.
///
/// Each `registerPlan` whose `SweepInfo` differs from the latest one (an edited sweep file)
/// adds a revision; the earlier ones stay in the `sweeps` table.
public struct SweepRecord: Sendable, Hashable {
  public var info: SweepInfo
  /// 1 for the first registration, then one more per edited sweep file.
  public var revision: Int
  /// When the first revision was registered: the start of the sweep.
  public var createdAt: Date
  /// When this revision was registered.
  public var registeredAt: Date
}
