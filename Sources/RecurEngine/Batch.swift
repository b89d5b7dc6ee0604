/// The loss a model is trained with; the names are those of the sweep files and `recur probe`.
///
/// Means follow PyTorch's `MSELoss()` (over every target element) and `CrossEntropyLoss()`
/// (over every labelled position).
public enum LossKind: String, CaseIterable, Sendable, Codable {
  /// Regression on the last step: targets `[B, O]`.
  case mseLast = "mse-last"
  /// Regression at every step (forecasting): targets `[T, B, O]`.
  case mseAll = "mse-all"
  /// Classification at the end: labels `[B]`.
  case ceLast = "ce-last"
  /// A label at every step (a language model): labels `[T, B]`.
  case ceAll = "ce-all"

  /// True when the head is applied at every time step rather than the last one only.
  public var isPerStep: Bool { self == .mseAll || self == .ceAll }
  /// True for the cross-entropy losses, whose targets are class labels.
  public var isClassification: Bool { self == .ceLast || self == .ceAll }
}

/// One minibatch, time-major as PyTorch's `batch_first=False`.
public struct Batch: Sendable, Equatable {
  /// Sequence length T.
  public var steps: Int
  /// Batch size B.
  public var size: Int
  /// Input features I.
  public var inputSize: Int
  /// `[T, B, I]`, row-major.
  public var inputs: [Float]
  /// What the model is asked to produce.
  public var targets: Targets

  public init(steps: Int, size: Int, inputSize: Int, inputs: [Float], targets: Targets) {
    precondition(inputs.count == steps * size * inputSize, "inputs must hold T*B*I values")
    self.steps = steps
    self.size = size
    self.inputSize = inputSize
    self.inputs = inputs
    self.targets = targets
  }
}

/// The targets of a batch; their shape follows the loss (see `LossKind`).
public enum Targets: Sendable, Equatable {
  /// Regression targets: `[B, O]` for `mse-last`, `[T, B, O]` for `mse-all`.
  case values([Float], outputs: Int)
  /// Class labels in 0..<classes: `[B]` for `ce-last`, `[T, B]` for `ce-all`.
  case labels([Int32], classes: Int)

  /// The output width O of the head that these targets need.
  public var outputSize: Int {
    switch self {
    case .values(_, let outputs): outputs
    case .labels(_, let classes): classes
    }
  }
}
