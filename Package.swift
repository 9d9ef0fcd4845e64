// swift-tools-version:6.0
import PackageDescription

// The interpreter core must stay one module so whole-module optimisation sees the hot loop
// and every helper it calls (see docs/ARCHITECTURE.md and shared/notes/vm-performance.md).
// SIL redundant-load elimination is off: in Swift 6.3 it forwarded a stale value across the
// dispatch loop's inout stack pointer and dropped live stores to the value stack (reproduced with
// the exception state of `try/except` in a loop; see docs/ARCHITECTURE.md, "Compiler workarounds").
let coreSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xllvm", "-sil-disable-pass=redundant-load-elimination"]),
]

let package = Package(
    name: "microboard",
    targets: [
        .target(name: "CSupport", path: "Sources/CSupport"),
        .target(
            name: "MicroPythonCore",
            dependencies: ["CSupport"],
            path: "Sources/MicroPythonCore",
            swiftSettings: coreSettings + [.swiftLanguageMode(.v5)],
            plugins: ["FreezeFirmware"]
        ),
        // Frozen Python modules: freeze-tool turns firmware/**/*.py into FrozenFirmware.swift.
        .executableTarget(name: "freeze-tool", path: "Sources/freeze-tool"),
        .plugin(name: "FreezeFirmware", capability: .buildTool(), dependencies: ["freeze-tool"]),
        .target(name: "Board", dependencies: ["MicroPythonCore"], path: "Sources/Board", swiftSettings: [.swiftLanguageMode(.v5)]),
        .executableTarget(
            name: "microboard",
            dependencies: ["MicroPythonCore", "CSupport", "Board"],
            path: "Sources/microboard",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .executableTarget(name: "microboard-fuzz", dependencies: ["MicroPythonCore", "CSupport"], path: "Sources/microboard-fuzz", swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(
            name: "MicroPythonCoreTests",
            dependencies: ["MicroPythonCore"],
            path: "Tests/MicroPythonCoreTests",
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(name: "BoardTests", dependencies: ["Board"], path: "Tests/BoardTests", swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)
