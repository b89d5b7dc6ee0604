import Foundation

/// The checks of a sweep file's bytes before YAML sees them: its size and its encoding.
extension Sweep {
  /// The largest sweep file read: a list of 1,000,000 values (the most `max_trials` allows) is
  /// about 8 MB, and a file of gigabytes would be read whole before anything is checked.
  static let maximumFileBytes = 64 << 20

  static func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
  }

  static func tooLarge(_ size: Int, path: String) -> SweepDiagnostic {
    SweepDiagnostic(
      file: path, line: 1, column: 1,
      message: "the file holds \(size >> 20) MB; expected a sweep file of at most "
        + "\(maximumFileBytes >> 20) MB (a sweep of 1,000,000 trials takes a few)")
  }

  /// The problem of a sweep file that is not UTF-8, placed at its first bad byte, so that a
  /// stray Latin-1 `é` or a binary paste is found without a hex editor.
  static func notUTF8(_ data: Data, path: String) -> SweepDiagnostic {
    var line = 1
    var column = 1
    var offset = 0
    var iterator = data.makeIterator()
    var decoder = UTF8()
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      offset += UTF8.width(scalar)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    let byte = offset < data.count ? data[data.startIndex + offset] : 0
    let hint =
      data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) ? " (UTF-16?)" : ""
    return SweepDiagnostic(
      file: path, line: line, column: column,
      message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8 text\(hint); "
        + "expected a YAML sweep file saved as UTF-8")
  }
}
