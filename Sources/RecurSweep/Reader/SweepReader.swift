import Yams

/// Reads a sweep file into a `Sweep`, collecting every problem instead of stopping at the
/// first: YAML syntax, unknown keys, types, ranges, distributions, `when` conditions, conflicts
/// between settings and the size of the expansion.
///
/// It walks the node tree of `Yams.compose`, which keeps each node's line and column, so every
/// diagnostic points at the value (or key) at fault.
struct SweepReader {
  let file: String
  let text: String
  private(set) var diagnostics: [SweepDiagnostic] = []

  init(file: String, text: String) {
    self.file = file
    self.text = text
  }

  /// The top-level settings of the format.
  static let settingNames = [
    "name", "description", "method", "samples", "sample_seed", "seeds", "repeats", "metric",
    "attempts", "max_trials", "fixed", "parameters",
  ]

  /// A key and its value in a mapping of the file.
  struct Field {
    let key: Node
    let value: Node
  }

  /// The sweep, or nil when there were problems (then `diagnostics` lists them in file order).
  mutating func read() -> Sweep? {
    guard let root = composeRoot() else { return nil }
    guard case .mapping = root else {
      report(
        root,
        "expected a mapping of sweep settings (name, method, fixed, parameters, …); found "
          + root.kindDescription)
      return finish(nil)
    }
    let fields = readFields(of: root, allowed: Self.settingNames) { name in
      if TrialKey.named(name) != nil {
        return "\(name) is a trial key, not a sweep setting; expected it under fixed or "
          + "parameters (check the indentation)"
      }
      return "unknown setting '\(name)'; "
        + SweepReader.suggestion(for: name, among: SweepReader.settingNames)
    }
    let settings = readSettings(fields)
    let fixed = readFixed(fields["fixed"])
    var parameters = readParameters(fields["parameters"])
    checkConflicts(settings, fixed, parameters, fields)
    let base = baseSpec(fixed)
    resolveConditions(&parameters, settings: settings, fixed: fixed, base: base)
    checkMethod(settings, parameters, fields)
    guard diagnostics.isEmpty else { return finish(nil) }
    let order = Self.dependencyOrder(parameters).order
    return finish(build(settings, fixed, parameters, order, base, fields))
  }

  /// Records a problem at `node`.
  mutating func report(_ node: Node, _ message: String) {
    report(at: node.position, message)
  }

  mutating func report(at position: SourcePosition, _ message: String) {
    diagnostics.append(
      SweepDiagnostic(file: file, line: position.line, column: position.column, message: message))
  }

  private mutating func finish(_ sweep: Sweep?) -> Sweep? {
    diagnostics = diagnostics.enumerated().sorted {
      ($0.element.line, $0.element.column, $0.offset)
        < ($1.element.line, $1.element.column, $1.offset)
    }.map(\.element)
    return diagnostics.isEmpty ? sweep : nil
  }

  private mutating func composeRoot() -> Node? {
    do {
      guard let root = try Yams.compose(yaml: text) else {
        report(
          at: .start,
          "the file is empty; expected a mapping of sweep settings such as "
            + "method: grid, fixed: {task: adding}, parameters: {cell: {values: [rnn, lstm]}}")
        return nil
      }
      return root
    } catch let error as YamlError {
      reportSyntax(error)
      return nil
    } catch {
      report(at: .start, "the file cannot be parsed (\(error)); expected YAML text")
      return nil
    }
  }

  private mutating func reportSyntax(_ error: YamlError) {
    let expected = "; expected valid YAML (check indentation, colons, brackets and quotes)"
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let contextNote = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
      report(
        at: SourcePosition(line: mark.line, column: mark.column),
        "YAML syntax error: \(problem)\(contextNote)\(expected)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let first = SourcePosition(line: context.mark.line, column: context.mark.column)
      let key = duplicates.first ?? ""
      let second = repeatedKey(key, after: first)
      report(
        at: second ?? first,
        "duplicate key \(duplicates.joined(separator: ", ")) (first at line \(first.line)); "
          + "expected each key once in a mapping")
    case .reader(let problem, let offset, _, _):
      let position = offset.map { lineAndColumn(ofCharacterOffset: $0) } ?? .start
      report(at: position, "the file cannot be read as text: \(problem)\(expected)")
    default:
      report(at: .start, "YAML error: \(error)\(expected)")
    }
  }

  /// Where `key` is written again after `first` (Yams reports only the first occurrence of a
  /// duplicate key): the next `key:` at a key position (line start, or after `{` or `,`).
  private func repeatedKey(_ key: String, after first: SourcePosition) -> SourcePosition? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard !key.isEmpty, first.line <= lines.count else { return nil }
    for lineIndex in (first.line - 1)..<lines.count {
      let scalars = Array(lines[lineIndex].unicodeScalars)
      let start = lineIndex == first.line - 1 ? first.column : 0
      let keyScalars = Array(key.unicodeScalars)
      var column = start
      while column + keyScalars.count <= scalars.count {
        if Array(scalars[column..<column + keyScalars.count]) == keyScalars,
          isKeyStart(scalars, column), isKeyEnd(scalars, column + keyScalars.count)
        {
          return SourcePosition(line: lineIndex + 1, column: column + 1)
        }
        if scalars[column] == "#" { break }
        column += 1
      }
    }
    return nil
  }

  private func isKeyStart(_ scalars: [Unicode.Scalar], _ column: Int) -> Bool {
    let before = scalars[..<column].last { $0 != " " && $0 != "\t" }
    return before == nil || before == "{" || before == "," || before == "-"
  }

  private func isKeyEnd(_ scalars: [Unicode.Scalar], _ column: Int) -> Bool {
    scalars[column...].first { $0 != " " && $0 != "\t" } == ":"
  }

  private func lineAndColumn(ofCharacterOffset offset: Int) -> SourcePosition {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return SourcePosition(line: line, column: column)
  }
}
