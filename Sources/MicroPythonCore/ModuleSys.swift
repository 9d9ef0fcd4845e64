// The sys module (the host runner's view; the board overrides platform and streams).

/// Identity of the port, set by the front end before start-up.
public struct PortInfo {
    public var platform = "linux"
    public var machine = "linux [Swift] with x86_64"
    public var mpyValue = 2822          // .mpy v6, sub-version 3, arch x64
    public var maxsize: Int = Int.max
    public var versionString = "v1.28.0"
    public var buildDate = "2026-11-21"
    public init() {}
}

nonisolated(unsafe) public var portInfo = PortInfo()
nonisolated(unsafe) var atexitCallback = Obj.null

/// A byte stream on a file descriptor: [type][fd][flags]; flags bit0 = binary (the .buffer view).
enum ObjStream {
    static var streamType = Obj.null

    static func register() {
        let methods: [NativeSpec] = [
            method("write", 2) { a throws in
                let s = a[0], v = a[1]
                let bytes: [UInt8]
                if isStr(v) || isBytesLike(v) { bytes = Array(strBytes(v)) }
                else if v.isType(.memoryview) { bytes = memoryviewBytes(v) }
                else { throw typeError("object with buffer protocol required") }
                let fd = Int32(s.w(1))
                if fd == 1 { emitStdout(bytes) } else if fd == 2 { emitStderr(bytes) } else { writeFD(fd, bytes) }
                return Obj(small: isStr(v) ? charCount(strBytes(v)) : bytes.count)
            },
            method("flush", 1) { _ throws in .none },
            method("readline", 1, 2) { a throws in
                guard var line = readStdinLine() else { return a[0].w(2) & 1 != 0 ? try newBytes(nil, 0) : qobj(._empty) }
                line.append(10)
                return a[0].w(2) & 1 != 0 ? try newBytes(line) : try newStr(line)
            },
            method("read", 1, 2) { a throws in
                var out: [UInt8] = []
                let limit = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
                while limit < 0 || out.count < limit {
                    guard let line = readStdinLine() else { break }
                    out.append(contentsOf: line); out.append(10)
                }
                if limit >= 0 && out.count > limit { out = Array(out[0..<limit]) }
                return a[0].w(2) & 1 != 0 ? try newBytes(out) : try newStr(out)
            },
            method("fileno", 1) { a throws in Obj(small: Int(a[0].w(1))) },
            method("isatty", 1) { a throws in .bool(isatty(Int32(a[0].w(1))) != 0) },
        ]
        let a = romAllocRaw(bytes: 32)
        let t = Obj(raw: a)
        let w = t.words
        w[0] = TypeID.type.addr
        w[TypeWord.flags] = 0
        w[TypeWord.name] = qobj("TextIOWrapper").raw
        let wasBuilding = buildingRom
        buildingRom = true
        let locals = romDict()
        for m in methods { try! dictMap(locals).set(qobj(m.name), makeNative(m)) }
        buildingRom = wasBuilding
        w[TypeWord.locals] = locals.raw
        w[TypeWord.bases] = romTuple([]).raw
        w[TypeWord.mro] = romTuple([t, TypeID.object.obj]).raw
        w[TypeWord.nativeBase] = TypeID.object.addr
        streamType = t
    }

    static func make(fd: Int32, binary: Bool) -> Obj {
        let a = romAllocRaw(bytes: 16)
        let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        w[0] = streamType.raw
        w[1] = UInt32(fd)
        w[2] = binary ? 1 : 0
        return Obj(raw: a)
    }
}

import Glibc

enum ModuleSys {
    static func register() {
        ObjStream.register()
        registerModule("sys") {
            let impl = makeRomModule("implementation", [
                ("name", .value(qobj("micropython"))),
                ("version", .value(romTuple([Obj(small: 1), Obj(small: 28), Obj(small: 0), qobj(._empty)]))),
                ("_machine", .value(romStr(portInfo.machine))),
                ("_mpy", .value(Obj(small: portInfo.mpyValue))),
                ("_build", .value(qobj("standard"))),
            ])
            let stdout = ObjStream.make(fd: 1, binary: false)
            let stderr = ObjStream.make(fd: 2, binary: false)
            let stdin = ObjStream.make(fd: 0, binary: false)
            setRoot(.sysStdout, stdout)
            setRoot(.sysStderr, stderr)
            setRoot(.sysStdin, stdin)
            return [
                ("argv", .value(getRoot(.sysArgv))),
                ("path", .value(getRoot(.sysPath))),
                ("modules", .value(getRoot(.sysModules))),
                ("implementation", .value(impl)),
                ("platform", .value(qobj(portInfo.platform))),
                ("version", .value(romStr("3.4.0; MicroPython \(portInfo.versionString)"))),
                ("version_info", .value(romTuple([Obj(small: 3), Obj(small: 4), Obj(small: 0)]))),
                ("byteorder", .value(qobj(.little))),
                ("ps1", .value(qobj(">>> "))),
                ("ps2", .value(qobj("... "))),
                ("maxsize", .value(romInt(BigInt(portInfo.maxsize)))),
                ("stdout", .value(stdout)),
                ("stderr", .value(stderr)),
                ("stdin", .value(stdin)),
                ("exit", .function(fn("exit", 0, 1) { a throws in
                    let args = a.count > 0 ? try newTuple([a[0]]) : getRoot(.emptyTuple)
                    throw PyErr(try newException(TypeID.SystemExit.obj, args: args))
                })),
                ("print_exception", .function(fn("print_exception", 1, 2) { a throws in
                    let text = formatException(a[0])
                    if a.count > 1 && a[1] != .none {
                        _ = try callMethod(a[1], .write, [try newStr(text)], stackTop: rt.pointee.vmStackTop)
                    } else {
                        emitStdout(Array(text.utf8))
                    }
                    return .none
                })),
                ("atexit", .function(fn("atexit", 1) { a throws in
                    let prev = atexitCallback
                    atexitCallback = a[0]
                    setRoot(.atexit, a[0])
                    return prev.isNull ? .none : prev
                })),
                ("exc_info", .function(fn("exc_info", 0) { _ throws in
                    let h = getRoot(.handledException)
                    if h.isNull || h == .none { return try newTuple([.none, .none, .none]) }
                    return try newTuple([h.type, h, .none])
                })),
            ]
        }
    }
}

/// An int in flash (small ints need no storage).
func romInt(_ b: BigInt) -> Obj {
    if let v = b.asInt, Obj.fitsSmall(v) { return Obj(small: v) }
    let n = b.magnitude.count
    let a = romAllocRaw(bytes: 8 + 4 * n)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.int.addr
    w[1] = UInt32(n) | (b.isNegative ? 0x8000_0000 : 0)
    for i in 0..<n { w[2 + i] = b.magnitude[i] }
    return Obj(raw: a)
}

/// A str object in flash (for constants created at start-up).
func romStr(_ s: String) -> Obj {
    let bytes = Array(s.utf8)
    let a = romAllocRaw(bytes: 16 + bytes.count + 1)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.str.addr
    w[1] = 0
    w[2] = UInt32(bytes.count)
    w[3] = a + 16
    let d = hostPtr(a + 16).assumingMemoryBound(to: UInt8.self)
    for (i, b) in bytes.enumerated() { d[i] = b }
    return Obj(raw: a)
}
