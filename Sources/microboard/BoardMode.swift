import Board
import CSupport
import Foundation
import Glibc
import MicroPythonCore

// microboard --board ID [--clock realtime|fast|deterministic] [--speed F] [--headless] [--run FILE]
//
// Runs the emulated board. With --run, FILE runs on the booted board as main.py would, its output
// (and tracebacks: a board has one console) goes to stdout with "\n" line ends, and the process
// exits with the unix port's statuses (0, 1 for an uncaught exception, the SystemExit code).
// --press NAME:AT_MS[:HOLD_MS] presses a board button at a virtual time (default hold 50 ms), for
// deterministic switch tests; RST as NAME resets the board. Without --run, the board boots into a line REPL on the terminal until the REPL engine and
// serial links take over (issue 4).

let boardOptionNames: Set<String> = ["--board", "--run", "--clock", "--speed", "--headless", "--press"]

func boardModeRequested(_ argv: [String]) -> Bool { argv.count > 1 && boardOptionNames.contains(argv[1]) }

func boardUsageError(_ msg: String) -> Never {
    writeErr("microboard: \(msg)\nusage: microboard --board ID [--clock realtime|fast|deterministic] [--speed F] [--headless] [--run FILE]\n")
    exit(2)
}

func runBoardMode(_ argv: [String]) -> Never {
    var opts = BoardOptions()
    var runFile: String? = nil
    var presses: [(String, Double, Double)] = []
    var i = 1
    while i < argv.count {
        let a = argv[i]
        func value() -> String {
            guard i + 1 < argv.count else { boardUsageError("\(a) needs a value") }
            i += 1
            return argv[i]
        }
        switch a {
        case "--board": opts.boardId = value()
        case "--run": runFile = value()
        case "--headless": opts.headless = true
        case "--clock":
            let v = value()
            guard let m = ClockMode(rawValue: v) else { boardUsageError("unknown clock mode '\(v)'") }
            opts.clockMode = m
        case "--speed":
            let v = value()
            guard let f = Double(v), f > 0, f.isFinite else { boardUsageError("--speed needs a positive number") }
            opts.speed = f
        case "--press":
            let parts = value().split(separator: ":").map(String.init)
            guard parts.count >= 2, let at = Double(parts[1]), parts.count < 4,
                  let hold = parts.count == 3 ? Double(parts[2]) : 50 else {
                boardUsageError("--press needs NAME:AT_MS[:HOLD_MS]")
            }
            presses.append((parts[0], at, hold))
        case "-X":
            if value() == "gcstress" { opts.gcStress = true } else { boardUsageError("unknown -X option") }
        default: boardUsageError("unknown option '\(a)'")
        }
        i += 1
    }
    let board: Board
    do { board = try Board(opts) } catch { boardUsageError("\(error)") }
    for (name, at, hold) in presses {
        if name == "RST" {
            board.schedule(.reset, atMillis: at)
        } else {
            guard board.definition.buttons.contains(where: { $0.name == name }) else { boardUsageError("no button '\(name)' on this board") }
            board.schedule(.button(name, pressed: true), atMillis: at)
            board.schedule(.button(name, pressed: false), atMillis: at + hold)
        }
    }
    if let path = runFile {
        guard let source = readWholeFile(path) else {
            writeErr("microboard: can't open file '\(path)': [Errno 2] No such file or directory\n")
            exit(2)
        }
        Py.stderrWrite = { Py.stdoutWrite($0) }
        mb_install_sigint()
        let status = board.run(.script(path: path, source: source))
        mb_restore_sigint()
        exit(status)
    }
    let console = TerminalLines(board)
    mb_install_sigint()
    let status = board.run(.interactive(repl: { console.repl($0) }))
    mb_restore_sigint()
    exit(status)
}

func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n <= 0 { break }
        out += chunk[0..<n]
    }
    return out
}

/// Lines from the terminal, read on their own thread so the board idles (and runs its
/// interrupts) while waiting: the interim console until the REPL engine is wired in.
final class TerminalLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [[UInt8]?] = []
    private let board: Board
    private var started = false

    init(_ b: Board) { board = b }

    private func startReader() {
        guard !started else { return }
        started = true
        let t = Thread { [self] in
            while true {
                let line = readLine(strippingNewline: true).map { Array($0.utf8) }
                lock.lock()
                lines.append(line)
                lock.unlock()
                board.wake()
                if line == nil { return }
            }
        }
        t.start()
    }

    func next() -> [UInt8]?? {
        startReader()
        var got: [UInt8]?? = .none
        let ok = board.waitForInput { [self] in
            lock.lock()
            if !lines.isEmpty { got = .some(lines.removeFirst()) }
            lock.unlock()
            return got != nil
        }
        return ok ? got : .none
    }

    func repl(_ b: Board) -> BoardReplExit {
        Py.stdoutWrite(Array(Interpreter.banner.utf8))
        var buffer: [UInt8] = []
        while true {
            Py.stdoutWrite(Array((buffer.isEmpty ? ">>> " : "... ").utf8))
            guard let item = next() else { return .eof }   // reset or quit requested
            guard let line = item else {
                Py.stdoutWrite([10])
                return .eof
            }
            if line == [4] { return .softReset }
            if buffer.isEmpty && line.isEmpty { continue }
            if !buffer.isEmpty { buffer.append(10) }
            buffer += line
            if !line.isEmpty && Interpreter.needsMoreInput(buffer) { continue }
            let outcome = Interpreter.runREPLInput(buffer + [10])
            buffer = []
            if case .systemExit = outcome { return .softReset }
        }
    }
}
