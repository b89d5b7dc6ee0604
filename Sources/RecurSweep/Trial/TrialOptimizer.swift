/// The optimiser of a trial, with PyTorch's semantics (`torch.optim`): `momentum` is SGD with
/// heavy-ball momentum, `nesterov` SGD with Nesterov momentum, `adamw` Adam with decoupled
/// weight decay (Loshchilov & Hutter, 2019).
public enum TrialOptimizer: String, CaseIterable, Codable, Hashable, Sendable {
  case sgd
  case momentum
  case nesterov
  case rmsprop
  case adam
  case adamw
}
