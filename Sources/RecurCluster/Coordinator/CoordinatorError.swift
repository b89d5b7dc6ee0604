import RecurStore
import RecurWire

/// Why a coordinator could not start or had to stop. Each description says what to do.
public enum CoordinatorError: Error, Sendable, CustomStringConvertible {
  /// The results store could not be opened or written.
  case store(StoreError)
  /// The socket could not be set up (address in use, bad endpoint, key files).
  case wire(WireError)
  /// A setting out of range.
  case invalidOption(String)

  public var description: String {
    switch self {
    case .store(let error): return error.description
    case .wire(let error): return error.description
    case .invalidOption(let problem): return problem
    }
  }
}
