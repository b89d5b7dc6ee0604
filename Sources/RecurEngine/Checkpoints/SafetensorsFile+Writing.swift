import RecurJSON

extension SafetensorsFile {
  /// The file's bytes: header length, JSON header padded with spaces to a multiple of 8
  /// bytes (as the reference writer does, so the buffer starts 8-byte aligned), then each
  /// tensor's bytes in `names` order.
  public func serialized() -> [UInt8] {
    var header = "{"
    var members: [String] = []
    if let metadata {
      let pairs = metadata.sorted { $0.key < $1.key }.map {
        "\(JSONString.quoted($0.key)):\(JSONString.quoted($0.value))"
      }
      members.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    var buffers: [[UInt8]] = []
    for name in names {
      guard let tensor = self[name] else { continue }
      let end = offset + tensor.bytes.count
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      members.append(
        "\(JSONString.quoted(name)):{\"dtype\":\"\(tensor.dtype.rawValue)\",\"shape\":[\(shape)],"
          + "\"data_offsets\":[\(offset),\(end)]}")
      offset = end
      buffers.append(tensor.bytes)
    }
    header += members.joined(separator: ",") + "}"
    var headerBytes = Array(header.utf8)
    headerBytes += [UInt8](repeating: 0x20, count: (8 - headerBytes.count % 8) % 8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + headerBytes.count + offset)
    withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes += headerBytes
    for buffer in buffers { bytes += buffer }
    return bytes
  }
}
