import RecurStore

/// A sweep's report: its trials grouped and aggregated over seeds, as a table and as plot data,
/// ready to be rendered in any `ReportFormat`.
///
/// Built from a `SweepSnapshot` without touching the store, so it is a pure function of what
/// was read: the same snapshot and options always give the same report.
public struct Report: Sendable {
  /// The sweep as read, with every trial (also those the filters drop).
  public let snapshot: SweepSnapshot
  /// The keys the rows are grouped by.
  public let groupKeys: [String]
  public let filters: [ReportFilter]
  /// The groups in row order.
  public let groups: [GroupSummary]
  /// One row per group, in the same order.
  public let table: ReportTable

  /// Groups, aggregates and sorts `snapshot` as `options` ask.
  ///
  /// - Throws: `ReportError` when an option names a key, value or column the sweep does not
  ///   have.
  public init(snapshot: SweepSnapshot, options: ReportOptions = ReportOptions()) throws(ReportError)
  {
    self.snapshot = snapshot
    let keys = options.groupBy ?? Self.defaultGroupKeys(snapshot)
    try Self.check(keys: keys, filters: options.filters, in: snapshot)
    groupKeys = keys
    filters = options.filters
    let trials = snapshot.trials.filter { Self.matches($0, options.filters) }
    var groups = Self.group(trials, by: keys)
    var table = ReportTable(groups: groups, keys: keys)
    if let sort = options.sort {
      let order = try Self.order(of: table, by: sort, keys: keys)
      groups = order.map { groups[$0] }
      table.rows = order.map { table.rows[$0] }
    }
    if let names = options.columns {
      for name in names where table.index(of: name) == nil {
        throw .unknownColumn(name, option: "--columns", available: table.columns.map(\.name))
      }
      table = table.selecting(names)
    }
    self.groups = groups
    self.table = table
  }

  /// The trials the filters keep.
  var trials: [TrialData] { groups.flatMap(\.trials) }

  /// Every swept key but `seed`, `cell` first; when the store names no swept keys, every key
  /// whose value differs between trials.
  static func defaultGroupKeys(_ snapshot: SweepSnapshot) -> [String] {
    let present = Set(snapshot.availableKeys)
    var keys = snapshot.sweptKeys.filter { $0 != "seed" && present.contains($0) }
    if snapshot.sweptKeys.isEmpty {
      keys = snapshot.availableKeys.filter { key in
        key != "seed" && Set(snapshot.trials.map { $0.keys[key] }).count > 1
      }
    }
    if let cell = keys.firstIndex(of: "cell") { keys.insert(keys.remove(at: cell), at: 0) }
    return keys
  }

  private static func check(keys: [String], filters: [ReportFilter], in snapshot: SweepSnapshot)
    throws(ReportError)
  {
    guard !snapshot.trials.isEmpty else { return }
    let available = snapshot.availableKeys
    for key in keys where !available.contains(key) {
      throw .unknownKey(key, option: "--group-by", available: available)
    }
    for filter in filters {
      guard available.contains(filter.key) else {
        throw .unknownKey(filter.key, option: "--where", available: available)
      }
      let values = snapshot.trials.compactMap { $0.keys[filter.key] }
      guard values.contains(where: filter.matches) else {
        throw .unknownValue(
          key: filter.key, value: filter.value,
          available: KeyValueOrder.sorted(values, key: filter.key))
      }
    }
  }

  /// Filters on different keys must all hold; on the same key, any one of them.
  private static func matches(_ trial: TrialData, _ filters: [ReportFilter]) -> Bool {
    Dictionary(grouping: filters, by: \.key).allSatisfy { key, alternatives in
      alternatives.contains { $0.matches(trial.keys[key]) }
    }
  }

  /// Groups in the order of their key values; a trial without a key gets the empty value.
  private static func group(_ trials: [TrialData], by keys: [String]) -> [GroupSummary] {
    let grouped = Dictionary(grouping: trials) { trial in keys.map { trial.keys[$0] ?? "" } }
    return grouped.keys
      .sorted { KeyValueOrder.precedes($0, $1, keys: keys) ?? false }
      .map { GroupSummary(keyValues: $0, trials: grouped[$0] ?? []) }
  }

  /// Row indices sorted by one column; missing values last, ties in the current order.
  private static func order(of table: ReportTable, by sort: ReportSort, keys: [String])
    throws(ReportError) -> [Int]
  {
    guard let column = table.index(of: sort.column) else {
      throw .unknownColumn(
        sort.column, option: "--sort", available: table.columns.map(\.name))
    }
    let key = table.columns[column].name
    let values = table.rows.map { $0[column] }
    let isPresent = values.map { value in
      if case .text = value { return true }
      return value.numeric != nil
    }
    let present = values.indices.filter { isPresent[$0] }
    let missing = values.indices.filter { !isPresent[$0] }
    let sorted = present.sorted { a, b in
      guard let first = precedes(values[a], values[b], key: key) else { return a < b }
      return sort.descending ? !first : first
    }
    return sorted + missing
  }

  /// Whether `a` comes before `b` ascending; nil for ties.
  private static func precedes(_ a: ReportValue, _ b: ReportValue, key: String) -> Bool? {
    switch (a, b) {
    case (.text(let x), .text(let y)):
      return x == y ? nil : KeyValueOrder.precedes(x, y, key: key)
    default:
      guard let x = a.numeric, let y = b.numeric else { return nil }
      return x == y ? nil : x < y
    }
  }
}
