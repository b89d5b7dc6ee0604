/// What the user asks of a report: grouping, filters, order and columns.
public struct ReportOptions: Sendable, Hashable {
  /// The keys to group by; nil: every swept key except `seed`, `cell` first. Empty: one
  /// group of every trial.
  public var groupBy: [String]?
  /// `--where` filters (see `ReportFilter` for how several combine).
  public var filters: [ReportFilter]
  /// The row order; nil: by the grouping keys' values.
  public var sort: ReportSort?
  /// The columns to show, by name; nil: all of them (the terminal drops the least important
  /// ones that do not fit).
  public var columns: [String]?

  public init(
    groupBy: [String]? = nil, filters: [ReportFilter] = [], sort: ReportSort? = nil,
    columns: [String]? = nil
  ) {
    self.groupBy = groupBy
    self.filters = filters
    self.sort = sort
    self.columns = columns
  }
}
