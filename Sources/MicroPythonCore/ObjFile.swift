import Glibc

// Files of the host runner: open() on host paths, as MicroPython's unix port (VfsPosix) does.
// A file object is [type][fd][flags]: flags bit0 binary, bit1 readable, bit2 writable, bit3 closed.
// The board replaces `openHook` with its VFS.

nonisolated(unsafe) var openHook: ((Obj, String) throws -> Obj)? = nil

enum FileFlag {
    static let binary: UInt32 = 1, readable: UInt32 = 2, writable: UInt32 = 4, closed: UInt32 = 8
}

enum ObjFile {
    nonisolated(unsafe) static var textType = Obj.null
    nonisolated(unsafe) static var binaryType = Obj.null

    static let methods: [NativeSpec] = [
        method("read", 1, 2) { a in
            let f = try openFile(a[0])
            let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
            var out: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 65536)
            while limit < 0 || out.count < limit {
                let want = limit < 0 ? 65536 : min(65536, limit - out.count)
                let n = buf.withUnsafeMutableBytes { Glibc.read(Int32(f.w(1)), $0.baseAddress, want) }
                if n < 0 { if errno == EINTR { continue }; throw osError(errno) }
                if n == 0 { break }
                out += buf[0..<n]
            }
            return try fileResult(f, out)
        },
        method("readline", 1, 2) { a in
            let f = try openFile(a[0])
            return try fileResult(f, try readLineFrom(f))
        },
        method("readlines", 1) { a in
            let f = try openFile(a[0])
            let l = try newList(count: 0)
            let keep = pushRoot(l)
            defer { popRoots(to: keep) }
            while true {
                let line = try readLineFrom(f)
                if line.isEmpty { return l }
                try listAppend(l, try fileResult(f, line))
            }
        },
        method("write", 2) { a in
            let f = try openFile(a[0])
            guard f.w(2) & FileFlag.writable != 0 else { throw osError(EBADF) }
            let v = a[1]
            let bytes: [UInt8]
            if f.w(2) & FileFlag.binary != 0 {
                guard isBytesLike(v) || v.isType(.memoryview) else { throw typeError("object with buffer protocol required") }
                bytes = v.isType(.memoryview) ? memoryviewBytes(v) : Array(strBytes(v))
            } else {
                guard isStr(v) else { throw typeError("write() argument must be str") }
                bytes = Array(strBytes(v))
            }
            var off = 0
            while off < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(Int32(f.w(1)), $0.baseAddress! + off, bytes.count - off) }
                if n < 0 { if errno == EINTR { continue }; throw osError(errno) }
                off += n
            }
            return Obj(small: f.w(2) & FileFlag.binary != 0 ? bytes.count : charCount(strBytes(v)))
        },
        method("close", 1) { a in
            let f = a[0]
            if f.w(2) & FileFlag.closed == 0 {
                Glibc.close(Int32(f.w(1)))
                f.setW(2, f.w(2) | FileFlag.closed)
            }
            return .none
        },
        method("flush", 1) { _ in .none },
        method("seek", 2, 3) { a in
            let f = try openFile(a[0])
            let whence = a.count > 2 ? Int32(try intToInt(a[2])) : SEEK_SET
            let r = lseek(Int32(f.w(1)), off_t(try intToInt(a[1])), whence)
            if r < 0 { throw osError(errno) }
            return try newInt(Int(r))
        },
        method("tell", 1) { a in
            let f = try openFile(a[0])
            let r = lseek(Int32(f.w(1)), 0, SEEK_CUR)
            if r < 0 { throw osError(errno) }
            return try newInt(Int(r))
        },
        method("fileno", 1) { a in Obj(small: Int(try openFile(a[0]).w(1))) },
        method("__enter__", 1) { a in a[0] },
        method("__exit__", 1, 4) { a in
            let f = a[0]
            if f.w(2) & FileFlag.closed == 0 { Glibc.close(Int32(f.w(1))); f.setW(2, f.w(2) | FileFlag.closed) }
            return .none
        },
        method("__iter__", 1) { a in a[0] },
        method("__next__", 1) { a in
            let f = try openFile(a[0])
            let line = try readLineFrom(f)
            if line.isEmpty { throw PyErr(try newException(TypeID.StopIteration.obj, args: getRoot(.emptyTuple))) }
            return try fileResult(f, line)
        },
    ]

    static func register() {
        textType = makeRomType("TextIOWrapper", methods)
        binaryType = makeRomType("FileIO", methods)
    }

    /// open(path, mode='r'): through the filesystem mounted at the path, else on the host.
    static func open(_ a: Args) throws -> Obj {
        guard let p = a.arg(0, "file") else { throw typeError("open() missing file") }
        let modeObj = a.arg(1, "mode") ?? qobj("r")
        _ = try strArg(modeObj)
        guard isStr(p) else { return try hostOpen(a) }
        switch try vfsLookup(swiftString(p)) {
        case .mounted(let vfs, let sub): return try callNamed(vfs, .openName, [try newStr(sub), modeObj])
        case .host: return try hostOpen(a)
        case let t: throw vfsTargetError(t)
        }
    }

    /// open() on the host's own filesystem.
    static func hostOpen(_ a: Args) throws -> Obj {
        guard let p = a.arg(0, "file") else { throw typeError("open() missing file") }
        let mode = try a.arg(1, "mode").map { m in swiftString(try strArg(m)) } ?? "r"
        if let hook = openHook { return try hook(p, mode) }
        guard isStr(p) else { throw typeError("expected str path") }
        var flags: Int32 = 0
        var fileFlags: UInt32 = 0
        var rw = 0
        for c in mode {
            switch c {
            case "r": rw = 0
            case "w": rw = 1
            case "a": rw = 2
            case "x": rw = 3
            case "b": fileFlags |= FileFlag.binary
            case "t": break
            case "+": fileFlags |= FileFlag.readable | FileFlag.writable
            default: throw valueError("invalid mode: '\(mode)'")
            }
        }
        switch rw {
        case 0: flags = O_RDONLY; fileFlags |= FileFlag.readable
        case 1: flags = O_WRONLY | O_CREAT | O_TRUNC; fileFlags |= FileFlag.writable
        case 2: flags = O_WRONLY | O_CREAT | O_APPEND; fileFlags |= FileFlag.writable
        default: flags = O_WRONLY | O_CREAT | O_EXCL; fileFlags |= FileFlag.writable
        }
        if fileFlags & FileFlag.readable != 0 && fileFlags & FileFlag.writable != 0 {
            flags = (flags & ~(O_WRONLY | O_RDONLY)) | O_RDWR
        }
        let fd = Glibc.open(swiftString(p), flags | O_CLOEXEC, 0o666)
        if fd < 0 { throw osError(errno) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            Glibc.close(fd)
            throw osError(EISDIR)
        }
        let f = try allocObj((fileFlags & FileFlag.binary != 0 ? binaryType : textType).raw, words: 3)
        f.setW(1, UInt32(fd))
        f.setW(2, fileFlags)
        return f
    }
}

private func openFile(_ f: Obj) throws -> Obj {
    if f.w(2) & FileFlag.closed != 0 { throw valueError("I/O operation on closed file") }
    return f
}

private func readLineFrom(_ f: Obj) throws -> [UInt8] {
    guard f.w(2) & FileFlag.readable != 0 else { throw osError(EBADF) }
    var out: [UInt8] = []
    var c: UInt8 = 0
    while true {
        let n = Glibc.read(Int32(f.w(1)), &c, 1)
        if n < 0 { if errno == EINTR { continue }; throw osError(errno) }
        if n == 0 { return out }
        out.append(c)
        if c == 10 { return out }
    }
}

private func fileResult(_ f: Obj, _ bytes: [UInt8]) throws -> Obj {
    f.w(2) & FileFlag.binary != 0 ? try newBytes(bytes) : try newStr(bytes)
}

/// A type object in flash with the given methods (for stream-like builtin types).
func makeRomType(_ name: String, _ methods: [NativeSpec], attrs: [(String, Obj)] = [], make: NativeFn? = nil) -> Obj {
    let a = romAllocRaw(bytes: 32)
    let t = Obj(raw: a)
    let w = t.words
    w[0] = TypeID.type.addr
    w[TypeWord.flags] = 0
    w[TypeWord.name] = qobj(name).raw
    let wasBuilding = buildingRom
    buildingRom = true
    let locals = romDict()
    for m in methods { try! dictMap(locals).set(qobj(m.name), m.kind == .method ? makeNative(checkingSelf(m, t)) : nativeClassEntry(m)) }
    for (k, v) in attrs { try! dictMap(locals).set(qobj(k), v) }
    buildingRom = wasBuilding
    w[TypeWord.locals] = locals.raw
    w[TypeWord.bases] = romTuple([]).raw
    w[TypeWord.mro] = romTuple([t, TypeID.object.obj]).raw
    w[TypeWord.nativeBase] = TypeID.object.addr
    if let m = make { w[TypeWord.extra] = makeNative(fn(name, 0, NativeSpec.varArgs, kw: true, m)).raw }
    return t
}
