import Foundation
import RecurStore

/// The results folder a command was given. Users often pass the store file itself
/// (`recur status results/x/results.sqlite`, the path `recur coordinator` printed), so a path
/// to a file named `results.sqlite` stands for the folder that holds it.
enum ResultsFolder {
  static func url(_ path: String) -> URL {
    let url = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    guard url.lastPathComponent == ResultsStore.fileName,
      FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue
    else { return url }
    return url.deletingLastPathComponent()
  }
}
