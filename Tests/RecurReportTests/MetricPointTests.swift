import Testing

@testable import RecurReport

@Suite struct MetricPointTests {
  @Test func aRecordsSmallFieldsAreRead() {
    let point = MetricPoint(
      step: 10, trainLoss: 0.5, evalLoss: .infinity,
      json: #"""
        {"step": 10, "accuracy": 0.75, "grad_norm": 1.25e-1, "clipped_fraction": 0,
         "saturation": {"l0.f": 0.5, "l1.f": 0.25, "l1.i": null, "l1.o": "x"},
         "hidden_grad_norm": [[1, 2], [3, null]], "name": "\u00e9"}
        """#)
    #expect(point.step == 10 && point.trainLoss == 0.5 && point.evalLoss == nil)
    #expect(point.accuracy == 0.75 && point.gradNorm == 0.125 && point.clippedFraction == 0)
    #expect(point.saturation == ["l0.f": 0.5, "l1.f": 0.25])
    #expect(point.topSaturation == ["f": 0.25])
    #expect(point.hasDiagnosis)
    #expect(point.topHiddenGradNorm() == [3, nil])
  }

  @Test(arguments: [
    #"{"accuracy": "0.5", "grad_norm": true, "clipped_fraction": 1e400, "saturation": [1]}"#,
    #"{"accuracy": null, "hidden_grad_norm": []}"#, #"{"hidden_grad_norm": null}"#,
    #"{"hidden_grad_norm": {"a": 1}}"#, "[1, 2]", "{", "",
  ])
  func oddFieldsReadAsMissing(json: String) {
    let point = MetricPoint(step: 3, trainLoss: 1, evalLoss: 2, json: json)
    #expect(point.step == 3 && point.trainLoss == 1 && point.evalLoss == 2)
    #expect(point.accuracy == nil && point.gradNorm == nil && point.clippedFraction == nil)
    #expect(point.saturation.isEmpty)
    #expect(!point.hasDiagnosis)
    #expect(point.topHiddenGradNorm() == nil)
  }

  @Test(
    arguments: [
      (#"{"hidden_grad_norm": [[1, "x", null, 1e400, -2.5]]}"#, [[1, nil, nil, nil, -2.5]]),
      (#"{"hidden_grad_norm": [[], [0.5]]}"#, [[], [0.5]]),
      (#"{"hidden_grad_norm": [[1], 2]}"#, []), (#"{"hidden_grad_norm": "x"}"#, []), ("[]", []),
    ] as [(String, [[Double?]])])
  func curvesKeepTheirFiniteNumbersInPlace(json: String, curve: [[Double?]]) {
    #expect(
      MetricPoint(step: 0, trainLoss: nil, evalLoss: nil, json: json).hiddenGradNorm() == curve)
  }
}
