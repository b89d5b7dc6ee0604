import Foundation
import RecurEngine
import Testing

@testable import RecurTasks

@Suite struct ForecastingTaskTests {
  @Test(arguments: [TaskName.sine, .mackeyGlass])
  func targetsAreTheNextInputs(name: TaskName) throws {
    var task = try makeTask(name: name, seqLen: 30, seed: 3, evaluationSequences: 8)
    #expect(task.inputSize == 1 && task.outputSize == 1 && task.loss == .mseAll)
    let batch = task.trainingBatch(size: 16)
    let targets = values(batch)
    #expect(targets.count == 30 * 16)
    for t in 0..<29 {
      for b in 0..<16 { #expect(batch.inputs[(t + 1) * 16 + b] == targets[t * 16 + b]) }
    }
  }

  @Test(arguments: [TaskName.sine, .mackeyGlass])
  func baselineIsRepeatLastOnTheEvaluationSet(name: TaskName) throws {
    let task = try makeTask(name: name, seqLen: 50, seed: 6, evaluationSequences: 200)
    let evaluation = task.evaluationSet(batchSize: 37)
    var direct: [Double] = []
    for batch in evaluation {
      for (x, y) in zip(batch.inputs, values(batch)) {
        let error = Double(y) - Double(x)
        direct.append(error * error)
      }
    }
    let mean = direct.reduce(0, +) / Double(direct.count)
    #expect(abs(task.baselineLoss - mean) < 1e-9 * mean)
    #expect(abs(task.trivialLoss(on: evaluation) - mean) < 1e-9 * mean)
    let rule = name == .sine ? 0.25 : 0.1
    #expect(abs(task.solvedThreshold - rule * task.baselineLoss) < 1e-15)
  }

  @Test func sineBaselineAndSpreadMatchTheDocumentedMixture() throws {
    let task = try makeTask(name: .sine, seqLen: 100, seed: 1, evaluationSequences: 2000)
    // Expected 0.0519; per-sequence sd 0.049, so the standard error over 2,000 is 0.0011.
    #expect(abs(task.baselineLoss - 0.0519) < 0.0045)
    let xs = task.evaluationSet(batchSize: 2000)[0].inputs.map(Double.init)
    let mean = xs.reduce(0, +) / Double(xs.count)
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)
    // Three sines with a ~ U[0.2, 1): variance 3 · E[a²]/2 = 0.62, plus the noise 0.0025.
    #expect(abs(mean) < 0.02)
    #expect(abs(variance - 0.6225) < 0.03)
  }

  @Test func mackeyGlassIntegrationConvergesAsTheStepHalves() {
    let coarse = MackeyGlassSeries(step: 0.1, transient: 0).samples(count: 100)
    let fine = MackeyGlassSeries(step: 0.05, transient: 0).samples(count: 100)
    let finer = MackeyGlassSeries(step: 0.025, transient: 0).samples(count: 100)
    let errorCoarse = zip(coarse, finer).map { abs($0 - $1) }.max() ?? .infinity
    let errorFine = zip(fine, finer).map { abs($0 - $1) }.max() ?? .infinity
    #expect(coarse[0] == 1.2)
    // An independent forward Euler solution with h = 0.001 (numpy) at t = 1, 2, 3; Euler's
    // own error at that step is about 1e-5.
    #expect(abs(coarse[1] - 1.117_558_29) < 2e-5)
    #expect(abs(coarse[2] - 1.042_962_32) < 2e-5)
    #expect(abs(coarse[3] - 0.975_465_43) < 2e-5)
    #expect(errorCoarse < 1e-4)
    #expect(errorFine < errorCoarse / 3)  // the error shrinks as a power of the step
  }

  @Test func mackeyGlassSeriesStaysOnTheKnownAttractor() {
    let series = MackeyGlassSeries().samples(count: 5000)
    let mean = series.reduce(0, +) / 5000
    #expect(series.allSatisfy { $0 > 0.35 && $0 < 1.4 })
    #expect(abs(mean - 0.93) < 0.03)
    // The solution of x' = -γx + βx(t-τ)/(1+x(t-τ)^10) with these values returns: no decay to
    // the fixed point x* = 1 (it is unstable for τ = 17).
    #expect(series.suffix(500).contains { abs($0 - 1) > 0.3 })
  }

  @Test func mackeyGlassWindowsStayInTheirSegments() throws {
    let seqLen = 40
    let task = try makeTask(name: .mackeyGlass, seqLen: seqLen, seed: 2, evaluationSequences: 30)
    let generator = try #require(task.generator as? MackeyGlassTask)
    let series = generator.series
    #expect(series.count == 20_000 && generator.heldOutStart == 18_000)
    let training = series[..<generator.heldOutStart].map(Double.init)
    let mean = training.reduce(0, +) / Double(training.count)
    let variance = training.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(training.count)
    #expect(abs(mean) < 1e-5 && abs(variance - 1) < 1e-4)
    func start(of window: [Float]) -> Int? {
      (0...(series.count - seqLen - 1)).first { series[$0..<($0 + seqLen)].elementsEqual(window) }
    }
    for batch in task.evaluationSet(batchSize: 30) {
      for b in 0..<batch.size {
        let window = inputs(of: b, in: batch).map { $0[0] }
        #expect((start(of: window) ?? -1) >= generator.heldOutStart)
      }
    }
    var training2 = task
    let batch = training2.trainingBatch(size: 30)
    for b in 0..<batch.size {
      let window = inputs(of: b, in: batch).map { $0[0] }
      #expect((start(of: window) ?? .max) + seqLen + 1 <= generator.heldOutStart)
    }
  }
}
