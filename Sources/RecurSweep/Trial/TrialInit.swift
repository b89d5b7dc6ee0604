/// How a trial initialises the recurrent weights.
///
/// `default` is PyTorch's U(-1/sqrt(H), 1/sqrt(H)) for every tensor (`torch.nn.RNN` docs);
/// `xavier` is Glorot & Bengio (2010) uniform; `orthogonal` makes each gate block of
/// `weight_hh` orthogonal (Saxe et al., 2014); `identity` sets `weight_hh` to the identity, the
/// IRNN of Le, Jaitly & Hinton (2015). `init_scale` multiplies the recurrent weights after any
/// of these.
public enum TrialInit: String, CaseIterable, Codable, Hashable, Sendable {
  case `default`
  case xavier
  case orthogonal
  case identity
}
