import BoardWindow
import Foundation

/// The repository's boards/ folder, found from this file's path.
func boardFile(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("boards").appendingPathComponent(relative).path
}

func pyboardLayout() throws -> BoardLayout {
    try BoardLayout.decode(json: String(contentsOfFile: boardFile("pyboard-v11/layout.json"), encoding: .utf8))
}

/// A stand-in board: a snapshot set by the test (virtual time optionally advancing by a step per
/// snapshot) and a record of every event posted.
final class RecordingModel: BoardWindowModel, @unchecked Sendable {
    let title: String
    let layout: BoardLayout
    private let lock = NSLock()
    private var _events: [BoardWindowEvent] = []
    var state: BoardSnapshot
    var timeStep: Double

    init(layout: BoardLayout, state: BoardSnapshot = BoardSnapshot(), timeStep: Double = 0) {
        self.layout = layout
        self.title = "microboard — \(layout.name)"
        self.state = state
        self.timeStep = timeStep
    }

    /// The screenshot times the window announced.
    var preparedScreenshots: [Int] = []

    func prepareScreenshot(atMs: Int) { preparedScreenshots.append(atMs) }

    var events: [BoardWindowEvent] { lock.lock(); defer { lock.unlock() }; return _events }

    func snapshot() -> BoardSnapshot {
        lock.lock(); defer { lock.unlock() }
        let s = state
        state.virtualTime += timeStep
        return s
    }

    func post(_ event: BoardWindowEvent) {
        lock.lock(); _events.append(event); lock.unlock()
    }
}

/// Runs python3 with a script and stdin bytes; returns (status, stdout).
func runPython(_ script: String, input: [UInt8]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", script]
    let inPipe = Pipe(), outPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    try p.run()
    let writer = Thread { inPipe.fileHandleForWriting.write(Data(input)); try? inPipe.fileHandleForWriting.close() }
    writer.start()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: out, as: UTF8.self))
}
