import Yams

/// Reading YAML nodes as the sweep format needs: positions, null, quoting, and a short
/// description of a node for "found …" in messages.
extension Node {
  /// The node's 1-based (line, column); (1, 1) if Yams kept no mark.
  var position: SourcePosition {
    mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? .start
  }

  /// True for YAML's null: an empty plain scalar, `~` or `null`.
  var isNull: Bool {
    guard case .scalar(let scalar) = self, !scalar.isQuoted else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The text of a scalar that is not null; nil for lists, mappings and null.
  var text: String? {
    guard case .scalar(let scalar) = self, !isNull else { return nil }
    return scalar.string
  }

  /// True for a quoted scalar (`"64"`, `'lstm'`): text, never a number.
  var isQuoted: Bool {
    guard case .scalar(let scalar) = self else { return false }
    return scalar.isQuoted
  }

  /// What the node is, for "found …": `a list`, `a mapping`, `null`, `'abc'`.
  var kindDescription: String {
    switch self {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      if isNull { return "nothing (null)" }
      return scalar.isQuoted ? "the quoted text \"\(scalar.string)\"" : "'\(scalar.string)'"
    }
  }
}

extension Node.Scalar {
  var isQuoted: Bool {
    switch style {
    case .singleQuoted, .doubleQuoted, .literal, .folded: true
    case .any, .plain: false
    }
  }
}

/// A 1-based line and column in a sweep file.
struct SourcePosition: Sendable, Equatable, Comparable {
  let line: Int
  let column: Int

  static let start = SourcePosition(line: 1, column: 1)

  static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
