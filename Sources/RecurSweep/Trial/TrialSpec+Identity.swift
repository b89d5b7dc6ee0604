extension TrialSpec {
  /// The canonical text of the trial: one `key=value` line per key, every key resolved
  /// (defaults included), sorted by key name (byte order), values in canonical form
  /// (`TrialValue.canonical`). Independent of the order keys were written in.
  public var canonicalText: String {
    var text = ""
    text.reserveCapacity(512)
    for key in TrialKey.canonicalOrder {
      text += key.name
      text += "="
      text += key.value(in: self).canonical
      text += "\n"
    }
    return text
  }

  /// The trial id: the first 12 hex digits (48 bits) of the SHA-256 of `canonicalText`.
  ///
  /// The same keys give the same id on every machine and in every run, so a coordinator that
  /// resumes, or reads an edited sweep file, can tell which trials are already done. 48 bits
  /// keep ids short; the chance of any collision among 100,000 trials is n²/2⁴⁹ ≈ 2·10⁻⁵.
  public var id: String {
    String(SHA256.hex(of: Array(canonicalText.utf8)).prefix(12))
  }
}
