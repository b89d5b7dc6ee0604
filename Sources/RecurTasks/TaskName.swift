/// The tasks a trial can train on; the raw values are the names of sweep files and
/// `recur run task=…`.
public enum TaskName: String, CaseIterable, Sendable, Codable {
  /// The adding problem (Arjovsky, Shah & Bengio 2016 variant): 2 inputs, 1 output,
  /// `mse-last`; baseline 1/6, solved at 10% of it. See `AddingTask`.
  case adding
  /// Copy memory (Arjovsky, Shah & Bengio 2016): T + 20 steps, 10 inputs, 9 classes, `ce-all`;
  /// baseline 10 ln 8 / (T + 20), solved at 10% of it. See `CopyTask`.
  case copy
  /// Temporal order (Hochreiter & Schmidhuber 1997, as in Pascanu et al. 2013): 6 inputs,
  /// 4 classes, `ce-last`; baseline ln 4, solved at 10% of it. See `TemporalOrderTask`.
  case temporalOrder = "temporal_order"
  /// Next-value forecasting of a noisy mixture of sines: 1 input, 1 output, `mse-all`;
  /// baseline repeat-last on the evaluation set, solved at 25% of it. See `SineTask`.
  case sine
  /// Next-value forecasting of the Mackey-Glass series (τ = 17): 1 input, 1 output, `mse-all`;
  /// baseline repeat-last on the evaluation set, solved at 10% of it. See `MackeyGlassTask`.
  case mackeyGlass = "mackey_glass"
  /// A character language model over a text file: V one-hot inputs, V classes, `ce-all`;
  /// baseline the unigram entropy, solved at 60% of it. See `CharLMTask`.
  case charlm

  /// The longest `seq_len` any task accepts. Beyond it one batch of a few sequences would take
  /// gigabytes, so a typo such as `seq_len=1000000` is refused before anything is allocated.
  public static let maximumSeqLen = 100_000

  /// The task named `text`, or `TaskError.unknownTask` listing the names that exist.
  public init(parsing text: String) throws(TaskError) {
    guard let name = TaskName(rawValue: text) else { throw .unknownTask(text) }
    self = name
  }

  /// The values of `seq_len` this task accepts.
  public var seqLenRange: ClosedRange<Int> {
    let minimum =
      switch self {
      case .adding: 2  // a first and a second half, each with one position
      case .temporalOrder: 6  // both marker windows [0.1T, 0.2T) and [0.5T, 0.6T) non-empty
      case .copy, .sine, .mackeyGlass, .charlm: 1
      }
    return minimum...Self.maximumSeqLen
  }

  /// Why `seqLenRange` starts where it does, for error messages.
  var seqLenReason: String {
    switch self {
    case .adding: "the two markers need a first and a second half"
    case .temporalOrder: "each marker window [0.1T, 0.2T) and [0.5T, 0.6T) must hold a position"
    case .copy: "T-1 blanks separate the symbols from the delimiter"
    case .sine, .mackeyGlass, .charlm: "a sequence needs at least one step"
    }
  }
}
