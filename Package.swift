// swift-tools-version:6.1
// Recur: hyperparameter sweeps of recurrent networks across processes and machines.
// Module boundaries and their one-way dependencies are described in DESIGN.md (shared).
import PackageDescription

/// Optimisation flags for the numeric targets. The engine's element-wise gate math is written
/// with SIMD16<Float>; without AVX2/FMA the default x86-64 target runs it 3x slower
/// (PLATFORM.md, speed facts). haswell (AVX2, FMA) runs on every machine of this kind and on
/// any x86 server of the last decade, unlike -target-cpu native.
let numericSettings: [SwiftSetting] = [
  .unsafeFlags(["-target-cpu", "haswell"], .when(platforms: [.linux])),
  .unsafeFlags(["-O"], .when(configuration: .debug)),
]

let package = Package(
  name: "Recur",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "recur", targets: ["recur"]),
    .library(name: "RecurEngine", targets: ["RecurEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
  ],
  targets: [
    // No pkgConfig for libzmq: its .pc file drags in krb5 include flags SwiftPM prohibits, and
    // zmq.h and libzmq.so are in the default search paths on Debian.
    .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
    .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .target(name: "RecurJSON"),
    .target(
      name: "RecurEngine", dependencies: ["CBLAS", "RecurJSON"], swiftSettings: numericSettings),
    .target(name: "RecurTasks", dependencies: ["RecurEngine"], swiftSettings: numericSettings),
    .target(name: "RecurSweep", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(
      name: "RecurTraining",
      dependencies: ["RecurEngine", "RecurTasks", "RecurSweep"],
      exclude: ["METRICS.md"]),
    .target(name: "RecurProtocol", exclude: ["PROTOCOL.md"]),
    .target(name: "RecurWire", dependencies: ["CZeroMQ"]),
    .target(
      name: "RecurStore",
      dependencies: ["RecurJSON", .product(name: "GRDB", package: "GRDB.swift")]),
    .target(
      name: "RecurCluster",
      dependencies: [
        "RecurProtocol", "RecurWire", "RecurStore", "RecurTraining", "RecurSweep", "RecurJSON",
        .product(name: "Logging", package: "swift-log"),
      ]),
    .target(name: "RecurReport", dependencies: ["RecurStore", "RecurJSON"]),
    .executableTarget(
      name: "recur",
      dependencies: [
        "RecurEngine", "RecurTasks", "RecurSweep", "RecurTraining", "RecurProtocol",
        "RecurWire", "RecurStore", "RecurCluster", "RecurReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),
  ] + testTargets
)

/// One test target per library target, each with its `Fixtures/` copied as resources when
/// present. A static list: a manifest whose targets depend on what is on disk is cached by
/// SwiftPM across checkouts, and tests then silently disappear.
var testTargets: [Target] {
  let withFixtures: Set<String> = ["RecurEngine"]
  let libraries = [
    "RecurJSON", "RecurEngine", "RecurTasks", "RecurSweep", "RecurTraining", "RecurProtocol",
    "RecurWire", "RecurStore", "RecurCluster", "RecurReport",
  ]
  return libraries.map { library in
    .testTarget(
      name: library + "Tests", dependencies: [.target(name: library)],
      resources: withFixtures.contains(library) ? [.copy("Fixtures")] : [])
  }
}
