/// How the groups of a report spread over the panels of a plot: one key picks a group's
/// series (its colour: the cell, when the report groups by cell), the other keys pick its
/// panel (its facet: `seq_len = 100`).
struct PlotLayout: Sendable, Hashable {
  /// The key whose values are the series; nil when the report has no grouping key.
  let seriesKey: String?
  /// The other grouping keys, one panel per combination of their values.
  let facetKeys: [String]
  /// The series values, in order.
  let seriesValues: [String]
  /// The facet value tuples, in order (one empty tuple when there is no facet key).
  let facets: [[String]]
  private let keys: [String]

  init(groupKeys: [String], groups: [GroupSummary]) {
    keys = groupKeys
    let series = groupKeys.contains("cell") ? "cell" : groupKeys.first
    seriesKey = series
    facetKeys = groupKeys.filter { $0 != series }
    let seriesIndex = series.flatMap { groupKeys.firstIndex(of: $0) }
    seriesValues =
      seriesIndex.map { index in
        KeyValueOrder.sorted(groups.map { $0.keyValues[index] }, key: groupKeys[index])
      } ?? [""]
    let facetIndices = facetKeys.compactMap { groupKeys.firstIndex(of: $0) }
    let facetKeys = facetKeys
    let tuples = Set(groups.map { group in facetIndices.map { group.keyValues[$0] } })
    facets = tuples.sorted { KeyValueOrder.precedes($0, $1, keys: facetKeys) ?? false }
  }

  /// The group's series value ("" without a series key).
  func series(of group: GroupSummary) -> String {
    guard let seriesKey, let index = keys.firstIndex(of: seriesKey) else { return "" }
    return group.keyValues[index]
  }

  /// The group's facet value tuple.
  func facet(of group: GroupSummary) -> [String] {
    facetKeys.compactMap { keys.firstIndex(of: $0) }.map { group.keyValues[$0] }
  }

  /// The position of the group's series among `seriesValues` (its colour).
  func seriesIndex(of group: GroupSummary) -> Int {
    seriesValues.firstIndex(of: series(of: group)) ?? 0
  }

  /// A panel title: `seq_len = 100, lr = 0.001`, or `all trials` without facet keys.
  func title(of facet: [String]) -> String {
    guard !facetKeys.isEmpty else { return "all trials" }
    return zip(facetKeys, facet).map { "\($0) = \($1.isEmpty ? "–" : $1)" }
      .joined(separator: ", ")
  }

  /// A series label: `lstm`, or `cell = lstm` style for other keys, `all` without one.
  func label(ofSeries value: String) -> String {
    guard let seriesKey else { return "all" }
    if value.isEmpty { return "\(seriesKey) = –" }
    return seriesKey == "cell" ? value : "\(seriesKey) = \(value)"
  }
}
