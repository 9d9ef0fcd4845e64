import CSupport

// The REPL as MicroPython's shared/runtime/pyexec.c runs it, over any byte console: the friendly
// REPL (banner, prompts, line editing, continuation lines, paste mode) and the raw REPL used by
// tools (mpremote, pyboard.py, run-tests), with raw-paste mode and its flow control. The bytes on
// the wire follow shared/notes/run-tests-contract.md §3.4 and §5.
//
// While it runs, `runRepl` routes print()/tracebacks (stdoutWrite/stderrWrite), input()
// (stdinReadLine), and sys.stdin/sys.stdout.buffer byte I/O (stdinReadByte, stdoutWriteRaw,
// stdinPollHook) to the console, and restores the previous hooks when it returns.

/// A byte stream carrying a REPL (a UART, a PTY, a TCP client, the terminal).
public protocol ReplConsole: AnyObject {
    /// Blocks until a byte arrives (the board runs its idle work meanwhile); nil = input closed.
    /// May throw a Python exception (KeyboardInterrupt) while code runs and waits for input.
    func readByte() throws -> UInt8?
    /// Writes bytes as given (the REPL itself emits "\r\n" line ends, as pyexec does).
    func write(_ bytes: [UInt8])
    /// Program output (print, tracebacks, help): by default "\n" becomes "\r\n", as a board's
    /// mp_hal_stdout_tx_strn_cooked does. A terminal that adds the "\r" itself (ONLCR) overrides this.
    func writeOutput(_ bytes: [UInt8])
    /// Code starts running (`char` = the keyboard-interrupt byte, normally 3) or stops (-1). While
    /// it is set, the transport turns that byte into `Py.interrupt()` instead of queueing it.
    func setInterruptChar(_ char: Int)
    /// True when `readByte` would return at once (select/poll on sys.stdin). A console that
    /// cannot tell says true: a poll then returns and the read waits.
    func inputAvailable() -> Bool
}

extension ReplConsole {
    public func writeOutput(_ bytes: [UInt8]) { write(cookNewlines(bytes)) }
    public func setInterruptChar(_ char: Int) {}
    public func inputAvailable() -> Bool { true }
}

/// "\n" -> "\r\n", as MicroPython's cooked stdout.
public func cookNewlines(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(10) else { return bytes }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 8)
    for b in bytes {
        if b == 10 { out.append(13) }
        out.append(b)
    }
    return out
}

public enum ReplExit: Equatable {
    case softReset          // board: Ctrl-D on an empty line, raw-REPL Ctrl-D, SystemExit
    case eof                // input closed; host runner: Ctrl-D
    case systemExit(Int32)  // host runner: SystemExit from the friendly REPL
}

public enum ReplMode: Equatable { case friendly, raw }

private let ctrlA: UInt8 = 1, ctrlB: UInt8 = 2, ctrlC: UInt8 = 3, ctrlD: UInt8 = 4, ctrlE: UInt8 = 5

extension Interpreter {
    /// The REPL kind; survives a soft reset as pyexec_mode_kind does (a soft reset from the raw
    /// REPL comes back in the raw REPL). The board skips main.py when this is `.raw`.
    nonisolated(unsafe) public static var replMode: ReplMode = .friendly

    /// pyb.repl_info: after each friendly-REPL input, print its run time, the qstr pool and the
    /// heap after a collection (pyexec's repl_display_debugging_info; not cleared by a soft reset).
    nonisolated(unsafe) public static var replDebugInfo = false

    /// The raw-paste flow-control window (MICROPY_REPL_STDIN_BUFFER_MAX / 2).
    public static let rawPasteWindow = 128

    /// Runs the friendly/raw REPL on `console` until Ctrl-D soft reset (board), end of input, or SystemExit.
    /// `boardMode`: Ctrl-D on empty line and SystemExit/raw-REPL Ctrl-D = soft reset (returns .softReset);
    /// host runner mode: Ctrl-D exits (.eof) as the unix port does.
    /// The caller prints "MPY: soft reboot" and resets; the next call resumes in `replMode`.
    public static func runRepl(_ console: ReplConsole, boardMode: Bool) -> ReplExit {
        let session = ReplSession(console: console, boardMode: boardMode)
        let savedOut = stdoutWrite, savedErr = stderrWrite, savedIn = stdinReadLine
        let savedRawOut = stdoutWriteRaw, savedByte = stdinReadByte, savedPoll = stdinPollHook, savedKind = stdinKind
        stdoutWrite = { [unowned console] b in console.writeOutput(b) }
        stderrWrite = { [unowned console] b in console.writeOutput(b) }
        stdinReadLine = { [unowned session] in try session.readInputLine() }
        stdoutWriteRaw = { [unowned console] b in console.write(b) }
        stdinReadByte = { [unowned console] in try console.readByte() }
        stdinPollHook = { [unowned console] in console.inputAvailable() }
        stdinKind = boardMode ? .boardConsole : .terminal
        defer {
            stdoutWrite = savedOut
            stderrWrite = savedErr
            stdinReadLine = savedIn
            stdoutWriteRaw = savedRawOut
            stdinReadByte = savedByte
            stdinPollHook = savedPoll
            stdinKind = savedKind
            kbdIntrChanged = nil
        }
        while true {
            let exit = replMode == .raw ? session.rawRepl() : session.friendlyRepl()
            if let e = exit { return e }
        }
    }
}

/// What running one REPL input ended with.
enum ReplRunResult { case ok, exception, systemExit(Int32) }

final class ReplSession {
    let console: ReplConsole
    let boardMode: Bool
    lazy var editor = ReplLineEditor(write: { [unowned self] in self.console.write($0) },
                                     writeText: { [unowned self] in self.console.writeOutput($0) },
                                     complete: replComplete)

    init(console: ReplConsole, boardMode: Bool) {
        self.console = console
        self.boardMode = boardMode
    }

    func out(_ s: String) { console.write(Array(s.utf8)) }

    /// A byte, or nil when the input is closed. Exceptions cannot happen here: code is not running.
    func read() -> UInt8? {
        while true {
            do { return try console.readByte() } catch { continue }
        }
    }

    var forcedExit: ReplExit { boardMode ? .softReset : .eof }

    // MARK: - friendly REPL

    func friendlyRepl() -> ReplExit? {
        console.write(cookNewlines(Array(Interpreter.banner.utf8)))
        while true {
            rt.pointee.heapLockDepth = 0      // a REPL with the heap locked could do nothing
            editor.start([], prompt: ps1)
            var kind = CompileMode.single
            guard let ret = readEditedLine() else { return .eof }
            switch ret {
            case 0:
                if editor.line.isEmpty { continue }
                var cancelled = false
                while replContinueWithInput(editor.line) {
                    editor.appendNewline()
                    editor.noteNewline(prompt: ps2)
                    guard let r = readContinuation() else { return .eof }
                    if r == Int(ctrlC) { out("\r\n"); cancelled = true; break }
                    if r == Int(ctrlD) { break }
                }
                if cancelled { continue }
            case Int(ctrlA):
                out("\r\n")
                Interpreter.replMode = .raw
                return nil
            case Int(ctrlB):
                out("\r\n")
                console.write(cookNewlines(Array(Interpreter.banner.utf8)))
                continue
            case Int(ctrlC):
                out("\r\n")
                continue
            case Int(ctrlD):
                out("\r\n")
                return forcedExit
            case Int(ctrlE):
                out("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
                if readPaste() == nil { continue }
                kind = .file
            default:
                continue
            }
            let source = kind == .file ? pasteBuffer : editor.line
            let started = timeSource.monotonicMicros()
            let result = run(source, mode: kind, rawFraming: false)
            if Interpreter.replDebugInfo { printDebugInfo(since: started) }
            switch result {
            case .systemExit(let n): return boardMode ? .softReset : .systemExit(n)
            default: break
            }
        }
    }

    /// pyexec's debugging info: "took N ms", the qstr pool, then gc_collect() and gc_dump_info().
    private func printDebugInfo(since started: UInt64) {
        let ms = (timeSource.monotonicMicros() &- started) / 1000
        let n = qstrs.count
        var out = "took \(ms) ms\n"
        out += "qstr:\n  n_pool=1\n  n_qstr=\(n)\n  n_str_data_bytes=\(qstrs.bytesUsed)\n  n_total_bytes=\(qstrs.bytesUsed + n * 16)\n"
        gcCollect()
        let info = heapInfo()
        out += "GC: total: \(info.total), used: \(info.used), free: \(info.free)\n"
        out += " No. of 1-blocks: \(info.oneBlocks), 2-blocks: \(info.twoBlocks), max blk sz: \(info.maxBlock), max free sz: \(info.maxFree)\n"
        emitStdout(Array(out.utf8))
    }

    var ps1: String { "\(sysPrompt("ps1") ?? ">>> ")" }
    var ps2: String { "\(sysPrompt("ps2") ?? "... ")" }

    private func sysPrompt(_ name: String) -> String? {
        guard let sys = try? sysModulesMap().get(qobj("sys")),
              let v = try? loadAttrOpt(sys, qobj(name)), isStr(v) else { return nil }
        return swiftString(v)
    }

    /// Reads keys until the editor returns Enter or a control character; nil when input closed.
    private func readEditedLine() -> Int? {
        while true {
            guard let c = read() else { return nil }
            if let r = editor.process(c) { return r }
        }
    }

    /// A continuation line: only Ctrl-C (cancel) and Ctrl-D (run now) matter among the controls.
    private func readContinuation() -> Int? {
        while true {
            guard let r = readEditedLine() else { return nil }
            if r == 0 || r == Int(ctrlC) || r == Int(ctrlD) { return r }
        }
    }

    private var pasteBuffer: [UInt8] = []

    /// Paste mode: bytes are kept raw and echoed; "\r" echoes as a new "=== " line. nil = cancelled.
    private func readPaste() -> [UInt8]? {
        pasteBuffer = []
        var lastCR = false
        while true {
            guard let c = read() else { return nil }
            if c == ctrlC { out("\r\n"); return nil }
            if c == ctrlD { out("\r\n"); return pasteBuffer }
            // a lone "\n" (from a pipe or socat) ends a line like "\r"; "\r\n" counts once
            if c == 10 && lastCR { lastCR = false; pasteBuffer.append(10); continue }
            lastCR = c == 13
            pasteBuffer.append(c)
            if c == 13 || c == 10 { out("\r\n=== ") } else { console.write([c]) }
        }
    }

    // MARK: - raw REPL

    func rawRepl() -> ReplExit? {
        out("raw REPL; CTRL-B to exit\r\n")
        var line: [UInt8] = []
        out(">")
        while true {
            guard let c = read() else { return .eof }
            switch c {
            case ctrlA:
                if line.count == 2 && line[0] == ctrlE {
                    if let e = rawPaste(command: line[1]) { return e }
                    line = []
                    out(">")
                    continue
                }
                out("raw REPL; CTRL-B to exit\r\n")
                line = []
                out(">")
            case ctrlB:
                out("\r\n")
                Interpreter.replMode = .friendly
                return nil
            case ctrlC:
                line = []
            case ctrlD:
                out("OK")
                if line.isEmpty {
                    out("\r\n")
                    return forcedExit
                }
                if case .systemExit(let n) = run(line, mode: .file, rawFraming: true) {
                    return boardMode ? .softReset : .systemExit(n)
                }
                line = []
                out(">")
            default:
                line.append(c)
            }
        }
    }

    /// Raw-paste mode (after Ctrl-E, cmd, Ctrl-A): the host may send `window` bytes ahead; each
    /// time that many are consumed the device sends 0x01. Ctrl-D ends the data, Ctrl-C aborts it.
    private func rawPaste(command: UInt8) -> ReplExit? {
        guard command == UInt8(ascii: "A") else {
            out("R\u{0}")
            return nil
        }
        let window = Interpreter.rawPasteWindow
        console.write([UInt8(ascii: "R"), 1, UInt8(window & 0xFF), UInt8(window >> 8), 1])
        var data: [UInt8] = []
        var remain = window
        while true {
            guard let c = read() else { return .eof }
            if c == ctrlC || c == ctrlD {
                console.write([ctrlD])
                if c == ctrlC {
                    interruptedPaste()
                    return nil
                }
                break
            }
            data.append(c)
            remain -= 1
            if remain == 0 {
                console.write([1])
                remain = window
            }
        }
        if case .systemExit(let n) = run(data, mode: .file, rawFraming: true) {
            return boardMode ? .softReset : .systemExit(n)
        }
        return nil
    }

    /// Ctrl-C while receiving raw-paste data: KeyboardInterrupt, framed like any other error.
    private func interruptedPaste() {
        console.write([ctrlD])
        if let exc = try? newException(TypeID.KeyboardInterrupt.obj, args: getRoot(.emptyTuple)) {
            printException(exc)
        }
        console.write([ctrlD])
    }

    // MARK: - running code

    /// Compiles and runs `source` in __main__. Raw framing: stdout, 0x04, the traceback, 0x04
    /// (in raw-paste mode the reader has already sent one 0x04 when the data ended).
    func run(_ source: [UInt8], mode: CompileMode, rawFraming: Bool) -> ReplRunResult {
        let mark = rt.pointee.vmStackTop
        mb_sigint_pending = 0                 // a Ctrl-C typed before the code started was a key, not an interrupt
        kbdIntrChar = Int(ctrlC)
        console.setInterruptChar(kbdIntrChar)
        kbdIntrChanged = { [unowned console] c in console.setInterruptChar(c) }
        var failure: Obj? = nil
        do {
            let m = try Interpreter.mainModule()
            _ = pushRoot(m)
            if mode == .file { try dictMap(moduleDict(m)).set(qobj(.__file__), qobj("<stdin>")) }
            let code = try compileSource(source, filename: "<stdin>", mode: mode)
            _ = pushRoot(code)
            _ = try runCode(code, globals: moduleDict(m))
            try pollInterrupts()
        } catch {
            rt.pointee.vmStackTop = mark
            failure = error.exc
        }
        kbdIntrChanged = nil
        console.setInterruptChar(-1)
        mb_sigint_pending = 0                 // a Ctrl-C after the code ended is dropped
        rt.pointee.vmStackTop = mark
        rt.pointee.heapLockDepth = 0
        if rawFraming { console.write([ctrlD]) }
        var result = ReplRunResult.ok
        if let exc = failure {
            setRoot(.handledException, .none)
            let keep = pushRoot(exc)
            if isInstance(exc, .SystemExit) {
                result = .systemExit(systemExitCode(exc))
            } else {
                printException(exc)
                result = .exception
            }
            popRoots(to: keep)
        }
        if rawFraming { console.write([ctrlD]) }
        return result
    }

    private func systemExitCode(_ exc: Obj) -> Int32 {
        let a = excArgs(exc)
        if tupleLen(a) == 0 || tupleItems(a)[0] == .none { return 0 }
        let v = tupleItems(a)[0]
        if let n = smallOrBool(v) { return Int32(truncatingIfNeeded: n) }
        if boardMode { return 1 }             // a board just soft-resets
        var buf: [UInt8] = []
        try? appendStr(v, &buf)
        buf.append(10)
        stderrWrite(buf)
        return 1
    }

    // MARK: - input() while code runs

    /// input() and sys.stdin.readline() on the console: the line editor with an empty prompt, as
    /// on a board. Ctrl-D on an empty line is end of input; Ctrl-C raises KeyboardInterrupt.
    func readInputLine() throws -> [UInt8]? {
        let ed = ReplLineEditor(write: { [unowned self] in self.console.write($0) },
                                writeText: { [unowned self] in self.console.writeOutput($0) },
                                complete: { _ in .none })
        ed.start([], prompt: "")
        while true {
            guard let c = try console.readByte() else { return nil }
            guard let r = ed.process(c) else { continue }
            switch r {
            case 0: return ed.line
            case Int(ctrlC): throw PyErr(try newException(TypeID.KeyboardInterrupt.obj, args: getRoot(.emptyTuple)))
            case Int(ctrlD): return nil
            default: continue
            }
        }
    }
}
