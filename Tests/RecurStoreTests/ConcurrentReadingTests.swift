import Foundation
import RecurStore
import Testing

@Suite struct ConcurrentReadingTests {
  @Test func aReaderSeesTheLastCommitWhileTheWriterIsMidTransaction() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(4))
    _ = try store.startAttempt(trialID: "t0", worker: "w", host: "h")
    let reader = try fixture.reader()
    let seen = try store.write { transaction -> StatusCounts in
      for id in ["t1", "t2", "t3"] {
        _ = try transaction.startAttempt(trialID: id, worker: "w", host: "h")
      }
      _ = try transaction.recordResults([ResultRow(trialID: "t0", attempt: 1, outcome: .finished)])
      // Still inside the writer's transaction: the reader must neither block nor see it.
      return try reader.statusCounts()
    }
    #expect(seen.running == 1 && seen.queued == 3 && seen.finished == 0 && seen.attempts == 1)
    let after = try reader.statusCounts()
    #expect(after.running == 3 && after.finished == 1 && after.attempts == 4)
  }

  @Test func aReaderOpenedDuringAWriteTransactionOpensAndReads() throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(2))
    let trials = try store.write { transaction -> [TrialRecord] in
      _ = try transaction.startAttempt(trialID: "t0", worker: "w", host: "h")
      return try fixture.reader().trials()
    }
    #expect(trials.map(\.state) == [.queued, .queued])
  }

  @Test func readersOnManyThreadsAgreeWithTheWriter() async throws {
    let fixture = StoreFixture()
    let store = try fixture.writer(with: StoreFixture.plan(200))
    let reader = try fixture.reader()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        for id in try store.queuedTrialIDs() {
          try store.write { transaction in
            let attempt = try #require(
              try transaction.startAttempt(trialID: id, worker: "w", host: "h"))
            _ = try transaction.recordResults([
              ResultRow(trialID: id, attempt: attempt, outcome: .finished)
            ])
          }
        }
      }
      for _ in 0..<2 {
        group.addTask {
          for _ in 0..<50 {
            let counts = try reader.statusCounts()
            // Every snapshot is a committed one: starts and results land together.
            #expect(counts.running == 0)
            #expect(counts.finished == counts.attempts)
            #expect(counts.queued + counts.finished == 200)
          }
        }
      }
      try await group.waitForAll()
    }
    #expect(try reader.statusCounts().finished == 200)
  }
}
