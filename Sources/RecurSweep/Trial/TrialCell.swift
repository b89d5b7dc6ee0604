/// The recurrent cell of a trial, named as in sweep files and checkpoints; the same raw values
/// as `RecurEngine.CellKind` (RecurSweep may not import the engine, so the training code maps
/// one to the other by raw value).
public enum TrialCell: String, CaseIterable, Codable, Hashable, Sendable {
  /// Elman RNN with tanh, as `torch.nn.RNN(nonlinearity="tanh")`.
  case rnn
  /// Elman RNN with ReLU, as `torch.nn.RNN(nonlinearity="relu")`.
  case rnnRelu = "rnn_relu"
  case lstm
  case gru
}
