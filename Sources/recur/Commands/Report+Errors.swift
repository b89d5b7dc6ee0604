import ArgumentParser
import Foundation
import RecurReport
import RecurStore

extension Recur.Report {
  /// Runs `body`, printing report and store errors and exiting with their sysexits code: 64
  /// for options naming what the sweep lacks, 66 for a missing folder or store, 65 for a file
  /// that is not a store this build reads, 70 for anything else.
  static func mapErrors<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as ReportError {
      printError(error.description)
      throw ExitCode.usage
    } catch let error as StoreError {
      printError(error.description)
      throw exitCode(for: error)
    }
  }

  static func exitCode(for error: StoreError) -> ExitCode {
    switch error {
    case .missing, .cannotOpen: .missingFile
    case .notAStore, .newerSchema, .olderSchema, .corrupt: .badInput
    case .locked, .readOnly, .invalidPlan, .database: .software
    }
  }

  /// Writes `text` to `path` atomically; a missing folder exits 66, any other output that
  /// cannot be written (a folder, a read-only place) 73, as `recur run` and `recur probe` do.
  static func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      let folder = url.deletingLastPathComponent().path
      let missing = !FileManager.default.fileExists(atPath: folder)
      let reason: String
      if missing {
        reason = "the folder \(folder) does not exist"
      } else if isFolder(path) {
        reason = "it is a folder"
      } else {
        reason = error.localizedDescription
      }
      printError("Cannot write \(path): \(reason); give another file with --out.")
      throw missing ? ExitCode.missingFile : ExitCode.cannotCreate
    }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  static func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
