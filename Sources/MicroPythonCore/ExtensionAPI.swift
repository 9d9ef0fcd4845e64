import CSupport
import Glibc

// The interface the board layer (and any other target outside the core) uses to add modules and
// types written in Swift: pyb, machine, os.VfsFat, device models. The core keeps its internals
// internal; everything a board needs goes through `Py` and the types below.
//
// Rules for code using this API (the same as inside the core):
// - Values are `Obj` words. A heap object stays alive only while something the GC scans refers
//   to it: the VM stack, a heap or flash object, the native stack, or `Py.keep`. Swift arrays and
//   class fields are not scanned: keep IRQ handlers and buffers with `Py.keep`.
// - Errors are thrown as Python exceptions (`Py.error`, `Py.osError`); catch `Error` and use
//   `Py.exception(of:)` to get the exception object.
// - Module tables are built once, in flash, on first import: their values must be immediates,
//   flash objects (`PyEntry.int/str/float`, types from `Py.makeType`) or natives.

public typealias PyFn = (PyArgs) throws -> Obj

/// The arguments of a native call: positional values (self first for methods), then keywords.
public struct PyArgs {
    let args: Args
    public var count: Int { args.count }
    public subscript(_ i: Int) -> Obj { args[i] }
    /// Keyword argument `name`, if given.
    public func kw(_ name: String) -> Obj? { args.kw(name) }
    /// Positional argument i, else keyword `name`, else nil.
    public func arg(_ i: Int, _ name: String) -> Obj? { args.arg(i, name) }
    /// Positional argument i, else keyword `name`, treating None as absent.
    public func argNotNone(_ i: Int, _ name: String) -> Obj? {
        if let v = args.arg(i, name), v != .none { return v }
        return nil
    }
    /// Names of the keyword arguments given, in order.
    public var keywordNames: [String] {
        (0..<args.kwCount).map { qstrString(tupleItems(args.kwnames)[$0].qstr) }
    }
    /// All positional arguments.
    public var positional: [Obj] { (0..<args.count).map { args[$0] } }
}

/// A native function, method, classmethod or staticmethod.
public struct PyNative {
    let spec: NativeSpec
    /// A function taking minArgs...maxArgs positional arguments (maxArgs -1: exactly minArgs,
    /// `PyNative.varArgs`: any number).
    public static func function(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping PyFn) -> PyNative {
        PyNative(spec: fn(name, minArgs, maxArgs) { a in try f(PyArgs(args: a)) }.withKw(kw))
    }
    /// A method; args[0] is self and counts in minArgs/maxArgs.
    public static func method(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping PyFn) -> PyNative {
        PyNative(spec: MicroPythonCore.method(name, minArgs, maxArgs) { a in try f(PyArgs(args: a)) }.withKw(kw))
    }
    /// A classmethod; args[0] is the class.
    public static func classMethod(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping PyFn) -> PyNative {
        PyNative(spec: MicroPythonCore.classMethod(name, minArgs, maxArgs) { a in try f(PyArgs(args: a)) }.withKw(kw))
    }
    public static func staticMethod(_ name: String, _ minArgs: Int, _ maxArgs: Int = -1, kw: Bool = false, _ f: @escaping PyFn) -> PyNative {
        PyNative(spec: MicroPythonCore.staticMethod(name, minArgs, maxArgs) { a in try f(PyArgs(args: a)) }.withKw(kw))
    }
    public static let varArgs = NativeSpec.varArgs
}

extension NativeSpec {
    func withKw(_ kw: Bool) -> NativeSpec {
        NativeSpec(name: name, minArgs: minArgs, maxArgs: maxArgs, takesKw: kw, kind: kind, fn: fn)
    }
}

/// An entry of a module table or of a type's attributes.
public enum PyEntry {
    case function(PyNative)
    case value(Obj)          // an immediate or a flash object (a type, a native)
    case int(Int)
    case str(String)
    case float(Double)
}

/// The exception types a board raises.
public enum PyExc {
    case ValueError, TypeError, OSError, RuntimeError, NotImplementedError, AttributeError, IndexError
    case KeyError, MemoryError, KeyboardInterrupt, SystemExit, OverflowError, StopIteration, EOFError

    var id: TypeID {
        switch self {
        case .ValueError: return .ValueError
        case .TypeError: return .TypeError
        case .OSError: return .OSError
        case .RuntimeError: return .RuntimeError
        case .NotImplementedError: return .NotImplementedError
        case .AttributeError: return .AttributeError
        case .IndexError: return .IndexError
        case .KeyError: return .KeyError
        case .MemoryError: return .MemoryError
        case .KeyboardInterrupt: return .KeyboardInterrupt
        case .SystemExit: return .SystemExit
        case .OverflowError: return .OverflowError
        case .StopIteration: return .StopIteration
        case .EOFError: return .EOFError
        }
    }
}

public enum Py {
    // MARK: registering modules and types

    /// Registers a module built in flash on first import; `aliases` are other import names
    /// (e.g. "upyb"). Call from a `moduleRegistrations` closure or before `Runtime.initialize`.
    public static func registerModule(_ name: String, aliases: [String] = [], _ entries: @escaping () -> [(String, PyEntry)]) {
        for a in aliases { moduleAliases[a] = name }
        MicroPythonCore.registerModule(name) { entries().map { ($0.0, moduleEntry($0.1)) } }
    }

    /// Adds entries to a module registered elsewhere (e.g. VfsFat to os and vfs). Call before the
    /// module is first imported.
    public static func extendModule(_ name: String, _ entries: @escaping () -> [(String, PyEntry)]) {
        moduleExtensions[name, default: []].append { entries().map { ($0.0, moduleEntry($0.1)) } }
    }

    /// Adds a module closure run at start-up (after the builtin modules are registered).
    public static func addRegistration(_ body: @escaping () -> Void) { moduleRegistrations.append(body) }

    /// A type object in flash with native methods, class attributes (constants, nested types) and
    /// a constructor `make` called with the class call's arguments.
    public static func makeType(_ name: String, methods: [PyNative], attrs: [(String, PyEntry)] = [], make: PyFn? = nil) -> Obj {
        let wasBuilding = buildingRom
        buildingRom = true
        defer { buildingRom = wasBuilding }
        return makeRomType(name, methods.map { $0.spec }, attrs: attrs.map { ($0.0, entryValue($0.1)) },
                           make: make.map { m in { a in try m(PyArgs(args: a)) } })
    }

    static func moduleEntry(_ e: PyEntry) -> ModuleEntry {
        switch e {
        case .function(let n): return .function(n.spec)
        default: return .value(entryValue(e))
        }
    }

    static func entryValue(_ e: PyEntry) -> Obj {
        switch e {
        case .function(let n): return nativeClassEntry(n.spec)
        case .value(let o): return o
        case .int(let i): return Obj.fitsSmall(i) ? Obj(small: i) : romInt(BigInt(i))
        case .str(let s): return qobj(s)
        case .float(let d): return romFloat(d)
        }
    }

    // MARK: objects of native types: [type][payload words...]

    /// A new heap object of a type made by `makeType`, with `words` payload words (zeroed).
    /// Payload words holding `Obj` values are scanned by the GC (conservatively).
    public static func newObject(_ type: Obj, words: Int) throws -> Obj {
        try allocObj(type.raw, words: 1 + words)
    }
    /// A permanent object in flash (never collected): singletons such as pyb.LED(1).
    public static func newStaticObject(_ type: Obj, words: Int) -> Obj {
        let o = Obj(raw: romAllocRaw(bytes: 4 * (1 + words)))
        o.setW(0, type.raw)
        return o
    }
    /// Sets the type of a permanent object made before its type existed (objects that the
    /// type's own class attributes refer to, such as Pin.board.X1).
    public static func setStaticType(_ o: Obj, _ type: Obj) {
        precondition(isRomAddr(o.raw), "setStaticType: only for flash objects")
        o.setW(0, type.raw)
    }
    public static func word(_ o: Obj, _ i: Int) -> UInt32 { o.w(1 + i) }
    public static func setWord(_ o: Obj, _ i: Int, _ v: UInt32) { o.setW(1 + i, v) }
    public static func slot(_ o: Obj, _ i: Int) -> Obj { o.o(1 + i) }
    public static func setSlot(_ o: Obj, _ i: Int, _ v: Obj) { o.setO(1 + i, v) }
    /// True when `o` is an instance of `type` or of a subclass.
    public static func isInstance(_ o: Obj, _ type: Obj) -> Bool {
        o.typeAddr == type.raw || (o.isPtr && isTypeObj(o.type) && isSubclassRaw(o.type, type))
    }
    /// Checks self of a method: TypeError unless `o` is a `type` instance.
    public static func expect(_ o: Obj, _ type: Obj) throws {
        if !isInstance(o, type) { throw typeError("argument has wrong type") }
    }

    // MARK: values

    public static let none = Obj.none
    public static let `true` = Obj.true
    public static let `false` = Obj.false
    public static func bool(_ b: Bool) -> Obj { .bool(b) }
    public static func int(_ v: Int) throws -> Obj { try newInt(v) }
    public static func float(_ d: Double) throws -> Obj { try newFloat(d) }
    public static func str(_ s: String) throws -> Obj { try newStr(s) }
    public static func bytes(_ b: [UInt8]) throws -> Obj { try newBytes(b) }
    public static func bytearray(_ b: [UInt8]) throws -> Obj { try newBytearray(b) }
    public static func tuple(_ items: [Obj]) throws -> Obj { try newTuple(items) }
    public static func list(_ items: [Obj]) throws -> Obj { try newList(items) }
    public static func dict() throws -> Obj { try newDict() }
    /// An interned name (qstr), e.g. for attribute names and constant strings.
    public static func name(_ s: String) -> Obj { qobj(s) }

    public static func isNone(_ o: Obj) -> Bool { o == .none }
    public static func isInt(_ o: Obj) -> Bool { isIntObj(o) }
    public static func isFloat(_ o: Obj) -> Bool { o.isType(.float) }
    public static func isStr(_ o: Obj) -> Bool { MicroPythonCore.isStr(o) }
    public static func isCallable(_ o: Obj) -> Bool { MicroPythonCore.isCallable(o) }
    public static func isTuple(_ o: Obj) -> Bool { o.isType(.tuple) }
    public static func isList(_ o: Obj) -> Bool { o.isType(.list) }

    /// An int (or bool, or object with __index__) as a Swift Int; anything else is MicroPython's
    /// mp_obj_get_int TypeError ("can't convert str to int").
    public static func toInt(_ o: Obj) throws -> Int {
        if o.isSmallInt { return o.smallInt }
        return try intToInt(o)
    }
    public static func toDouble(_ o: Obj) throws -> Double { try MicroPythonCore.toDouble(o) }
    public static func truthy(_ o: Obj) throws -> Bool { try pyTruthy(o) }
    /// A str as a Swift String; TypeError for anything else.
    public static func toString(_ o: Obj) throws -> String {
        guard MicroPythonCore.isStr(o) else { throw typeError("can't convert '\(typeName(o))' object to str implicitly") }
        return swiftString(o)
    }
    /// The items of a tuple or list (or any iterable).
    public static func items(_ o: Obj) throws -> [Obj] {
        if o.isType(.tuple) { return (0..<tupleLen(o)).map { tupleItems(o)[$0] } }
        if o.isType(.list) { return (0..<listLen(o)).map { listItems(o)[$0] } }
        let l = try newList(count: 0)
        let keep = pushRoot(l)
        defer { popRoots(to: keep) }
        try listExtend(l, o)
        return (0..<listLen(l)).map { listItems(l)[$0] }
    }
    public static func typeName(_ o: Obj) -> String { MicroPythonCore.typeName(o) }
    public static func repr(_ o: Obj) throws -> String {
        var b: [UInt8] = []
        try appendRepr(o, &b)
        return String(decoding: b, as: UTF8.self)
    }
    public static func strOf(_ o: Obj) throws -> String {
        var b: [UInt8] = []
        try appendStr(o, &b)
        return String(decoding: b, as: UTF8.self)
    }

    // MARK: buffers

    /// A copy of the bytes of an object with the buffer protocol (str, bytes, bytearray, array, memoryview).
    public static func readBuffer(_ o: Obj) throws -> [UInt8] { try stdBuffer(o) }
    /// Length of a buffer object without copying.
    public static func bufferLength(_ o: Obj) throws -> Int {
        guard let b = stdBufferPointer(o) else { throw typeError("object with buffer protocol required") }
        return b.count
    }
    /// Bytes per item of a buffer object: an array's item size, a memoryview's, else 1.
    public static func bufferItemSize(_ o: Obj) -> Int {
        if o.isType(.array) { return arrayItemSize(o) }
        if o.isType(.memoryview) { return max(1, Int((o.w(3) >> 28) & 7)) }
        return 1
    }
    /// Runs `body` on the writable bytes of a bytearray, array or writable memoryview. `body` must
    /// not allocate Python objects (a collection may not move, but a resize could).
    public static func withWritableBuffer<R>(_ o: Obj, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) throws -> R {
        try body(try stdWritableBuffer(o))
    }

    // MARK: results written into the caller's objects (drivers that avoid allocating)

    public static func listCount(_ l: Obj) -> Int { listLen(l) }
    /// Stores `v` at index `i` of a list the caller has checked is long enough.
    public static func setListItem(_ l: Obj, _ i: Int, _ v: Obj) {
        precondition(l.isType(.list) && i >= 0 && i < listLen(l))
        listItems(l)[i] = v
    }
    public static func isMemoryview(_ o: Obj) -> Bool { o.isType(.memoryview) }
    /// memoryview(o) for a bytes, bytearray or array object.
    public static func memoryview(_ o: Obj) throws -> Obj { try ObjBytes.memoryviewOf(o) }
    /// The typecode of what a memoryview views ('B' for bytes and bytearray, an array's code) and
    /// whether writes go through; nil for anything but a memoryview.
    public static func memoryviewTarget(_ mv: Obj) -> (typecode: UInt8, writable: Bool)? {
        guard mv.isType(.memoryview) else { return nil }
        let src = mv.o(1)
        let writable = mv.w(3) & 0x8000_0000 == 0 && !src.isType(.bytes)
        return (src.isType(.array) ? arrayTypecode(src) : UInt8(ascii: "B"), writable)
    }
    /// Writes `data` at the start of a writable byte memoryview and sets the view's length to
    /// data.count, as C drivers resize mv->len in place (pyb.CAN.recv). False, with nothing
    /// written, when the viewed object holds fewer bytes than that from the view's start.
    public static func refillMemoryview(_ mv: Obj, _ data: [UInt8]) -> Bool {
        guard let t = memoryviewTarget(mv), t.writable else { return false }
        let src = mv.o(1)
        let whole: UnsafeMutableBufferPointer<UInt8>
        if src.isType(.array) {
            whole = arrayBytesPointer(src)
        } else if src.isType(.bytearray) {
            whole = UnsafeMutableBufferPointer(start: hostPtr(src.w(3)).assumingMemoryBound(to: UInt8.self), count: Int(src.w(2)))
        } else {
            return false
        }
        let isz = max(1, Int((mv.w(3) >> 28) & 7))
        let off = Int(mv.w(2)) * isz
        guard off + data.count <= whole.count, data.count % isz == 0 else { return false }
        for (i, b) in data.enumerated() { whole[off + i] = b }
        mv.setW(3, (mv.w(3) & 0xF000_0000) | UInt32(data.count / isz))
        return true
    }

    // MARK: errors

    public static func error(_ t: PyExc, _ msg: String? = nil) -> Error { pyErr(t.id, msg) }
    /// OSError(errno) as MicroPython raises it: args (errno,), printed `[Errno 19] ENODEV`.
    public static func osError(_ errno: Int32) -> Error { MicroPythonCore.osError(errno) }
    /// The exception object carried by a thrown error.
    public static func exception(of error: Error) -> Obj { error.exc }
    public static func isException(_ error: Error, _ t: PyExc) -> Bool {
        isSubclassRaw(error.exc.type, t.id.obj)
    }
    /// Prints an exception with its traceback on stderr, as an uncaught one.
    public static func printException(_ error: Error) { MicroPythonCore.printException(error.exc) }
    public static func printException(_ exc: Obj) { MicroPythonCore.printException(exc) }

    // MARK: calling Python

    public static func call(_ f: Obj, _ args: [Obj]) throws -> Obj {
        try callObjectArgs(f, args, stackTop: rt.pointee.vmStackTop)
    }
    public static func callMethod(_ o: Obj, _ name: String, _ args: [Obj]) throws -> Obj {
        try callMethodNamed(o, name, args)
    }
    public static func getAttr(_ o: Obj, _ name: String) throws -> Obj { try loadAttr(o, qobj(name)) }
    /// micropython.mem_info(verbose) output (pyb.info prints it too).
    public static func memInfo(verbose: Bool) { MicroPythonCore.memInfo(verbose: verbose) }
    /// iter(o).
    public static func iter(_ o: Obj) throws -> Obj { try getIter(o) }
    /// import name (the module object, as `import a.b` binds the top package: here the leaf).
    public static func importModule(_ name: String) throws -> Obj {
        _ = try importName(qobj(name), fromlist: .none, level: 0, globals: .none)
        guard let m = try sysModulesMap().get(qobj(name)) else { throw pyErr(.ImportError, "no module named '\(name)'") }
        return m
    }

    // MARK: filesystems

    /// Turns an object without a `mount` method given to os.mount/vfs.mount (a block device) into
    /// a filesystem object, as MicroPython's filesystem auto-detection does (the board's VfsFat).
    public static var blockDeviceMounter: ((Obj) throws -> Obj)? {
        get { vfsAutodetectHook }
        set { vfsAutodetectHook = newValue }
    }
    /// Called by os.sync() with the mounted filesystem objects, after their own `sync` methods.
    public static var syncHook: (([Obj]) throws -> Void)? {
        get { osSyncHook }
        set { osSyncHook = newValue }
    }
    public static func getAttrOpt(_ o: Obj, _ name: String) throws -> Obj? { try loadAttrOpt(o, qobj(name)) }
    /// A whole file read the way import reads it (through the mount table), nil when it is missing
    /// or not a file: the board's boot sequence finds boot.py and main.py with it.
    public static func readFile(_ path: String) -> [UInt8]? { readFileBytes(path) }
    /// True on a board: the VFS root is the board's own (mount points only, extmod/vfs.c), not the
    /// host's filesystem behind the mount table.
    public static var vfsRootIsVirtual: Bool {
        get { !vfsHostFallback }
        set { vfsHostFallback = !newValue }
    }

    // MARK: keeping objects alive while Swift holds them

    /// Keeps `o` alive until `release`; returns a handle. Cleared by a soft reset.
    public static func keep(_ o: Obj) throws -> Int {
        let l = getRoot(.boardObjects)
        for i in 0..<listLen(l) where listItems(l)[i] == .none { listItems(l)[i] = o; return i }
        try listAppend(l, o)
        return listLen(l) - 1
    }
    public static func kept(_ handle: Int) -> Obj {
        let l = getRoot(.boardObjects)
        return handle >= 0 && handle < listLen(l) ? listItems(l)[handle] : .none
    }
    public static func release(_ handle: Int) {
        let l = getRoot(.boardObjects)
        if handle >= 0 && handle < listLen(l) { listItems(l)[handle] = .none }
    }
    /// Protects values during a Swift sequence of allocations (LIFO).
    public static func withRoots<R>(_ objs: [Obj], _ body: () throws -> R) rethrows -> R {
        let mark = rt.pointee.vmStackTop
        for o in objs { _ = pushRoot(o) }
        defer { popRoots(to: mark) }
        return try body()
    }

    // MARK: interrupts, scheduling and the heap

    /// Queues `f(arg)` as micropython.schedule does; false when the queue (8 entries) is full.
    public static func schedule(_ f: Obj, _ arg: Obj) throws -> Bool {
        if scheduledCallbacks.count >= 8 { return false }
        scheduledCallbacks.append((f, arg))
        let q = getRoot(.schedQueue)
        if q.isType(.list) { try listAppend(q, f); try listAppend(q, arg) }
        rt.pointee.pendingInterrupt = true
        requestAttention()
        return true
    }
    /// Runs a hard interrupt handler: heap and scheduler locked, exceptions printed and swallowed as on hardware
    /// (returns the error, if any, so the caller can disable the IRQ as MicroPython does).
    @discardableResult
    public static func runHardHandler(_ f: Obj, _ arg: Obj, name: String) -> Error? {
        rt.pointee.heapLockDepth += 1
        schedLockDepth += 1
        defer { rt.pointee.heapLockDepth -= 1; schedLockDepth -= 1; if rt.pointee.pendingInterrupt { requestAttention() } }
        do {
            _ = try callObjectArgs(f, [arg], stackTop: rt.pointee.vmStackTop)
            return nil
        } catch {
            stderrWrite(Array("Uncaught exception in IRQ callback handler\n".utf8))
            MicroPythonCore.printException(error.exc)
            return error
        }
    }
    /// A hard handler with any arguments and the port's own first line for an uncaught exception
    /// (stm32: "uncaught exception in ExtInt interrupt handler line 3").
    @discardableResult
    public static func runHardHandler(_ f: Obj, args: [Obj], errorHeader: String) -> Error? {
        rt.pointee.heapLockDepth += 1
        schedLockDepth += 1
        defer { rt.pointee.heapLockDepth -= 1; schedLockDepth -= 1; if rt.pointee.pendingInterrupt { requestAttention() } }
        do {
            _ = try callObjectArgs(f, args, stackTop: rt.pointee.vmStackTop)
            return nil
        } catch {
            stderrWrite(Array((errorHeader + "\n").utf8))
            MicroPythonCore.printException(error.exc)
            return error
        }
    }
    /// Runs `body` (host code that blocks, touching no Python object) with the GIL released,
    /// so other `_thread` threads run meanwhile; just runs it when no thread was started.
    public static func allowThreads(_ body: () -> Void) { MicroPythonCore.allowThreads(body) }
    /// Asks the VM to run the pending hook at the next backward jump or call (VM thread only).
    public static func requestAttention() { MicroPythonCore.requestAttention() }
    /// Called by the VM between opcodes every `tickQuantum` instruction units, and at once after
    /// `requestAttention`. May throw (KeyboardInterrupt, an exception from a soft handler).
    public static var pendingHook: (() throws -> Void)? {
        get { MicroPythonCore.pendingHook }
        set { MicroPythonCore.pendingHook = newValue }
    }
    /// Instruction units between pending-hook calls. A unit is one instruction; a call adds
    /// `callOps` more. The VM checks at backward jumps and calls, so a quantum may overrun by the
    /// straight-line code before the next one.
    public static var tickQuantum: Int {
        get { rt.pointee.tickQuantum }
        set { rt.pointee.tickQuantum = max(1, newValue); setTicksLeft(min(rt.pointee.ticksLeft, rt.pointee.tickQuantum)) }
    }
    /// Instruction units since the previous pending-hook call (inside the hook: the units that
    /// led to this call).
    public static var ticksUsed: Int { vmTickCount() - ticksAtLastHook }
    /// Instruction units executed since start-up; monotonic, exact across `requestAttention`
    /// (the scheduler's cycle estimate). VM thread only.
    public static var tickCount: Int { vmTickCount() }
    /// Extra instruction units a Python call costs (the board's cost table; 0 on the host).
    public static var callOps: Int {
        get { MicroPythonCore.callOps }
        set { MicroPythonCore.callOps = max(0, newValue) }
    }
    public static func heapLock() { rt.pointee.heapLockDepth += 1 }
    public static func heapUnlock() { if rt.pointee.heapLockDepth > 0 { rt.pointee.heapLockDepth -= 1 } }
    /// Raises a pending Ctrl-C and runs scheduled callbacks (for native wait loops).
    public static func poll() throws { try pollInterrupts() }
    /// Requests a KeyboardInterrupt at the next poll (Ctrl-C arrived on the REPL link).
    public static func interrupt() { mb_sigint_pending = 1 }
    /// The character micropython.kbd_intr() set (-1: disabled).
    public static var interruptChar: Int { kbdIntrChar }
    public static func collect() { gcCollect() }
    public static var heapUsage: (used: Int, total: Int) {
        let h = heapInfo()
        return (h.used, h.total)
    }

    // MARK: constants in flash (module-table values that must outlive soft resets)

    /// A tuple in flash; its items must be immediates or flash objects.
    public static func constTuple(_ items: [Obj]) -> Obj { romTuple(items) }

    /// A bytes object in flash.
    public static func constBytes(_ b: [UInt8]) -> Obj {
        let a = romAllocRaw(bytes: 16 + b.count + 1)
        let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        w[0] = TypeID.bytes.addr
        w[1] = 0
        w[2] = UInt32(b.count)
        w[3] = a + 16
        let d = hostPtr(a + 16).assumingMemoryBound(to: UInt8.self)
        for (i, v) in b.enumerated() { d[i] = v }
        return Obj(raw: a)
    }

    /// A read-only property in flash for a type's `attrs` (an attribute computed by `getter`,
    /// called with the instance).
    public static func constProperty(_ getter: PyNative) -> Obj {
        let wasBuilding = buildingRom
        buildingRom = true
        defer { buildingRom = wasBuilding }
        let a = romAllocRaw(bytes: 16)
        let p = Obj(raw: a)
        p.setW(0, TypeID.property.addr)
        p.setO(1, nativeClassEntry(getter.spec))
        p.setO(2, .none)
        p.setO(3, .none)
        return p
    }

    /// A zeroed bytearray in flash whose `count` data bytes are never collected nor cleared by
    /// a soft reset (memory that survives as a board's backup SRAM does).
    public static func staticBytearray(count: Int) -> Obj {
        let a = romAllocRaw(bytes: 16 + count)
        let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
        w[0] = TypeID.bytearray.addr
        w[1] = UInt32(count)
        w[2] = UInt32(count)
        w[3] = a + 16
        hostPtr(a + 16).initializeMemory(as: UInt8.self, repeating: 0, count: count)
        return Obj(raw: a)
    }

    // MARK: shared data

    /// The 8x8 font framebuf draws (ASCII 32..127, 8 column bytes per glyph, bit 0 the top row),
    /// for board code that draws text the way the firmware's C drivers do (pyb.LCD, displays).
    public static var font8x8: [UInt8] { framebufFont }

    // MARK: the emulated address space

    /// Reads `count` bytes at `address` of the interpreter's own memory: flash up to its used
    /// top, and the SRAM of the heap (allocation table and blocks). nil when any byte lies
    /// outside them. Board code uses it for raw memory access (machine.mem32).
    public static func readMemory(_ address: UInt32, _ count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        let end = UInt64(address) + UInt64(count)
        let inRom = address >= Region.romBase && end <= UInt64(rt.pointee.romTop)
        let inRam = address >= Region.ramBase && end <= UInt64(rt.pointee.poolEnd)
        guard inRom || inRam else { return nil }
        let p = hostPtr(address).assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: p, count: count))
    }

    /// The end of the heap's SRAM (exclusive): board code maps what lies above it.
    public static var heapMemoryEnd: UInt32 { rt.pointee.poolEnd }

    // MARK: host I/O hooks

    /// Where print() and sys.stdout write (os.dupterm streams get a copy as well).
    public static var stdoutWrite: ([UInt8]) -> Void {
        get { MicroPythonCore.stdoutWrite }
        set { MicroPythonCore.stdoutWrite = newValue }
    }
    public static var stderrWrite: ([UInt8]) -> Void {
        get { MicroPythonCore.stderrWrite }
        set { MicroPythonCore.stderrWrite = newValue }
    }
    /// Where input() and sys.stdin read a line (nil: end of input). May throw a Python exception
    /// (e.g. KeyboardInterrupt while waiting).
    public static var stdinReadLine: () throws -> [UInt8]? {
        get { MicroPythonCore.stdinReadLine }
        set { MicroPythonCore.stdinReadLine = newValue }
    }
    /// Raw bytes to stdout (sys.stdout.buffer): unlike `stdoutWrite`, never "\n" -> "\r\n".
    public static var stdoutWriteRaw: ([UInt8]) -> Void {
        get { MicroPythonCore.stdoutWriteRaw }
        set { MicroPythonCore.stdoutWriteRaw = newValue }
    }
    /// One raw byte of stdin for sys.stdin.read/readinto and sys.stdin.buffer (no echo, no line
    /// editing); nil = end of input. Default: the host's fd 0. `Interpreter.runRepl` points it
    /// at its console while it runs. May throw (KeyboardInterrupt while waiting).
    public static var stdinReadByte: () throws -> UInt8? {
        get { MicroPythonCore.stdinReadByte }
        set { MicroPythonCore.stdinReadByte = newValue }
    }
    /// Whether sys.stdin has input waiting, for select/poll when a console feeds stdin (nil: the
    /// host's fd 0 is polled).
    public static var stdinPoll: (() -> Bool)? {
        get { stdinPollHook }
        set { stdinPollHook = newValue }
    }

    // MARK: streams polled by select

    /// select.poll/select.select ask a stream which events are ready by calling its
    /// `ioctl(request, arg)` method with request `streamPollRequest` (3, MicroPython's
    /// MP_STREAM_POLL) and arg the event mask; it returns the ready events. A board type (a UART)
    /// becomes pollable by listing `ioctl` among its methods.
    public static let streamPollRequest = PollEvent.streamPollRequest
    public static let pollIn = PollEvent.input, pollOut = PollEvent.output
    public static let pollErr = PollEvent.error, pollHup = PollEvent.hangup

    // MARK: os.dupterm

    /// Bytes waiting on the os.dupterm streams (read without blocking), for the board's REPL.
    public static func duptermRead(max: Int = 256) -> [UInt8] { Dupterm.read(max: max) }
    /// True while some stream is attached with os.dupterm.
    public static var duptermActive: Bool { Dupterm.active }
    /// Gets a copy of everything print() and tracebacks write to the terminal (pyb.repl_uart).
    public static var terminalMirror: (([UInt8]) -> Void)? {
        get { terminalMirrorHook }
        set { terminalMirrorHook = newValue }
    }
    /// Run by os.dupterm_notify (a dupterm stream has input); nil: the core queues the input
    /// for input() and sys.stdin.
    public static var duptermNotify: (() -> Void)? {
        get { duptermNotifyHook }
        set { duptermNotifyHook = newValue }
    }

    /// os.urandom's source (deterministic mode seeds it).
    public static var randomBytes: ((Int) -> [UInt8])? {
        get { randomBytesHook }
        set { randomBytesHook = newValue }
    }
}

extension Interpreter {
    private static let runtimeMutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    /// Runs `body` while holding the one process-wide runtime lock. The runtime is a singleton at
    /// fixed addresses, so hosts that may start Python from several threads (the test suites of
    /// different targets, which run in parallel in one process) take this lock around each use.
    public static func withRuntimeLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(runtimeMutex)
        defer { pthread_mutex_unlock(runtimeMutex) }
        return try body()
    }
}
