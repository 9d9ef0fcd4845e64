import Glibc

// sys.stdin, sys.stdout, sys.stderr and their shared `.buffer`, as MicroPython's
// shared/runtime/sys_stdio_mphal.c: text streams whose output is "cooked" (a board's console turns
// "\n" into "\r\n") and whose input on a board console reads raw bytes with "\r" read as "\n"; and
// one binary stream (`sys.stdin.buffer is sys.stdout.buffer`) that reads stdin and writes stdout
// byte for byte, with no echo, line editing or newline translation. Tools such as mpremote's
// `mount` exchange binary frames through it.
//
// Objects: [type][fd][flags], flags bit0 = binary. Both live in flash.

/// Raw bytes to stdout (sys.stdout.buffer): no "\n" -> "\r\n" on a board console.
nonisolated(unsafe) var stdoutWriteRaw: ([UInt8]) -> Void = { b in writeFD(1, b) }
/// One raw byte of stdin (sys.stdin.buffer, sys.stdin.read): nil = end of input. May throw
/// (KeyboardInterrupt while a console waits).
nonisolated(unsafe) var stdinReadByte: () throws -> UInt8? = { try readByteFD(0) }

/// How text-mode sys.stdin reads.
enum StdinKind {
    /// A host file or pipe (fd 0): bytes as they come.
    case file
    /// A board's console (raw bytes): "\r" reads as "\n", readline does not echo.
    case boardConsole
    /// The host runner's terminal REPL: readline edits and echoes the line, as a terminal in
    /// canonical mode does for the unix port while code runs.
    case terminal
}

nonisolated(unsafe) var stdinKind = StdinKind.file

/// One byte from a host file descriptor; a signal (Ctrl-C) raises KeyboardInterrupt.
func readByteFD(_ fd: Int32) throws -> UInt8? {
    var c: UInt8 = 0
    while true {
        var r = 0
        allowThreads { r = read(fd, &c, 1) }
        if r == 1 { return c }
        if r < 0 && errno == EINTR { try pollInterrupts(); continue }
        return nil
    }
}

enum ObjStream {
    /// The text streams' type (sys.stdin/stdout/stderr).
    nonisolated(unsafe) static var streamType = Obj.null
    /// The binary stream's type (their `.buffer`).
    nonisolated(unsafe) static var bufferType = Obj.null
    nonisolated(unsafe) static var buffer = Obj.null

    static let pollRequest = 3, pollIn = 1, pollOut = 4

    static func fd(_ s: Obj) -> Int32 { Int32(s.w(1)) }
    static func isBinary(_ s: Obj) -> Bool { s.w(2) & 1 != 0 }

    static let methods: [NativeSpec] = [
        method("write", 2, 4) { a throws in try write(a) },
        method("read", 1, 2) { a throws in
            let n = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
            return try result(a[0], try readBytes(a[0], count: n))
        },
        method("readinto", 2, 3) { a throws in
            let room = try stdWritableBuffer(a[1]).count
            var n = room
            if a.count > 2 && a[2] != .none { n = min(room, max(0, try intToInt(a[2]))) }
            let data = try readRaw(a[0], n)
            // the buffer is looked up again: reading may have run Python code (scheduled callbacks)
            let dst = try stdWritableBuffer(a[1])
            for (i, b) in data.prefix(dst.count).enumerated() { dst[i] = b }
            return Obj(small: data.count)
        },
        method("readline", 1, 2) { a throws in
            let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
            return try result(a[0], try readLine(a[0], limit: limit))
        },
        method("readlines", 1) { a throws in
            let l = try newList(count: 0)
            let keep = pushRoot(l)
            defer { popRoots(to: keep) }
            while true {
                let line = try readLine(a[0], limit: -1)
                if line.isEmpty { return l }
                try listAppend(l, try result(a[0], line))
            }
        },
        method("ioctl", 3) { a throws in
            let req = try intToInt(a[1])
            switch req {
            case pollRequest: return Obj(small: ready(a[0], try intToInt(a[2])))
            case 4: return Obj(small: 0)                 // MP_STREAM_CLOSE: stdio stays open
            default: throw osError(EINVAL)
            }
        },
        method("flush", 1) { _ throws in .none },
        method("close", 1) { _ throws in .none },
        method("__enter__", 1) { a throws in a[0] },
        method("__exit__", 1, NativeSpec.varArgs) { _ throws in .none },
        method("fileno", 1) { a throws in Obj(small: Int(fd(a[0]))) },
        method("isatty", 1) { a throws in .bool(isatty(fd(a[0])) != 0) },
        method("__repr__", 1) { a throws in
            try newStr("<io.\(isBinary(a[0]) ? "FileIO" : "TextIOWrapper") \(fd(a[0]))>")
        },
    ]

    static func register() {
        let wasBuilding = buildingRom
        buildingRom = true
        defer { buildingRom = wasBuilding }
        streamType = makeRomType("TextIOWrapper", methods)
        bufferType = makeRomType("FileIO", methods)
        buffer = make(fd: 0, binary: true)
        // one binary stream for all three, as on MicroPython: it reads stdin and writes stdout
        for t in [streamType, bufferType] { try! dictMap(typeLocals(t)).set(qobj("buffer"), buffer) }
    }

    static func make(fd: Int32, binary: Bool) -> Obj {
        let a = romAllocRaw(bytes: 16)
        let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        w[0] = binary ? bufferType.raw : streamType.raw
        w[1] = UInt32(fd)
        w[2] = binary ? 1 : 0
        return Obj(raw: a)
    }

    /// write(buf), write(buf, max_len), write(buf, off, max_len): bytes written (chars for str).
    static func write(_ a: Args) throws -> Obj {
        let s = a[0], v = a[1]
        var bytes: [UInt8]
        if isStr(v) || isBytesLike(v) { bytes = Array(strBytes(v)) }
        else if v.isType(.memoryview) { bytes = memoryviewBytes(v) }
        else { bytes = try stdBuffer(v) }
        if a.count == 3 {
            bytes = Array(bytes.prefix(max(0, try intToInt(a[2]))))
        } else if a.count == 4 {
            let off = min(bytes.count, max(0, try intToInt(a[2])))
            bytes = Array(bytes[off...].prefix(max(0, try intToInt(a[3]))))
        }
        if isBinary(s) {
            stdoutWriteRaw(bytes)
        } else {
            switch fd(s) {
            case 1: emitStdout(bytes)
            case 2: emitStderr(bytes)
            default: throw osError(EPERM)
            }
        }
        return Obj(small: isStr(v) && a.count == 2 ? charCount(strBytes(v)) : bytes.count)
    }

    static func result(_ s: Obj, _ bytes: [UInt8]) throws -> Obj {
        isBinary(s) ? try newBytes(bytes) : try newStr(bytes)
    }

    /// Up to `n` bytes of stdin (fewer only at end of input); text mode applies the console's
    /// "\r" -> "\n". Output streams cannot be read.
    static func readRaw(_ s: Obj, _ n: Int) throws -> [UInt8] {
        if !isBinary(s) && fd(s) != 0 { throw osError(EPERM) }
        let cr = !isBinary(s) && stdinKind == .boardConsole
        var out: [UInt8] = []
        while n < 0 || out.count < n {
            guard var b = try stdinReadByte() else { break }
            if cr && b == 13 { b = 10 }
            out.append(b)
        }
        return out
    }

    /// read(n): n bytes from the binary stream, n characters from a text one (a UTF-8 character
    /// is read whole); n < 0 reads to the end of input.
    static func readBytes(_ s: Obj, count n: Int) throws -> [UInt8] {
        if isBinary(s) || n < 0 { return try readRaw(s, n) }
        var out: [UInt8] = []
        for _ in 0..<n {
            let first = try readRaw(s, 1)
            guard let b = first.first else { break }
            out.append(b)
            let more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
            if more > 0 { out += try readRaw(s, more) }
        }
        return out
    }

    /// A line including its "\n" ("" at end of input), at most `limit` bytes if limit >= 0.
    static func readLine(_ s: Obj, limit: Int) throws -> [UInt8] {
        if !isBinary(s) && fd(s) == 0 && stdinKind == .terminal {
            guard var line = try readStdinLine() else { return [] }
            line.append(10)
            return limit >= 0 ? Array(line.prefix(limit)) : line
        }
        var out: [UInt8] = []
        while limit < 0 || out.count < limit {
            guard let b = try readRaw(s, 1).first else { break }
            out.append(b)
            if b == 10 { break }
        }
        return out
    }

    /// The events of `mask` ready now: output always, input when a byte is waiting.
    static func ready(_ s: Obj, _ mask: Int) -> Int {
        var r = 0
        if mask & pollOut != 0 && (isBinary(s) || fd(s) != 0) { r |= pollOut }
        if mask & pollIn != 0 && (isBinary(s) || fd(s) == 0) && stdinHasInput() { r |= pollIn }
        return r
    }

    static func stdinHasInput() -> Bool {
        if let hook = stdinPollHook { return hook() }
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&p, 1, 0) > 0 && p.revents & Int16(POLLIN | POLLHUP) != 0
    }
}
