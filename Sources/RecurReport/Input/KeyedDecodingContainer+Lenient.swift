/// Lenient reads for the JSON written by the training engine: a missing key, a `null` or a
/// value of another type gives nil (or an empty collection) instead of an error.
extension KeyedDecodingContainer {
  func lenient<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
    (try? decodeIfPresent(type, forKey: key)) ?? nil
  }

  /// A finite number; non-finite values cannot occur in JSON, but a later writer might send
  /// them as strings ("NaN"), which are dropped here.
  func lenientNumber(_ key: Key) -> Double? {
    lenient(Double.self, key).flatMap { $0.isFinite ? $0 : nil }
  }

  /// An integer, also when written as a whole number with a fraction part (`300.0`).
  func lenientInteger(_ key: Key) -> Int? {
    if let value = lenient(Int.self, key) { return value }
    guard let number = lenientNumber(key), number.rounded() == number, abs(number) < 9e15 else {
      return nil
    }
    return Int(number)
  }

  /// A `{name: number}` map, keeping only the members that are finite numbers.
  func lenientNumberMap(_ key: Key) -> [String: Double] {
    guard let map = lenient([String: LenientNumber].self, key) else { return [:] }
    return map.compactMapValues(\.value)
  }
}

/// One JSON value that counts only when it is a finite number.
struct LenientNumber: Decodable, Sendable {
  let value: Double?

  init(from decoder: any Decoder) throws {
    let number = try? decoder.singleValueContainer().decode(Double.self)
    value = number.flatMap { $0.isFinite ? $0 : nil }
  }
}
