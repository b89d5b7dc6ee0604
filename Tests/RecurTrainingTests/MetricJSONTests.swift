import Foundation
import RecurTraining
import Testing

/// The JSON forms of METRICS.md: names, nulls, round trips.
@Suite struct MetricJSONTests {
  static let decoder = JSONDecoder()

  static func object(_ line: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(
      with: Data(line.utf8), options: [.fragmentsAllowed])
    return try #require(value as? [String: Any])
  }

  @Test func recordsUseSnakeCaseAndLeaveOutWhatWasNotMeasured() throws {
    let record = MetricRecord(step: 100, trainLoss: 0.25, evalLoss: 0.5, gradNorm: 1.5)
    let line = try JSONNumbers.line(record)
    #expect(line == #"{"eval_loss":0.5,"grad_norm":1.5,"step":100,"train_loss":0.25}"#)
  }

  @Test func nonFiniteNumbersAreNullAndDecodeAsNaN() throws {
    var record = MetricRecord(step: 3, trainLoss: .nan, evalLoss: .infinity)
    record.hiddenGradNorm = [[1, .infinity]]
    record.paramGradNorms = ["head.bias": .nan]
    let line = try JSONNumbers.line(record)
    #expect(
      line == #"{"eval_loss":null,"hidden_grad_norm":[[1,null]],"param_grad_norms":"#
        + #"{"head.bias":null},"step":3,"train_loss":null}"#)
    let decoded = try Self.decoder.decode(MetricRecord.self, from: Data(line.utf8))
    #expect(decoded.trainLoss?.isNaN == true && decoded.evalLoss?.isNaN == true)
    #expect(decoded.hiddenGradNorm?[0][0] == 1 && decoded.hiddenGradNorm?[0][1].isNaN == true)
    #expect(decoded.gradNorm == nil && decoded.saturation == nil)
  }

  @Test func recordsOfARealTrialRoundTrip() throws {
    let outcome = try TrialTesting.run(
      "task=copy seq_len=5 cell=lstm hidden=8 batch=4 steps=10 eval_every=5 diagnose_every=5")
    for record in outcome.records {
      let line = try JSONNumbers.line(record)
      let decoded = try Self.decoder.decode(MetricRecord.self, from: Data(line.utf8))
      #expect(decoded == record)
      #expect(try JSONNumbers.line(decoded) == line)
    }
    let diagnosis = try #require(outcome.records.first)
    let fields = Set(try Self.object(JSONNumbers.line(diagnosis)).keys)
    #expect(
      fields == [
        "step", "train_loss", "eval_loss", "accuracy", "grad_norm", "clipped_fraction",
        "hidden_grad_norm",
        "param_grad_norms", "saturation", "hidden_norm", "spectral_norm",
      ])
  }

  /// `recur run --json` must print at least the fields of issue 3, always present (null when
  /// not measured), and the summary must decode back to itself.
  @Test func summaryHasEveryFieldAndRoundTrips() throws {
    let summary = try TrialTesting.run(TrialRunnerTests.small).summary
    let line = try JSONNumbers.line(summary)
    let object = try Self.object(line)
    let required = [
      "final_loss", "final_eval_loss", "baseline_loss", "solved", "solved_at_step", "diverged",
      "diverged_at_step", "steps_done", "gradient_retention_init", "gradient_retention",
      "saturation", "wall_seconds", "steps_per_second",
    ]
    for field in required { #expect(object[field] != nil, "\(field) is missing") }
    #expect(Set(object.keys) == Set(TrialSummary.fieldNames))
    #expect(object["diverged_at_step"] is NSNull)
    #expect(try Self.decoder.decode(TrialSummary.self, from: Data(line.utf8)) == summary)
  }

  @Test func summaryMetricsAreNamedAsSweepsNameThem() {
    let summary = TrialSummary(finalLoss: 0.5, finalEvalLoss: 0.25, solvedAtStep: 300)
    #expect(summary.metric(named: "eval_loss") == 0.25)
    #expect(summary.metric(named: "final_eval_loss") == 0.25)
    #expect(summary.metric(named: "train_loss") == 0.5)
    #expect(summary.metric(named: "solved_at_step") == 300)
    #expect(summary.metric(named: "gradient_retention") == nil)
    #expect(summary.metric(named: "no_such_metric") == nil)
  }

  @Test func gradientFlowSummaries() throws {
    // ‖dL/dh_t‖ = e^(0.5 t): retention e^-1.5, slope 0.5.
    let curve = (0..<4).map { Float(exp(0.5 * Double($0))) }
    let retention = try #require(GradientFlow.retention(curve))
    let slope = try #require(GradientFlow.decayPerStep(curve))
    #expect(abs(retention - exp(-1.5)) < 1e-6)
    #expect(abs(slope - 0.5) < 1e-6)
    #expect(GradientFlow.retention([1, 0]) == nil)
    #expect(GradientFlow.decayPerStep([0, 0, 1]) == nil)
    #expect(GradientFlow.retention([]) == nil)
  }
}
