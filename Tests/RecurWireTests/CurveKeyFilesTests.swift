import Foundation
import Testing

@testable import RecurWire

@Suite struct CurveKeyFilesTests {
  let directory: String

  init() throws {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("recur-keys-\(UUID().uuidString)").path
  }

  private func write(_ text: String, _ name: String) throws -> String {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func writtenKeysLoadBackWithPrivateSecretFile() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let pair = try CurveKeyPair.generate()
    let paths = try CurveKeyFiles.write(pair, name: "coordinator", directory: directory)
    #expect(paths.secretKeyPath.hasSuffix("/coordinator.key"))
    #expect(paths.publicKeyPath.hasSuffix("/coordinator.pub"))
    #expect(try mode(paths.secretKeyPath) == 0o600)
    #expect(try CurveKeyFiles.loadKeyPair(paths.secretKeyPath) == pair)
    #expect(try CurveKeyFiles.loadPublicKey(paths.publicKeyPath) == pair.publicKey)
    #expect(try CurveKeyFiles.loadPublicKey(paths.secretKeyPath) == pair.publicKey)
    let publicText = try String(contentsOfFile: paths.publicKeyPath, encoding: .utf8)
    #expect(!publicText.contains(pair.secretKey.z85))
  }

  @Test func existingFilesAreKeptUnlessOverwriteIsAsked() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let first = try CurveKeyPair.generate()
    try CurveKeyFiles.write(first, name: "w", directory: directory)
    #expect(throws: WireError.self) {
      try CurveKeyFiles.write(try CurveKeyPair.generate(), name: "w", directory: directory)
    }
    #expect(try CurveKeyFiles.loadKeyPair(directory + "/w.key") == first)
    let second = try CurveKeyPair.generate()
    try CurveKeyFiles.write(second, name: "w", directory: directory, overwrite: true)
    #expect(try CurveKeyFiles.loadKeyPair(directory + "/w.key") == second)
    #expect(try mode(directory + "/w.key") == 0o600)
  }

  @Test(arguments: ["", "a/b", ".hidden", "..", "x\0y"])
  func unsafeNamesAreRefused(_ name: String) throws {
    #expect(throws: WireError.self) {
      try CurveKeyFiles.write(try CurveKeyPair.generate(), name: name, directory: directory)
    }
  }

  @Test func authorizedKeysFolderMapsEachPublicKeyToItsFileName() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let a = try CurveKeyPair.generate()
    let b = try CurveKeyPair.generate()
    try CurveKeyFiles.write(a, name: "alpha", directory: directory)
    _ = try write(b.publicKey.z85 + "\n", "beta.pub")  // a bare key is accepted too
    _ = try write("not a key file", "notes.txt")
    let keys = try CurveKeyFiles.loadAuthorizedKeys(directory)
    #expect(keys == [a.publicKey: "alpha", b.publicKey: "beta"])
  }

  @Test func authorizedKeysFolderMustHoldKeysAndExist() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(throws: WireError.self) { try CurveKeyFiles.loadAuthorizedKeys(directory) }
    _ = try write("x", "readme.txt")
    let empty = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadAuthorizedKeys(directory)
    }
    #expect(empty.description.contains("no *.pub files"))
    _ = try write("public-key = \"tooshort\"", "bad.pub")
    let bad = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadAuthorizedKeys(directory)
    }
    #expect(bad.description.contains("bad.pub") && bad.description.contains("line 1"))
  }

  @Test func authorizedKeysGivenAFileOrNothingSaysWhatToGive() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let missing = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadAuthorizedKeys(directory)
    }
    #expect(missing.description.contains("no such folder"))
    let file = try write("x", "worker.pub")
    let notFolder = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadAuthorizedKeys(file)
    }
    #expect(notFolder.description.contains("a file, not a folder"))
  }

  @Test func czmqCertificatesAreRead() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let pair = try CurveKeyPair.generate()
    let certificate = """
      #   ****  Generated on 2024-01-01 by CZMQ  ****
      #   ZeroMQ CURVE **Secret** Certificate
      metadata
      curve
          public-key = "\(pair.publicKey.z85)"
          secret-key = "\(pair.secretKey.z85)"
      """
    #expect(try CurveKeyFiles.loadKeyPair(try write(certificate, "czmq_secret")) == pair)
  }

  @Test func damagedKeyFilesAreExplained() throws {
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let pair = try CurveKeyPair.generate()
    let other = try CurveKeyPair.generate()
    let mismatched = try write(
      "public-key = \"\(other.publicKey.z85)\"\nsecret-key = \"\(pair.secretKey.z85)\"\n", "m.key")
    let mismatch = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadKeyPair(mismatched)
    }
    #expect(mismatch.description.contains("does not belong"))
    let publicOnly = try write("public-key = \"\(pair.publicKey.z85)\"\n", "p.key")
    let noSecret = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadKeyPair(publicOnly)
    }
    #expect(noSecret.description.contains("no secret-key"))
    let repeated = try write(
      "public-key = \"\(pair.publicKey.z85)\"\npublic-key = \"\(pair.publicKey.z85)\"\n", "r.pub")
    #expect(throws: WireError.self) { try CurveKeyFiles.loadPublicKey(repeated) }
    let binary = try write(String(decoding: [0xFF, 0xFE, 0x00], as: UTF8.self), "b.pub")
    #expect(throws: WireError.self) { try CurveKeyFiles.loadPublicKey(binary) }
    let missing = try #require(throws: WireError.self) {
      try CurveKeyFiles.loadPublicKey(directory + "/absent.pub")
    }
    #expect(missing.description.contains("no such file"))
  }
}
