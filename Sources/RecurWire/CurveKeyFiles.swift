import Foundation

/// Reading and writing CURVE key files, as `recur keys generate` makes them.
///
/// The format is czmq's certificate format (ZPL, ZeroMQ RFC 4), so czmq tools read these files
/// and certificates they made work here:
///
/// ```
/// #   ZeroMQ CURVE **Secret** Certificate          (NAME.key, mode 0600)
/// metadata
///     name = "NAME"
/// curve
///     public-key = "<40 Z85 characters>"
///     secret-key = "<40 Z85 characters>"
/// ```
///
/// `NAME.pub` is the same without the `secret-key` line. Lines starting with `#` are comments.
/// A public key file may also hold just the 40-character key on one line.
public enum CurveKeyFiles {
  /// The extension of secret key files: the coordinator's `--curve-secret-key`, a worker's
  /// `--key`.
  public static let secretExtension = "key"
  /// The extension of public key files: a worker's `--server-key`, the files of the
  /// coordinator's `--authorized-keys` folder.
  public static let publicExtension = "pub"

  /// Writes `NAME.key` (both keys, mode 0600) and `NAME.pub` (the public key) in `directory`,
  /// creating it if needed; refuses to replace existing files unless `overwrite`.
  /// - Returns: the paths of the secret and public key files.
  @discardableResult
  public static func write(
    _ pair: CurveKeyPair, name: String, directory: String, overwrite: Bool = false
  ) throws(WireError) -> (secretKeyPath: String, publicKeyPath: String) {
    try checkName(name)
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .keyFile(path: directory, problem: "cannot create the folder: \(reason(error))")
    }
    let secretPath = folder.appendingPathComponent("\(name).\(secretExtension)").path
    let publicPath = folder.appendingPathComponent("\(name).\(publicExtension)").path
    if !overwrite {
      for path in [secretPath, publicPath] where FileManager.default.fileExists(atPath: path) {
        throw .keyFile(path: path, problem: "already exists; choose another name or overwrite it")
      }
    }
    try writeFile(secretText(pair, name: name), to: secretPath, mode: 0o600)
    try writeFile(publicText(pair.publicKey, name: name), to: publicPath, mode: 0o644)
    return (secretPath, publicPath)
  }

  /// The key pair of a secret key file (`NAME.key`), checked to belong together.
  public static func loadKeyPair(_ path: String) throws(WireError) -> CurveKeyPair {
    let keys = try parse(try read(path), path: path)
    guard let secret = keys.secret else {
      throw .keyFile(
        path: path, problem: "no secret-key line: this is a public key file; use NAME.key")
    }
    let derived = try CurveKeyPair(secretKey: secret)
    if let stated = keys.public, stated != derived.publicKey {
      throw .keyFile(
        path: path, problem: "public-key does not belong to secret-key; the file is damaged")
    }
    return derived
  }

  /// The public key in a public key file (`NAME.pub`), or in a secret key file.
  public static func loadPublicKey(_ path: String) throws(WireError) -> CurveKey {
    let keys = try parse(try read(path), path: path)
    if let key = keys.public { return key }
    if let secret = keys.secret { return try CurveKeyPair(secretKey: secret).publicKey }
    throw .keyFile(path: path, problem: "no public-key line and no bare 40-character key")
  }

  /// Every `*.pub` file of `directory`, as public key to name (the file name without `.pub`).
  /// A folder without any is an error: it would refuse every worker.
  public static func loadAuthorizedKeys(_ directory: String) throws(WireError) -> [CurveKey: String]
  {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
      throw .keyFile(path: directory, problem: "no such folder; give the folder of *.pub files")
    }
    guard isFolder.boolValue else {
      throw .keyFile(
        path: directory,
        problem: "a file, not a folder; put the authorised workers' *.pub files in a folder")
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
      throw .keyFile(path: directory, problem: "cannot list the folder: \(reason(error))")
    }
    var keys: [CurveKey: String] = [:]
    for file in names where file.hasSuffix(".\(publicExtension)") {
      let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
      keys[try loadPublicKey(path)] = String(file.dropLast(publicExtension.count + 1))
    }
    guard !keys.isEmpty else {
      throw .keyFile(
        path: directory,
        problem: "no *.\(publicExtension) files; copy each worker's NAME.pub here")
    }
    return keys
  }
}
