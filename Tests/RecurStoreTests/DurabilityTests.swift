import Foundation
import Testing

@testable import RecurStore

@Suite struct DurabilityTests {
  /// SQLite's `PRAGMA synchronous` values.
  static let normal = 1
  static let full = 2

  @Test func outcomesAreSyncedAndStartsAreNotWithFullDurability() throws {
    let fixture = StoreFixture()
    let store = try ResultsStore.openForWriting(directory: fixture.directory)
    #expect(store.durability == .full)
    try store.registerPlan(sweep: StoreFixture.sweep(), trials: StoreFixture.plan(1))
    #expect(try store.writerSynchronousSetting() == Self.full)
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    #expect(try store.writerSynchronousSetting() == Self.normal)
    _ = try store.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
    #expect(try store.writerSynchronousSetting() == Self.full)
  }

  @Test func normalDurabilityNeverSyncs() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(1))
    _ = try store.write { try $0.startAttempt(trialID: "t0", worker: "w", host: "h") }
    #expect(try store.writerSynchronousSetting() == Self.normal)
  }
}
