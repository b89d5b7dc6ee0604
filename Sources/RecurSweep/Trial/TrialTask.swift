/// What a trial trains on: the synthetic probes and the character language model of
/// `RecurTasks`, plus `noop`, a trial that returns at once (used by `recur bench dispatch` to
/// measure the cluster's overhead without training).
public enum TrialTask: String, CaseIterable, Codable, Hashable, Sendable {
  case adding
  case copy
  case temporalOrder = "temporal_order"
  case sine
  case mackeyGlass = "mackey_glass"
  case charlm
  case noop
}
