import Testing

@testable import RecurCluster

/// Results and metrics only from the worker that runs the attempt (`Scheduler.admitsReport`).
@Suite struct SchedulerReportTests {
  typealias S = Scheduler<String>

  /// "a" runs on w1 (routing ids are the worker names here, the names the `name:` argument).
  static func running() -> S {
    var s = S(waiting: ["a", "b"])
    _ = SchedulerTests.ready(&s, "w1")
    return s
  }

  @Test func theWorkerRunningTheAttemptIsAdmittedWithoutReadingTheStore() {
    let s = Self.running()
    #expect(s.reporter("w1", of: "a", attempt: 1) == .runsIt)
    let admitted = s.admitsReport(of: "a", attempt: 1, from: "w1", name: "w1") {
      Issue.record("the store need not be read")
      return nil
    }
    #expect(admitted)
  }

  @Test func anotherPeerIsRefusedEvenUnderTheSameName() {
    let s = Self.running()
    #expect(s.reporter("x", of: "a", attempt: 1) == .anotherRunsIt)
    #expect(!s.admitsReport(of: "a", attempt: 1, from: "x", name: "w1") { "w1" })
    #expect(!s.admitsReport(of: "a", attempt: 1, from: "x", name: "x") { "w1" })
  }

  @Test func aLateReportOfAnEndedAttemptNeedsTheStartersName() {
    var s = Self.running()
    s.workerLost("w1")
    _ = SchedulerTests.ready(&s, "w2")  // attempt 2 of "a" on w2
    #expect(s.reporter("w1", of: "a", attempt: 1) == .nobodyRunsIt)
    #expect(s.admitsReport(of: "a", attempt: 1, from: "w1", name: "w1") { "w1" })
    #expect(!s.admitsReport(of: "a", attempt: 1, from: "x", name: "x") { "w1" })
    #expect(!s.admitsReport(of: "a", attempt: 2, from: "w1", name: "w1") { "w2" })
  }

  @Test func anAttemptTheStoreNeverStartedIsRefused() {
    let s = Self.running()
    #expect(!s.admitsReport(of: "a", attempt: 7, from: "w1", name: "w1") { nil })
    #expect(!s.admitsReport(of: "zzz", attempt: 1, from: "w1", name: "w1") { nil })
  }

  @Test func anAdoptedAttemptIsReportedOnByItsAdopter() {
    var s = S(waiting: ["a"], attemptsStarted: ["a": 1])
    let adopted = s.adopt(trialID: "a", attempt: 1, by: "w9")
    #expect(adopted)
    #expect(s.reporter("w9", of: "a", attempt: 1) == .runsIt)
    #expect(!s.admitsReport(of: "a", attempt: 1, from: "w1", name: "w9") { "w9" })
  }

  @Test func onlyAWorkerOfTheStartersNameCanAdoptAnAttempt() {
    var s = S(waiting: ["a"], attemptsStarted: ["a": 1])
    let byStranger = s.adopt(trialID: "a", attempt: 1, by: "x", name: "x") { "w9" }
    #expect(!byStranger)
    #expect(s.waitingCount == 1)
    let unknown = s.adopt(trialID: "a", attempt: 1, by: "w9", name: "w9") { nil }
    #expect(!unknown)
    let byStarter = s.adopt(trialID: "a", attempt: 1, by: "w9", name: "w9") { "w9" }
    #expect(byStarter)
    #expect(s.assignment(of: "w9")?.trialID == "a")
  }
}
