/// One problem of a sweep file, where it is, what is wrong and what is expected.
public struct SweepDiagnostic: Sendable, Equatable, CustomStringConvertible {
  /// The file as the user named it.
  public let file: String
  /// 1-based line.
  public let line: Int
  /// 1-based column, counted in Unicode scalars (as libyaml does).
  public let column: Int
  /// `what is wrong; what is expected`.
  public let message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, the form editors and compilers use.
  public var description: String { "\(file):\(line):\(column): \(message)" }
}
