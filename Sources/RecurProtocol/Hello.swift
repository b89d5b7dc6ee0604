import Foundation

/// A worker announcing itself: the first message on every connection (PROTOCOL.md, hello).
public struct Hello: Equatable, Sendable {
  /// The worker's name (`--name`, else host and process id).
  public var name: String
  /// The host name the worker runs on.
  public var host: String
  /// Processor cores on that host.
  public var cores: UInt32
  /// The engine's version string, so that results can be traced to the code that made them.
  public var engineVersion: String
  /// The protocol version the worker speaks (also frame 0); kept with the worker's record.
  public var protocolVersion: UInt8
  /// The worker's process id on its host.
  public var processID: Int32

  public init(
    name: String, host: String, cores: UInt32, engineVersion: String,
    protocolVersion: UInt8 = ProtocolVersion.current, processID: Int32
  ) {
    self.name = name
    self.host = host
    self.cores = cores
    self.engineVersion = engineVersion
    self.protocolVersion = protocolVersion
    self.processID = processID
  }
}

extension Hello {
  func encode(into writer: inout PayloadWriter) throws(ProtocolError) {
    try writer.text(name, field: "name", limit: ProtocolLimits.maxNameBytes)
    try writer.text(host, field: "host", limit: ProtocolLimits.maxNameBytes)
    writer.u32(cores)
    try writer.text(engineVersion, field: "engine version", limit: ProtocolLimits.maxNameBytes)
    writer.u8(protocolVersion)
    writer.i32(processID)
  }

  init(from reader: inout PayloadReader) throws(ProtocolError) {
    name = try reader.text("name", limit: ProtocolLimits.maxNameBytes)
    host = try reader.text("host", limit: ProtocolLimits.maxNameBytes)
    cores = try reader.u32("cores")
    engineVersion = try reader.text("engine version", limit: ProtocolLimits.maxNameBytes)
    protocolVersion = try reader.u8("protocol version")
    processID = try reader.i32("process id")
  }
}
