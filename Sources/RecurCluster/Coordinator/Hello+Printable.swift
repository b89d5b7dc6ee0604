import RecurProtocol

extension Hello {
  /// This hello with the control characters of its texts (escape sequences, newlines)
  /// replaced by `?`: a hostile peer's name must not drive the coordinator's terminal or
  /// forge lines of its log. The coordinator keeps and stores this form, so that the attempts
  /// it records and the names it checks reports against agree.
  var printable: Hello {
    var copy = self
    copy.name = Self.printable(name)
    copy.host = Self.printable(host)
    copy.engineVersion = Self.printable(engineVersion)
    return copy
  }

  /// `text` with every control character (Unicode general category Cc) replaced by `?`.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    else { return text }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
  }
}
