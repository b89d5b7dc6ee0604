import Foundation

/// The JSON form of `METRICS.md`: snake_case names, absent fields for what was not measured,
/// `null` for non-finite numbers (decoded back as NaN).
extension MetricRecord: Codable {
  enum CodingKeys: String, CodingKey {
    case step
    case trainLoss = "train_loss"
    case evalLoss = "eval_loss"
    case accuracy
    case gradNorm = "grad_norm"
    case clippedFraction = "clipped_fraction"
    case hiddenGradNorm = "hidden_grad_norm"
    case paramGradNorms = "param_grad_norms"
    case saturation
    case hiddenNorm = "hidden_norm"
    case spectralNorm = "spectral_norm"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(step, forKey: .step)
    try container.encodeMeasured(trainLoss, forKey: .trainLoss)
    try container.encodeMeasured(evalLoss, forKey: .evalLoss)
    try container.encodeMeasured(accuracy, forKey: .accuracy)
    try container.encodeMeasured(gradNorm, forKey: .gradNorm)
    try container.encodeMeasured(clippedFraction, forKey: .clippedFraction)
    if let hiddenGradNorm {
      try container.encode(hiddenGradNorm.map(JSONNumbers.nullable), forKey: .hiddenGradNorm)
    }
    if let paramGradNorms {
      try container.encode(paramGradNorms.mapValues(JSONNumbers.nullable), forKey: .paramGradNorms)
    }
    if let saturation {
      try container.encode(saturation.mapValues(JSONNumbers.nullable), forKey: .saturation)
    }
    if let hiddenNorm {
      try container.encode(JSONNumbers.nullable(hiddenNorm), forKey: .hiddenNorm)
    }
    if let spectralNorm {
      try container.encode(JSONNumbers.nullable(spectralNorm), forKey: .spectralNorm)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(step: try container.decode(Int.self, forKey: .step))
    trainLoss = try container.decodeMeasured(forKey: .trainLoss)
    evalLoss = try container.decodeMeasured(forKey: .evalLoss)
    accuracy = try container.decodeMeasured(forKey: .accuracy)
    gradNorm = try container.decodeMeasured(forKey: .gradNorm)
    clippedFraction = try container.decodeMeasured(forKey: .clippedFraction)
    hiddenGradNorm = try container.decodeIfPresent([[Float?]].self, forKey: .hiddenGradNorm)?
      .map(JSONNumbers.restored)
    paramGradNorms = try container.decodeIfPresent([String: Float?].self, forKey: .paramGradNorms)?
      .mapValues { $0 ?? .nan }
    saturation = try container.decodeIfPresent([String: Float?].self, forKey: .saturation)?
      .mapValues { $0 ?? .nan }
    hiddenNorm = try container.decodeIfPresent([Float?].self, forKey: .hiddenNorm)
      .map(JSONNumbers.restored)
    spectralNorm = try container.decodeIfPresent([Float?].self, forKey: .spectralNorm)
      .map(JSONNumbers.restored)
  }
}
