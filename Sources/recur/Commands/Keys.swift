import ArgumentParser

extension Recur {
  /// `recur keys`: CURVE key pairs for encrypted, authenticated coordinator–worker traffic.
  struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Make CURVE key pairs to encrypt the cluster's traffic and admit known workers.",
      discussion: """
        The coordinator uses its secret key with --curve-secret-key and admits only the workers \
        whose public keys are in its --authorized-keys folder. A worker uses the coordinator's \
        public key with --server-key and its own secret key with --key.
        """,
      subcommands: [Generate.self]
    )
  }
}
