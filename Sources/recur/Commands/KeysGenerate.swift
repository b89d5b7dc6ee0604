import ArgumentParser
import Foundation
import RecurWire

extension Recur.Keys {
  /// `recur keys generate NAME [--dir DIR] [--force]`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a new CURVE key pair: NAME.key (secret) and NAME.pub (public).",
      discussion: """
        Files (czmq's certificate format, so czmq tools read them too):
          NAME.key  mode 0600, both keys; keep it on the machine that uses it.
          NAME.pub  the public key; copy it to the peers that must trust this key.
        Each key is 40 characters of Z85 (ZeroMQ RFC 32) in a line such as
          public-key = "<40 Z85 characters>"
        Lines starting with # are comments. A .pub file may also hold just the bare key.

        Typical setup:
          recur keys generate coordinator            # on the coordinator's machine
          recur keys generate worker-1 --dir keys    # one per worker (or one shared)
          recur coordinator ... --curve-secret-key coordinator.key \\
                                --authorized-keys keys/
          recur worker ... --server-key coordinator.pub --key keys/worker-1.key
        Only the .pub files go into the --authorized-keys folder.
        """
    )

    @Argument(help: "The key's name: the files are NAME.key and NAME.pub.")
    var name: String

    @Option(help: "The folder to write the files in (created if missing).")
    var dir: String = "."

    @Flag(help: "Replace existing NAME.key and NAME.pub files.")
    var force = false

    func validate() throws {
      guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
        throw ValidationError(
          "NAME must be a plain file name, without '/' and not starting with '.'")
      }
      guard !force else { return }
      for file in ["\(name).key", "\(name).pub"] {
        let path = URL(fileURLWithPath: dir).appendingPathComponent(file).path
        if FileManager.default.fileExists(atPath: path) {
          throw ValidationError("\(path) already exists; choose another NAME or add --force")
        }
      }
    }

    func run() throws {
      do {
        let pair = try CurveKeyPair.generate()
        let paths = try CurveKeyFiles.write(pair, name: name, directory: dir, overwrite: force)
        print("secret key: \(paths.secretKeyPath) (keep private)")
        print("public key: \(paths.publicKeyPath)")
        print("public key: \(pair.publicKey.z85)")
      } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.missingFile
      }
    }
  }
}
