import Foundation

/// This machine's name and the addresses other machines reach it by.
public enum HostName {
  /// The host name (gethostname(2)), as other machines on the network usually know it.
  public static var current: String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return name.isEmpty ? "localhost" : name
  }

  /// The address a worker on another machine connects to, for a coordinator bound to
  /// `endpoint`: a wildcard host (`tcp://0.0.0.0:5555`, `tcp://[::]:5555`, `tcp://*:5555`)
  /// becomes `host`; a named interface stays as it is.
  public static func connectAddress(forBound endpoint: String, host: String = current) -> String {
    let prefix = "tcp://"
    guard endpoint.hasPrefix(prefix), let colon = endpoint.lastIndex(of: ":"),
      colon > endpoint.index(endpoint.startIndex, offsetBy: prefix.count)
    else { return endpoint }
    let address = endpoint[endpoint.index(endpoint.startIndex, offsetBy: prefix.count)..<colon]
    let port = endpoint[endpoint.index(after: colon)...]
    let wildcards: Set<Substring> = ["*", "0.0.0.0", "[::]", "::", "[*]"]
    guard wildcards.contains(address) else { return endpoint }
    return "\(prefix)\(host):\(port)"
  }
}
