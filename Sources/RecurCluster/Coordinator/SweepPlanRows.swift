import Foundation
import RecurJSON
import RecurStore
import RecurSweep

/// A sweep's expanded plan in the forms the coordinator needs: rows for the store, the JSON
/// spec each worker receives, and a short label per trial for the live view.
///
/// Trials of a sweep differ in a few keys. Each key's JSON member and canonical text are made
/// once for the first trial and reused by every trial whose value is the same, so that a
/// 100,000-trial plan is encoded in a fraction of the time (and memory churn) of formatting
/// every value of every trial.
///
/// The rows are made one at a time as the store reads them (`rows` is lazy), not held: each
/// row's key map is a dictionary of its own, and 100,000 of them at once raised the
/// coordinator's peak memory by about 180 MB (`recur bench dispatch --plan-trials 100000`).
/// The spec JSON is encoded once, packed in `specs`, and copied out into each row.
struct SweepPlanRows {
  let info: SweepInfo
  /// The trial ids in plan order.
  let ids: [String]
  /// The spec JSON of each trial, by trial id.
  let specs: PackedStrings
  /// The swept keys of each trial (`cell=lstm seq_len=100`), by trial id.
  let labels: PackedStrings
  private let trials: [PlannedTrial]
  private let reference: Reference?

  init(sweep: Sweep) {
    info = SweepInfo(
      name: sweep.name, filePath: sweep.path, fileText: sweep.text, sweptKeys: sweep.sweptKeys,
      metric: sweep.metric.name, attemptsAllowed: sweep.attempts)
    trials = sweep.expand()
    reference = trials.first.map { Reference($0.spec) }
    ids = trials.map(\.id)
    var specs = PackedStrings(capacity: trials.count, bytesPerString: 0)
    var labels = PackedStrings(capacity: trials.count, bytesPerString: 24)
    if let reference {
      specs.reserveBytes(trials.count * (reference.encodeJSON(trials[0].spec).utf8.count + 8))
      for trial in trials {
        specs.insert(reference.encodeJSON(trial.spec), for: trial.id)
        labels.insert(trial.label, for: trial.id)
      }
    }
    self.specs = specs
    self.labels = labels
  }

  /// The rows for the store, in plan order, each made when it is read.
  var rows: LazyMapCollection<[PlannedTrial], PlannedTrialRow> {
    trials.lazy.map { [specs, reference] trial in
      PlannedTrialRow(
        id: trial.id, ordinal: trial.ordinal, specJSON: specs[trial.id] ?? "",
        keys: reference?.encodeKeys(trial.spec) ?? [:])
    }
  }

  /// The encoded keys of one trial, against which the others are encoded.
  struct Reference {
    let values: [TrialValue]
    let members: [String]
    let keys: [String: String]

    init(_ spec: TrialSpec) {
      values = TrialKey.all.map { $0.value(in: spec) }
      members = zip(TrialKey.all, values).map { SweepPlanRows.member($0.0, $0.1) }
      keys = Dictionary(
        uniqueKeysWithValues: zip(TrialKey.all, values).map { ($0.0.name, $0.1.canonical) })
    }

    /// The spec as a JSON object of every key.
    func encodeJSON(_ spec: TrialSpec) -> String {
      var json = "{"
      json.reserveCapacity(600)
      for (index, key) in TrialKey.all.enumerated() {
        if index > 0 { json += "," }
        let value = key.value(in: spec)
        json +=
          SweepPlanRows.same(value, values[index])
          ? members[index] : SweepPlanRows.member(key, value)
      }
      return json + "}"
    }

    /// Every key's canonical text.
    func encodeKeys(_ spec: TrialSpec) -> [String: String] {
      var keys = self.keys
      for (index, key) in TrialKey.all.enumerated() {
        let value = key.value(in: spec)
        if !SweepPlanRows.same(value, values[index]) { keys[key.name] = value.canonical }
      }
      return keys
    }
  }

  /// Whether two values are the same, without formatting them (`TrialValue`'s own equality
  /// compares canonical texts).
  static func same(_ a: TrialValue, _ b: TrialValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): x == y
    case (.float(let x), .float(let y)): x.bitPattern == y.bitPattern
    case (.text(let x), .text(let y)): x == y
    default: false
    }
  }

  /// One member of the spec's JSON object, numbers as numbers, in the form `TrialSpec`'s
  /// `Codable` conformance reads.
  static func member(_ key: TrialKey, _ value: TrialValue) -> String {
    let name = "\"" + key.name + "\":"
    switch value {
    case .int(let number): return name + String(number)
    case .float: return name + value.canonical
    case .text(let string): return name + JSONString.quoted(string)
    }
  }

  /// The spec as a JSON object of every trial key (for tests and single trials).
  static func json(_ spec: TrialSpec) -> String {
    Reference(spec).encodeJSON(spec)
  }
}
