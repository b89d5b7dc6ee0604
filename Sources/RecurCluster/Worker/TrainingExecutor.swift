import Foundation
import RecurJSON
import RecurSweep
import RecurTraining

/// Runs trials with `RecurTraining`: the same code `recur run` uses.
///
/// The spec the coordinator sends is decoded strictly (`TrialSpec`'s `Codable`): a worker of
/// an older release fails a trial it does not understand rather than run a different one.
/// Metric records and the summary go out as the JSON of `RecurTraining/METRICS.md`.
public struct TrainingExecutor: TrialExecutor {
  public let options: TrialOptions

  public init(options: TrialOptions = TrialOptions()) {
    self.options = options
  }

  public func run(spec: Data, emit: (Data) -> Void, isCancelled: () -> Bool) -> TrialReport {
    let trial: TrialSpec
    do {
      trial = try Self.decode(spec)
    } catch {
      return .failed(
        "the trial spec sent by the coordinator cannot be read by this worker (\(error)); "
          + "run the same Recur release on the coordinator and the workers")
    }
    let encoder = JSONNumbers.encoder()
    do {
      let run = try TrialRunner(spec: trial, options: options).run(isCancelled: isCancelled) {
        event in
        if case .record(let record) = event, let json = try? encoder.encode(record) {
          emit(json)
        }
      }
      // A no-op trial trained nothing: it has no summary to report.
      let summary = trial.task == .noop ? Data() : (try? encoder.encode(run.summary)) ?? Data()
      return TrialReport(outcome: run.summary.diverged ? .diverged : .finished, summary: summary)
    } catch {
      return .failed(error.description)
    }
  }

  /// The trial of a spec: read by `FlatJSONObject` and checked key by key as `recur run`
  /// checks its arguments (`TrialSpec.parse(members:)`); anything that path refuses is decoded
  /// again by `JSONDecoder`, whose error is the one reported.
  static func decode(_ spec: Data) throws -> TrialSpec {
    if let members = spec.withUnsafeBytes({ FlatJSONObject.members(of: $0) }),
      let trial = try? TrialSpec.parse(members: members.map { ($0.key, $0.value) })
    {
      return trial
    }
    return try JSONDecoder().decode(TrialSpec.self, from: spec)
  }
}
