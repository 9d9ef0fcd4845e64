// swift-tools-version:6.0
import PackageDescription

// The interpreter core must stay one module so whole-module optimisation sees the hot loop
// and every helper it calls (see docs/ARCHITECTURE.md and shared/notes/vm-performance.md).
// SIL redundant-load elimination is off: in Swift 6.3 it forwarded a stale value across the
// dispatch loop's inout stack pointer and dropped live stores to the value stack (reproduced with
// the exception state of `try/except` in a loop; see docs/ARCHITECTURE.md, "Compiler workarounds").
// The modules the host runner links leave out Swift's implicit Concurrency and StringProcessing
// imports: unused, they would still load five shared libraries at every start (`microboard -c pass`
// must start in a few milliseconds).
let leanImports: [String] = [
    "-Xfrontend", "-disable-implicit-concurrency-module-import",
    "-Xfrontend", "-disable-implicit-string-processing-module-import",
]
let leanSettings: [SwiftSetting] = [.unsafeFlags(leanImports), .swiftLanguageMode(.v5)]
let coreSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xllvm", "-sil-disable-pass=redundant-load-elimination"] + leanImports),
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
        // Byte transports carrying the REPL: stdio, PTY, TCP (see Sources/SerialLink).
        .target(
            name: "SerialLink",
            dependencies: ["MicroPythonCore", "CSupport"],
            path: "Sources/SerialLink",
            swiftSettings: leanSettings
        ),
        // Board definitions: boards/<id>/board.json embedded as text (freeze-tool --boards).
        .plugin(name: "EmbedBoards", capability: .buildTool(), dependencies: ["freeze-tool"]),
        // The emulated board: board model, virtual clock and scheduler, pins, pyb/machine.
        // FAT filesystems on image files: os.VfsFat, pyb.Flash/SDCard block devices (no board needed,
        // so the host runner links it without the board).
        .target(
            name: "BoardStorage",
            dependencies: ["MicroPythonCore", "CSupport"],
            path: "Sources/BoardStorage",
            swiftSettings: leanSettings
        ),
        .target(
            name: "Board",
            dependencies: ["MicroPythonCore", "CSupport", "BoardStorage"],
            path: "Sources/Board",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: ["EmbedBoards"]
        ),
        .executableTarget(
            name: "microboard",
            dependencies: ["MicroPythonCore", "CSupport", "SerialLink", "BoardStorage"],
            path: "Sources/microboard",
            swiftSettings: leanSettings
        ),
        // The board's front end; `microboard` execs it (it alone links SDL2 and Foundation).
        .executableTarget(
            name: "microboard-board",
            dependencies: ["MicroPythonCore", "CSupport", "SerialLink", "Board", "BoardStorage", "BoardWindow"],
            path: "Sources/microboard-board",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The SDL2 window: depends on SDL only, never on the board or the core; the board is reached
        // through the BoardWindowModel protocol.
        .systemLibrary(name: "CSDL2", path: "Sources/CSDL2", pkgConfig: "sdl2", providers: [.apt(["libsdl2-dev"])]),
        .target(name: "BoardWindow", dependencies: ["CSDL2"], path: "Sources/BoardWindow"),
        // Development demo: the window driven by a scripted fake board (no interpreter).
        .executableTarget(name: "board-window-demo", dependencies: ["BoardWindow"], path: "Sources/board-window-demo"),
        .executableTarget(name: "microboard-fuzz", dependencies: ["MicroPythonCore", "CSupport"], path: "Sources/microboard-fuzz", swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(
            name: "MicroPythonCoreTests",
            dependencies: ["MicroPythonCore"],
            path: "Tests/MicroPythonCoreTests",
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(
            name: "SerialLinkTests",
            dependencies: ["SerialLink", "MicroPythonCore"],
            path: "Tests/SerialLinkTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        .testTarget(name: "BoardWindowTests", dependencies: ["BoardWindow", "CSDL2"], path: "Tests/BoardWindowTests"),
        .testTarget(
            name: "BoardTests",
            dependencies: ["Board", "BoardStorage", "MicroPythonCore"],
            path: "Tests/BoardTests",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
