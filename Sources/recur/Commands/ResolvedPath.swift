import Foundation

/// A path made absolute, with `.`/`..` and symbolic links resolved, so that a command can tell
/// when an output names one of its inputs (`recur probe --out model.safetensors`, `recur report
/// --out DIR/results.sqlite`) and refuse before replacing it.
enum ResolvedPath {
  static func of(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
