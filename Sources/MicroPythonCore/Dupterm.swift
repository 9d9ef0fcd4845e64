// os.dupterm: up to three stream objects that mirror the terminal, as MicroPython's
// extmod/os_dupterm.c. Everything written to stdout and stderr is also written to each attached
// stream; input waiting on an attached stream is read (non-blocking) before the terminal's own.
// A stream whose write or read raises is detached with a message, as MicroPython does.
// The board's REPL (serial helper) pulls dupterm input with `Py.duptermRead()` and may take over
// os.dupterm_notify through `duptermNotifyHook`; without a hook, notify queues the bytes for
// input() and sys.stdin.
// Slots live in a list in the root table, so attached streams survive collections.

enum Dupterm {
    static let slots = 3
    nonisolated(unsafe) static var busy = false          // a stream's own output is not mirrored again
    nonisolated(unsafe) static var pending: [UInt8] = [] // read by notify, not yet consumed

    static func slotList() throws -> Obj {
        var l = getRoot(.dupterm)
        if !l.isType(.list) {
            l = try newList([Obj](repeating: .none, count: slots))
            setRoot(.dupterm, l)
        }
        return l
    }

    static var active: Bool {
        let l = getRoot(.dupterm)
        guard l.isType(.list) else { return false }
        for i in 0..<listLen(l) where listItems(l)[i] != .none { return true }
        return false
    }

    /// os.dupterm(stream, index=0): attaches (None detaches); returns the previous stream.
    static func set(_ a: Args) throws -> Obj {
        let index = a.count > 1 ? try intToInt(a[1]) : 0
        guard index >= 0 && index < slots else { throw valueError("invalid dupterm index") }
        let l = try slotList()
        let prev = listItems(l)[index]
        if let s = a.opt(0), s != .none {
            guard try findAttr(s, qobj("write")) != nil else { throw osError(EINVAL_CODE, "stream operation not supported") }
            listItems(l)[index] = s
        } else if a.count == 0 {
            return prev
        } else {
            listItems(l)[index] = .none
        }
        return prev
    }

    static func detach(_ i: Int, _ what: String, _ error: Error) {
        let l = getRoot(.dupterm)
        if l.isType(.list) && i < listLen(l) { listItems(l)[i] = .none }
        // on the terminal itself (not stderr), as MicroPython prints it
        stdoutWrite(Array(("dupterm: Exception in \(what) method, deactivating: " + formatException(error.exc)).utf8))
    }

    /// Mirrors terminal output to the attached streams.
    static func mirror(_ bytes: [UInt8]) {
        if busy || bytes.isEmpty || !active { return }
        busy = true
        defer { busy = false }
        let l = getRoot(.dupterm)
        for i in 0..<min(slots, listLen(l)) {
            let s = listItems(l)[i]
            if s == .none { continue }
            do {
                let b = try newBytes(bytes)
                let keep = pushRoot(b)
                defer { popRoots(to: keep) }
                _ = try callMethodNamed(s, "write", [b])
            } catch {
                detach(i, "write()", error)
            }
        }
    }

    /// Bytes available now on the attached streams (each asked for what it has, without waiting).
    static func read(max: Int = 256) -> [UInt8] {
        guard active, !busy else { return [] }
        busy = true
        defer { busy = false }
        var out: [UInt8] = []
        let l = getRoot(.dupterm)
        for i in 0..<min(slots, listLen(l)) {
            let s = listItems(l)[i]
            if s == .none { continue }
            do {
                while out.count < max {
                    let r: Obj
                    if try findAttr(s, qobj("readinto")) != nil {
                        let buf = try newBytearray(count: 1)
                        let keep = pushRoot(buf)
                        defer { popRoots(to: keep) }
                        let n = try callMethodNamed(s, "readinto", [buf])
                        if n == .none { break }
                        let count = try intToInt(n)
                        if count <= 0 { break }
                        r = buf
                    } else {
                        r = try callMethodNamed(s, "read", [Obj(small: 1)])
                        if r == .none { break }
                    }
                    guard let p = stdBufferPointer(r), let c = p.first else { break }
                    out.append(c)
                }
            } catch {
                detach(i, "read()", error)
            }
        }
        return out
    }

    /// os.dupterm_notify(obj): input arrived on a dupterm stream.
    static func notify() {
        if let hook = duptermNotifyHook { hook(); return }
        pending += read()
    }
}

/// Called by os.dupterm_notify when the board's REPL takes dupterm input itself.
nonisolated(unsafe) var duptermNotifyHook: (() -> Void)? = nil

/// Terminal output: the host/board stream, then the dupterm streams.
func emitStdout(_ b: [UInt8]) {
    stdoutWrite(b)
    terminalMirrorHook?(b)
    Dupterm.mirror(b)
}

func emitStderr(_ b: [UInt8]) {
    stderrWrite(b)
    terminalMirrorHook?(b)
    Dupterm.mirror(b)
}

/// A native copy of terminal output (a board's pyb.repl_uart), besides the dupterm streams.
nonisolated(unsafe) var terminalMirrorHook: (([UInt8]) -> Void)? = nil

/// A line of terminal input (without its newline): a complete line already read from a dupterm
/// stream, else the terminal's own line. nil at end of input.
func readStdinLine() throws -> [UInt8]? {
    Dupterm.pending += Dupterm.read()
    if let nl = Dupterm.pending.firstIndex(where: { $0 == 10 || $0 == 13 }) {
        let line = Array(Dupterm.pending[..<nl])
        var rest = nl + 1
        if Dupterm.pending[nl] == 13 && rest < Dupterm.pending.count && Dupterm.pending[rest] == 10 { rest += 1 }
        Dupterm.pending.removeFirst(rest)
        return line
    }
    return try stdinReadLine()
}
