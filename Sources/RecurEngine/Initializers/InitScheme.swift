/// How a model's parameters are drawn at the start of training; the raw values are the sweep
/// files' `init` keys. `Initializer.parameters(for:scheme:initScale:forgetBias:generator:)`
/// documents each scheme exactly.
public enum InitScheme: String, CaseIterable, Sendable, Codable {
  /// PyTorch's own: every `rnn.*` parameter U(-1/√H, 1/√H) (`nn.RNN`/`LSTM`/`GRU`
  /// `reset_parameters`), the head as `nn.Linear` (weight and bias U(-1/√H, 1/√H)).
  case `default`
  /// Glorot & Bengio (2010) uniform on each gate block and on the head; biases 0.
  case xavier
  /// Orthogonal gate blocks of `weight_hh` (Saxe, McClelland & Ganguli 2014), Xavier input
  /// and head weights, biases 0.
  case orthogonal
  /// Identity gate blocks of `weight_hh` (the IRNN of Le, Jaitly & Hinton 2015), biases 0.
  case identity
}
