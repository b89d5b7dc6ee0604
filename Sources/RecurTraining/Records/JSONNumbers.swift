import Foundation

/// The JSON conventions of `METRICS.md` for numbers: finite numbers as JSON numbers in their
/// shortest round-trip form, non-finite ones (a diverged step) as `null`, since JSON
/// (RFC 8259 §6) has no NaN or infinity.
public enum JSONNumbers {
  /// The encoder for records and summaries: compact, keys sorted (so the same values always
  /// give the same bytes), slashes unescaped.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// `value` as compact JSON bytes: a metrics message's record, a result's summary.
  public static func data<T: Encodable>(_ value: T) throws -> Data {
    try encoder().encode(value)
  }

  /// `value` as one line of JSON text.
  public static func line<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encoder().encode(value), as: UTF8.self)
  }

  /// nil for a non-finite value, so that it is encoded as `null`.
  static func nullable<F: BinaryFloatingPoint>(_ value: F) -> F? {
    value.isFinite ? value : nil
  }

  static func nullable(_ values: [Float]) -> [Float?] {
    values.map { $0.isFinite ? $0 : nil }
  }

  /// NaN for `null`: the inverse of `nullable` for values that were measured.
  static func restored(_ values: [Float?]) -> [Float] {
    values.map { $0 ?? .nan }
  }
}

extension KeyedEncodingContainer {
  /// Nothing for nil (not measured), `null` for a non-finite value, else the number.
  mutating func encodeMeasured<F: BinaryFloatingPoint & Encodable>(_ value: F?, forKey key: Key)
    throws
  {
    guard let value else { return }
    if value.isFinite { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
  }

  /// `null` for nil or a non-finite value, else the number: for fields that are always present.
  mutating func encodeAlways<F: BinaryFloatingPoint & Encodable>(_ value: F?, forKey key: Key)
    throws
  {
    if let value, value.isFinite {
      try encode(value, forKey: key)
    } else {
      try encodeNil(forKey: key)
    }
  }
}

extension KeyedDecodingContainer {
  /// nil when absent, NaN for `null` (a non-finite value), else the number.
  func decodeMeasured<F: BinaryFloatingPoint & Decodable>(forKey key: Key) throws -> F? {
    guard contains(key) else { return nil }
    if try decodeNil(forKey: key) { return .nan }
    return try decode(F.self, forKey: key)
  }
}
