/// Checks a ZeroMQ endpoint given on the command line (`--bind`, `--connect`) before any
/// socket sees it.
///
/// libzmq is lenient where a user needs an error: it binds `tcp://127.0.0.1:99999` on port
/// 34463 (the number modulo 2^16), `tcp://127.0.0.1:-1` on 65535 and `tcp://127.0.0.1:5555x`
/// on 5555, and it binds `inproc://` names that no other process can reach; a worker given
/// such an address waits out its whole `--connect-timeout` before it says anything.
enum EndpointCheck {
  /// What the endpoint is for: a coordinator binds (`*` and port 0 allowed), a worker connects.
  enum Use {
    case bind
    case connect
  }

  /// What is wrong with `endpoint` and what is expected, or nil when it is usable.
  static func problem(_ endpoint: String, for use: Use) -> String? {
    let example = use == .bind ? "tcp://*:5555" : "tcp://HOST:5555"
    let expected = "; expected tcp://HOST:PORT such as \(example) (or ipc://PATH on one machine)"
    if endpoint.hasPrefix("ipc://") {
      return endpoint.count > "ipc://".count ? nil : "the ipc path is empty" + expected
    }
    guard endpoint.hasPrefix("tcp://") else {
      return "only tcp:// and ipc:// addresses reach other processes" + expected
    }
    let address = endpoint.dropFirst("tcp://".count)
    guard let colon = address.lastIndex(of: ":") else { return "there is no :PORT" + expected }
    let host = String(address[..<colon])
    let port = String(address[address.index(after: colon)...])
    if let problem = hostProblem(host, for: use) ?? portProblem(port, for: use) {
      return problem + expected
    }
    return nil
  }

  private static func hostProblem(_ host: String, for use: Use) -> String? {
    if host.isEmpty { return "the host is empty" }
    if host == "*" {
      return use == .bind ? nil : "* (every interface) is for binding, not for connecting"
    }
    let isDotted = host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber }
    if isDotted {
      let parts = host.split(separator: ".", omittingEmptySubsequences: false)
      let valid =
        parts.count == 4
        && parts.allSatisfy { part in
          (1...3).contains(part.count) && Int(part).map { $0 <= 255 } == true
        }
      if !valid { return "\(host) is not an IPv4 address (four numbers from 0 to 255)" }
    }
    return nil
  }

  private static func portProblem(_ port: String, for use: Use) -> String? {
    if use == .bind && port == "*" { return nil }
    let lowest = use == .bind ? 0 : 1
    let range = "\(lowest) to 65535" + (use == .bind ? " (0 or * for any free port)" : "")
    guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }),
      let number = Int(port), (lowest...65535).contains(number)
    else { return "the port '\(port)' is not a number from \(range)" }
    return nil
  }
}
