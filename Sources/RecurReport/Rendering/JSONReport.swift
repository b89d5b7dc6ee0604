import RecurJSON

/// The report as one JSON object: the sweep, the grouping and filters, the progress, the
/// column descriptions and one object per group with every column (ratios as `name` and
/// `name_of`, missing values as `null`, key values that are numbers as JSON numbers).
enum JSONReport {
  static func render(_ report: Report) -> String {
    let snapshot = report.snapshot
    let status = report.status
    var members: [(String, String)] = []
    members.append(("sweep", optionalString(snapshot.name)))
    members.append(("metric", optionalString(snapshot.metric)))
    members.append(("swept_keys", array(snapshot.sweptKeys.map(JSONString.quoted))))
    members.append(("group_by", array(report.groupKeys.map(JSONString.quoted))))
    members.append(
      (
        "where",
        array(
          report.filters.map {
            object([
              ("key", JSONString.quoted($0.key)), ("value", JSONString.quoted($0.value)),
            ])
          })
      ))
    members.append(("complete", status.isComplete ? "true" : "false"))
    members.append(("message", JSONString.quoted(status.message)))
    members.append(("counts", counts(status)))
    members.append(("columns", array(report.table.columns.map(column))))
    members.append(("groups", array(report.table.rows.map { row(report.table, $0) }, indent: true)))
    return "{\n"
      + members.map { "  \(JSONString.quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
      + "\n}\n"
  }

  private static func counts(_ status: ReportStatus) -> String {
    let c = status.counts
    return object([
      ("trials", "\(c.trials)"), ("queued", "\(c.queued)"), ("running", "\(c.running)"),
      ("finished", "\(c.finished)"), ("diverged", "\(c.diverged)"), ("failed", "\(c.failed)"),
      ("lost", "\(c.lost)"), ("sweep_trials", "\(status.total)"),
    ])
  }

  private static func column(_ column: ReportColumn) -> String {
    object([
      ("name", JSONString.quoted(column.name)),
      ("title", JSONString.quoted(column.title)),
      ("kind", JSONString.quoted("\(column.kind)")),
      ("description", JSONString.quoted(column.summary)),
    ])
  }

  private static func row(_ table: ReportTable, _ values: [ReportValue]) -> String {
    var members: [(String, String)] = []
    for (column, value) in zip(table.columns, values) {
      let names = MachineText.fieldNames(column)
      let fields = MachineText.fields(value, kind: column.kind)
      for (name, field) in zip(names, fields) {
        members.append((name, literal(field, isText: column.kind == .key)))
      }
    }
    return object(members)
  }

  /// A field as a JSON value: null when missing, a number when it is one (key values are
  /// numbers only when written as JSON numbers), else a string.
  private static func literal(_ field: String?, isText: Bool) -> String {
    guard let field else { return "null" }
    if !isText || JSONNumber.isValid(field) { return field }
    return JSONString.quoted(field)
  }

  private static func optionalString(_ text: String?) -> String {
    text.map(JSONString.quoted) ?? "null"
  }

  private static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(JSONString.quoted($0.0)): \($0.1)" }.joined(separator: ", ")
      + "}"
  }

  private static func array(_ items: [String], indent: Bool = false) -> String {
    guard indent, !items.isEmpty else { return "[" + items.joined(separator: ", ") + "]" }
    return "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
  }
}
