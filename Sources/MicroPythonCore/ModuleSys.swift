// The sys module (the host runner's view; the board overrides platform and streams).

/// Identity of the port, set by the front end before start-up.
public struct PortInfo {
    public var platform = "linux"
    // As the unix port: the banner machine (also sys.implementation._machine) ends in "version",
    // which MicroPython's REPL tests match (`MicroPython \.\+ version`).
    public var machine = "linux [Swift] version"
    public var mpyValue = 2822          // .mpy v6, sub-version 3, arch x64
    public var maxsize: Int = Int.max
    public var versionString = "v1.28.0"
    public var buildDate = "2026-11-21"
    /// os.uname() sysname and nodename of a board (nil: the host's uname).
    public var sysname: String? = nil
    /// What help() prints (nil: the unix port's text); a board sets its port's (stm32's help.c).
    public var helpText: String? = nil
    /// Whether `_thread` exists (the unix port has it; a pyboard firmware is built without it).
    public var hasThreads = true
    public init() {}
}

nonisolated(unsafe) public var portInfo = PortInfo()
nonisolated(unsafe) var atexitCallback = Obj.null

import Glibc

enum ModuleSys {
    /// sys.ps1/sys.ps2 are writable; a soft reset (a fresh runtime) brings the defaults back, as
    /// mp_init does on a board. The module itself lives in flash and outlives the heap.
    static func resetPrompts() {
        guard let sys = romModuleCache["sys"] else { return }
        let d = dictMap(moduleDict(sys))
        try? d.set(qobj("ps1"), qobj(">>> "))
        try? d.set(qobj("ps2"), qobj("... "))
    }

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
