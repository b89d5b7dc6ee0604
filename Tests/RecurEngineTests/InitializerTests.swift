import Testing

@testable import RecurEngine

@Suite struct InitializerTests {
  static let models: [ModelConfig] = [
    ModelConfig(cell: .rnn, inputSize: 3, hiddenSize: 8, layers: 2, outputSize: 2),
    ModelConfig(cell: .rnnRelu, inputSize: 2, hiddenSize: 5, layers: 1, outputSize: 1),
    ModelConfig(cell: .lstm, inputSize: 4, hiddenSize: 6, layers: 2, outputSize: 3),
    ModelConfig(cell: .gru, inputSize: 5, hiddenSize: 7, layers: 1, outputSize: 4),
  ]

  static func parameters(
    _ model: ModelConfig, _ scheme: InitScheme, seed: UInt64 = 1, initScale: Float = 1,
    forgetBias: Float? = nil
  ) -> [Tensor] {
    var generator = SeededGenerator(seed: seed)
    return Initializer.parameters(
      for: model, scheme: scheme, initScale: initScale, forgetBias: forgetBias,
      generator: &generator)
  }

  /// The tensor named `name`.
  static func tensor(_ name: String, _ model: ModelConfig, _ parameters: [Tensor]) -> Tensor? {
    model.parameterShapes.firstIndex { $0.name == name }.map { parameters[$0] }
  }

  /// Max |W Wᵀ - I| over one H×H block (rows `block*H ..< (block+1)*H`).
  static func orthogonalityError(_ w: Tensor, block: Int, hidden h: Int) -> Float {
    var worst: Float = 0
    for a in 0..<h {
      for b in 0..<h {
        var dot: Float = 0
        for c in 0..<h { dot += w.data[(block * h + a) * h + c] * w.data[(block * h + b) * h + c] }
        worst = max(worst, abs(dot - (a == b ? 1 : 0)))
      }
    }
    return worst
  }

  @Test func schemesAreTheTrialKeys() {
    #expect(InitScheme.allCases.map(\.rawValue) == ["default", "xavier", "orthogonal", "identity"])
  }

  @Test(arguments: models, InitScheme.allCases)
  func shapesFollowTheCanonicalOrder(model: ModelConfig, scheme: InitScheme) {
    let parameters = Self.parameters(model, scheme)
    #expect(parameters.map(\.shape) == model.parameterShapes.map(\.shape))
    #expect(parameters.allSatisfy { $0.data.allSatisfy { $0.isFinite } })
  }

  @Test(arguments: models)
  func defaultIsPyTorchsUniformRange(model: ModelConfig) {
    let bound = 1 / Float(model.hiddenSize).squareRoot()
    let parameters = Self.parameters(model, .default)
    for tensor in parameters {
      #expect(tensor.data.allSatisfy { abs($0) <= bound })
    }
    // Wide enough that the draws really span the range, not a narrower one.
    let all = parameters.flatMap(\.data)
    #expect(all.max() ?? 0 > 0.8 * bound && all.min() ?? 0 < -0.8 * bound)
  }

  @Test(arguments: models)
  func xavierUsesTheGateBlockFansAndZeroBiases(model: ModelConfig) {
    let parameters = Self.parameters(model, .xavier)
    let h = model.hiddenSize
    for (entry, tensor) in zip(model.parameterShapes, parameters) {
      if entry.shape.count == 1 {
        #expect(tensor.data.allSatisfy { $0 == 0 }, "\(entry.name)")
        continue
      }
      let fanOut = entry.name == "head.weight" ? model.outputSize : h
      let bound = Float((6 / Double(entry.shape[1] + fanOut)).squareRoot())
      #expect(tensor.data.allSatisfy { abs($0) <= bound }, "\(entry.name)")
      #expect(tensor.data.contains { abs($0) > 0.5 * bound }, "\(entry.name)")
    }
  }

  @Test(arguments: models)
  func orthogonalGateBlocksAreOrthogonal(model: ModelConfig) throws {
    let parameters = Self.parameters(model, .orthogonal)
    let h = model.hiddenSize
    for k in 0..<model.layers {
      let w = try #require(Self.tensor("rnn.weight_hh_l\(k)", model, parameters))
      for block in 0..<model.cell.gateCount {
        #expect(Self.orthogonalityError(w, block: block, hidden: h) < 1e-5)
      }
      let bias = try #require(Self.tensor("rnn.bias_hh_l\(k)", model, parameters))
      #expect(bias.data.allSatisfy { $0 == 0 })
    }
  }

  @Test func orthogonalBlocksDifferFromEachOther() throws {
    let model = ModelConfig(cell: .lstm, inputSize: 2, hiddenSize: 4, layers: 1, outputSize: 1)
    let w = try #require(
      Self.tensor("rnn.weight_hh_l0", model, Self.parameters(model, .orthogonal)))
    let blocks = (0..<4).map { Array(w.data[($0 * 16)..<($0 * 16 + 16)]) }
    #expect(Set(blocks.map { $0.map(\.bitPattern) }).count == 4)
  }

  @Test func largeOrthogonalBlockStaysOrthogonal() throws {
    let model = ModelConfig(cell: .rnn, inputSize: 1, hiddenSize: 96, layers: 1, outputSize: 1)
    let w = try #require(
      Self.tensor("rnn.weight_hh_l0", model, Self.parameters(model, .orthogonal)))
    #expect(Self.orthogonalityError(w, block: 0, hidden: 96) < 1e-5)
  }

  @Test(arguments: models)
  func identityBlocksAreIdentity(model: ModelConfig) throws {
    let parameters = Self.parameters(model, .identity)
    let h = model.hiddenSize
    for k in 0..<model.layers {
      let w = try #require(Self.tensor("rnn.weight_hh_l\(k)", model, parameters))
      for row in 0..<(model.cell.gateCount * h) {
        for column in 0..<h {
          #expect(w.data[row * h + column] == (row % h == column ? 1 : 0))
        }
      }
      for name in ["rnn.bias_ih_l\(k)", "rnn.bias_hh_l\(k)"] {
        let bias = try #require(Self.tensor(name, model, parameters))
        #expect(bias.data.allSatisfy { $0 == 0 })
      }
    }
  }

  @Test func identityForReluRNNIsIRNNWithSmallGaussianInputs() throws {
    let model = ModelConfig(cell: .rnnRelu, inputSize: 50, hiddenSize: 40, layers: 1, outputSize: 3)
    let parameters = Self.parameters(model, .identity)
    let w = try #require(Self.tensor("rnn.weight_ih_l0", model, parameters))
    let n = Float(w.data.count)
    let mean = w.data.reduce(0, +) / n
    let std = (w.data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
    #expect(abs(std - 0.001) < 0.0001)
    #expect(abs(mean) < 0.0001)
  }

  @Test(arguments: models, InitScheme.allCases)
  func initScaleMultipliesOnlyTheRecurrentWeights(model: ModelConfig, scheme: InitScheme) {
    let plain = Self.parameters(model, scheme)
    let scaled = Self.parameters(model, scheme, initScale: 2.5)
    for (entry, (a, b)) in zip(model.parameterShapes, zip(plain, scaled)) {
      if entry.name.hasPrefix("rnn.weight_hh") {
        #expect(zip(a.data, b.data).allSatisfy { $0 * 2.5 == $1 }, "\(entry.name)")
      } else {
        #expect(a == b, "\(entry.name)")
      }
    }
  }

  @Test(arguments: InitScheme.allCases)
  func forgetBiasSetsTheTotalForgetGateBias(scheme: InitScheme) throws {
    let model = Self.models[2]  // LSTM, 2 layers, H = 6
    let plain = Self.parameters(model, scheme)
    let parameters = Self.parameters(model, scheme, forgetBias: 1.5)
    let h = model.hiddenSize
    for k in 0..<model.layers {
      let ih = try #require(Self.tensor("rnn.bias_ih_l\(k)", model, parameters))
      let hh = try #require(Self.tensor("rnn.bias_hh_l\(k)", model, parameters))
      #expect(Array(ih.data[h..<(2 * h)]) == [Float](repeating: 1.5, count: h))
      #expect(Array(hh.data[h..<(2 * h)]) == [Float](repeating: 0, count: h))
      let original = try #require(Self.tensor("rnn.bias_ih_l\(k)", model, plain))
      #expect(Array(ih.data[0..<h]) == Array(original.data[0..<h]))
      #expect(Array(ih.data[(2 * h)...]) == Array(original.data[(2 * h)...]))
    }
  }

  @Test func forgetBiasIsIgnoredByCellsWithoutAForgetGate() {
    let model = Self.models[3]  // GRU
    #expect(Self.parameters(model, .default, forgetBias: 1) == Self.parameters(model, .default))
  }

  @Test(arguments: InitScheme.allCases)
  func sameSeedGivesSameTensorsAndAnotherSeedOthers(scheme: InitScheme) {
    for model in Self.models {
      #expect(Self.parameters(model, scheme, seed: 9) == Self.parameters(model, scheme, seed: 9))
      #expect(Self.parameters(model, scheme, seed: 9) != Self.parameters(model, scheme, seed: 10))
    }
  }

  @Test func drawsContinueTheCallersGenerator() {
    let model = Self.models[0]
    var generator = SeededGenerator(seed: 3)
    let first = Initializer.parameters(for: model, generator: &generator)
    let second = Initializer.parameters(for: model, generator: &generator)
    #expect(first != second)
  }
}
