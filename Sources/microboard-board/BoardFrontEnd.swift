import Board
import BoardWindow
import CSupport
import Foundation
import Glibc
import MicroPythonCore
import SerialLink

// The interactive board: the REPL engine on a serial link (the pyboard's USB VCP) and the SDL
// window, both wired to the running board through its thread-safe mailbox. The board runs on its
// own thread; the window, when there is one, owns the main thread (SDL requires it).

/// The board's REPL console: bytes from a serial link; while none is waiting the board idles
/// (its clock, interrupts and scheduled callbacks run) until a byte arrives or it must reset.
final class BoardConsole: ReplConsole {
    let port: SerialPort
    unowned let board: Board
    /// Bytes go to the wire with "\n" as "\r\n" (false for a terminal that adds "\r" itself).
    let cookOutput: Bool
    /// The byte that ends the emulator from the terminal (Ctrl-]); nil on PTY/TCP links.
    let quitByte: UInt8?
    private var executing = false

    init(port: SerialPort, board: Board, cookOutput: Bool, quitByte: UInt8?) {
        self.port = port
        self.board = board
        self.cookOutput = cookOutput
        self.quitByte = quitByte
        port.onReceive = { [unowned board] in board.wake() }
    }

    func readByte() throws -> UInt8? {
        while true {
            if executing { try Py.poll() }
            if let b = port.readByte(timeout: 0) {
                if let q = quitByte, b == q { board.post(.quit); return nil }
                return b
            }
            // pyb.repl_uart: the REPL also reads the UART it is repeated on
            if let b = board.replUARTInput() { return b }
            if port.isClosed { return nil }
            let ready = board.waitForInput { [port, board] in port.input.count > 0 || port.isClosed || board.replUARTHasInput }
            if !ready { return nil }   // a reset or quit was requested: the board's loop takes over
        }
    }

    func write(_ bytes: [UInt8]) {
        port.write(bytes)
        board.mirrorToReplUART(bytes)   // prompts and echo; print() output is mirrored by the core
    }

    func writeOutput(_ bytes: [UInt8]) { port.write(cookOutput ? cookNewlines(bytes) : bytes) }

    func setInterruptChar(_ char: Int) {
        executing = char >= 0
        port.interruptChar = char
    }
}

/// The window's view of the board: a snapshot of the published state, events into the mailbox.
final class BoardWindowAdapter: BoardWindowModel {
    let board: Board
    let layout: BoardLayout
    let title: String
    private let finished = Atomic()

    init(board: Board, layout: BoardLayout) {
        self.board = board
        var layout = layout
        // Attached displays get a panel beside the board's own panels: the 128x32 LCD skin drawn
        // larger, so its pixels read as they do on the small glass.
        for d in board.displayPanels where !layout.panels.contains(where: { $0.name == d.name }) {
            layout.panels.append(.display(name: d.name, title: d.title, width: d.width, height: d.height,
                                          pixelScale: d.kind == .lcd ? 3 : 2, colour: Colour(0x9F, 0xE8, 0xFF)))
        }
        self.layout = layout
        title = "microboard — \(board.definition.name)"
    }

    func snapshot() -> BoardSnapshot {
        let s = board.state
        var leds: [Int: Double] = [:]
        for (i, v) in s.leds.enumerated() { leds[i + 1] = v }
        var displays: [String: MonoFramebuffer] = [:]
        var colour: [String: ColourFramebuffer] = [:]
        for d in s.displays {
            switch d.kind {
            case .oled:
                displays[d.name] = MonoFramebuffer(width: d.width, height: d.height, bytes: d.pages)
            case .lcd:
                displays[d.name] = MonoFramebuffer(width: d.width, height: d.height, bytes: d.pages, displayOn: d.lit,
                                                   backlight: d.backlight, contrast: d.contrast)
            case .colour:
                colour[d.name] = ColourFramebuffer(width: d.width, height: d.height, rgb565: d.rgb565,
                                                   brightness: d.backlight, displayOn: d.lit)
            }
        }
        return BoardSnapshot(leds: leds, virtualTime: Double(s.virtualMicros) / 1e6, speedPercent: s.speedPercent,
                             heapUsed: s.heapUsed, heapTotal: s.heapTotal, clockMode: s.clockMode.rawValue,
                             paused: s.paused, displays: displays, colourDisplays: colour, sliderValues: s.sensors)
    }

    func post(_ event: BoardWindowEvent) {
        switch event {
        case .button(let name, let pressed):
            // RST resets on release, as the reset line does (hold USR, click RST: boot modes)
            if name == "RST" { if !pressed { board.post(.reset) } } else { board.post(.button(name, pressed: pressed)) }
        case .reset: board.post(.reset)
        case .pauseToggle: board.post(board.state.paused ? .resume : .pause)
        case .step: board.post(.step)
        case .slider(let name, let value):
            // "accel.x": device "accel", setting "x"
            guard let dot = name.lastIndex(of: ".") else { return }
            board.post(.setSensor(String(name[..<dot]), String(name[name.index(after: dot)...]), value))
        case .sdCardToggle: board.post(.sdCard(inserted: !board.state.sdCardInserted))
        case .touch(let name, let x, let y, let pressed):
            // displays with a touch panel (the LCD160CR) take it as their touch settings
            guard (try? board.validateSensor(name, "touch", 1)) != nil else { return }
            if pressed {
                board.post(.setSensor(name, "x", Double(x)))
                board.post(.setSensor(name, "y", Double(y)))
            }
            board.post(.setSensor(name, "touch", pressed ? 1 : 0))
        case .quit: board.post(.quit)
        }
    }

    var isFinished: Bool { finished.value }
    func finish() { finished.value = true }
}

/// A flag set on one thread and read on another.
final class Atomic: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var v = false
    init() { pthread_mutex_init(&lock, nil) }
    var value: Bool {
        get { pthread_mutex_lock(&lock); defer { pthread_mutex_unlock(&lock) }; return v }
        set { pthread_mutex_lock(&lock); v = newValue; pthread_mutex_unlock(&lock) }
    }
}

/// What the interactive board shows and where its REPL is.
struct FrontEndOptions {
    var serial = "stdio"            // stdio | pty | tcp:PORT
    var serialLink: String? = nil
    var window = true               // false: --headless
    var screenshot: (path: String, atMs: Int)? = nil
}

/// Runs the board with its REPL on the chosen link and, when a display is there, the window.
func runInteractiveBoard(_ board: Board, _ fe: FrontEndOptions) -> Int32 {
    let port: SerialPort
    do {
        switch fe.serial {
        case "pty": port = try PtyTransport(link: fe.serialLink)
        case "stdio": port = StdioTransport()
        default:
            guard fe.serial.hasPrefix("tcp:"), let n = UInt16(fe.serial.dropFirst(4)) else { boardUsageError("--serial needs pty, stdio or tcp:PORT") }
            port = try TcpTransport(port: n)
        }
    } catch {
        writeErr("microboard: \(error)\n")
        return 1
    }
    let onTerminal = fe.serial == "stdio"
    if !onTerminal { writeOut(port.endpoint + "\n") }
    // a terminal adds "\r" itself (raw mode keeps ONLCR); other links get "\r\n" as from a board
    let console = BoardConsole(port: port, board: board, cookOutput: !(onTerminal && isatty(1) != 0),
                               quitByte: onTerminal && isatty(0) != 0 ? 0x1D : nil)
    // boot.py/main.py output and "MPY: soft reboot" go to the same wire as the REPL's
    Py.stdoutWrite = { console.writeOutput($0) }
    Py.stderrWrite = { console.writeOutput($0) }
    // boot.py/main.py can be interrupted from the link, as pyexec_file allows
    board.setInterruptChar = { console.setInterruptChar($0) }
    if onTerminal && isatty(0) != 0 {
        writeOut("microboard: \(board.definition.name) — Ctrl-] quits, Ctrl-D soft-resets\r\n")
    }

    let status = runWithFrontEnd(board, fe, .interactive(repl: { _ in
        switch Interpreter.runRepl(console, boardMode: true) {
        case .softReset: return .softReset
        case .eof: return .eof
        case .systemExit(let n): return .systemExit(n)
        }
    }))
    port.close()
    removeLinks()
    return status
}

/// Runs `program` on its board thread while the main thread shows the window (or, headless,
/// takes the screenshot); returns the board's exit status.
func runWithFrontEnd(_ board: Board, _ fe: FrontEndOptions, _ program: BoardProgram) -> Int32 {
    var layout: BoardLayout? = nil
    if let text = BoardDefinition.layoutJSON(board.definition.id) { layout = try? BoardLayout.decode(json: text) }
    let wantWindow = fe.window && layout != nil && BoardWindow.displayAvailable()
    if let shot = fe.screenshot, board.options.clockMode != .realtime {
        // fast clocks outrun the window's frames: stop the board at the moment to show
        board.schedule(.pause, atMillis: Double(shot.atMs))
    }

    final class Status: @unchecked Sendable { var code: Int32 = 0 }
    let status = Status()
    let adapter = layout.map { BoardWindowAdapter(board: board, layout: $0) }
    let done = DispatchSemaphore(value: 0)
    let runner = Thread {
        status.code = board.run(program)
        adapter?.finish()
        done.signal()
    }
    runner.start()

    if wantWindow, let adapter {
        let shot = fe.screenshot.map { BoardWindowOptions.Screenshot(path: $0.path, atMs: $0.atMs) }
        do {
            try BoardWindow.run(model: adapter, options: BoardWindowOptions(screenshot: shot, quitAfterScreenshot: true))
        } catch {
            writeErr("microboard: window: \(error)\n")
        }
        board.post(.quit)
    } else if let shot = fe.screenshot, let adapter {
        do { try BoardWindow.headlessScreenshot(model: adapter, path: shot.path, atMs: shot.atMs) } catch {
            writeErr("microboard: \(error)\n")
        }
        board.post(.quit)
    }
    done.wait()
    return status.code
}
