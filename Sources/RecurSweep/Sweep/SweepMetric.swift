/// The metric a sweep compares trials by, and whether lower or higher is better.
///
/// Names are fields of the trial summary or the metric records (`RecurTraining/METRICS.md`);
/// `eval_loss` is the last evaluation loss, as in the example of issue 4.
public struct SweepMetric: Sendable, Equatable, Codable {
  public enum Goal: String, Sendable, Codable, CaseIterable {
    case minimize
    case maximize
  }

  public let name: String
  public let goal: Goal

  public init(name: String, goal: Goal) {
    self.name = name
    self.goal = goal
  }

  /// The metric of a sweep file that names none.
  public static let standard = SweepMetric(name: "eval_loss", goal: .minimize)

  /// Metrics a sweep may name, with the goal taken when the file gives none.
  public static let known: [(name: String, goal: Goal)] = [
    ("eval_loss", .minimize), ("final_eval_loss", .minimize), ("best_eval_loss", .minimize),
    ("train_loss", .minimize), ("final_loss", .minimize), ("bits_per_char", .minimize),
    ("solved_at_step", .minimize), ("gradient_retention", .maximize),
    ("steps_per_second", .maximize), ("wall_seconds", .minimize),
  ]
}
