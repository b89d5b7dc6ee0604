import ArgumentParser

/// `recur report --format`: the table formats of `RecurReport.ReportFormat`, and HTML.
enum ReportOutput: String, CaseIterable, ExpressibleByArgument {
  case table, csv, md, json, html
}
