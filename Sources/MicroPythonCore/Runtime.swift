import CSupport

// Start-up (flash tables, builtins, roots), compiling and running code, and printing exceptions.

public struct RuntimeConfig {
    public var heapBytes = 2 * 1024 * 1024
    public var vmStackSlots = 1 << 20
    public var gcStress = false
    public var singlePrecisionFloat = false
    public var nativeStackBytes = 0          // size of the thread stack the VM runs on (0: unknown)
    public init() {}
}

public enum Runtime {
    nonisolated(unsafe) static var initialized = false

    /// Builds the flash image and the heap. Must run on the thread that will run Python code.
    public static func initialize(_ config: RuntimeConfig) throws {
        if !initialized {
            try mapRegions(heapBytes: max(config.heapBytes, 16 * 1024), vmStackSlots: config.vmStackSlots)
            internStaticQstrs()
        }
        rt.pointee.gcStress = config.gcStress
        rt.pointee.floatIsSingle = config.singlePrecisionFloat
        rt.pointee.nativeStackTop = mb_stack_top()
        if let top = rt.pointee.nativeStackTop, config.nativeStackBytes > 0 {
            rt.pointee.nativeStackLimit = UInt(bitPattern: top) - UInt(config.nativeStackBytes) + 256 * 1024
        } else if let top = rt.pointee.nativeStackTop {
            rt.pointee.nativeStackLimit = UInt(bitPattern: top) - 7 * 1024 * 1024
        }
        if !initialized {
            buildingRom = true
            installTypes()
            buildBuiltins()
            buildingRom = false
            initialized = true
        }
        try resetHeapState()
    }

    /// Points the stack scan and recursion limit at the calling thread.
    public static func adoptCurrentThread(stackBytes: Int) {
        guard initialized else { return }
        rt.pointee.nativeStackTop = mb_stack_top()
        if let top = rt.pointee.nativeStackTop {
            rt.pointee.nativeStackLimit = UInt(bitPattern: top) - UInt(stackBytes) + 256 * 1024
        }
    }

    /// A fresh Python world on the existing flash image (start-up and soft reset).
    static func resetHeapState() throws {
        do {
            setRoot(.sysModules, try newDict())
            setRoot(.sysPath, try newList(count: 0))
            setRoot(.sysArgv, try newList(count: 0))
            // room for the 8 (callback, argument) pairs up front: micropython.schedule runs in hard
            // interrupt handlers, where the heap is locked
            setRoot(.schedQueue, try newList(count: 0, capacity: 16))
            setRoot(.boardObjects, try newList(count: 0))
            setRoot(.dupterm, .none)
            Dupterm.pending = []
            setRoot(.handledException, .none)
        } catch {
            throw MemoryMapError.cannotMap("heap too small")
        }
        ModuleSys.resetPrompts()
    }

    static func installTypes() {
        var defs: [BuiltinTypeDef] = [
            BuiltinTypeDef(id: .object, name: "object", base: nil, methods: ObjMisc.objectMethods),
            BuiltinTypeDef(id: .type, name: "type", base: .object),
            BuiltinTypeDef(id: .noneType, name: "NoneType", base: .object, flags: 0),
            ObjNumberTypes.intDef, ObjNumberTypes.boolDef, ObjNumberTypes.floatDef, ObjNumberTypes.complexDef,
            ObjStr.def,
            BuiltinTypeDef(id: .bytes, name: "bytes", base: .object, methods: bytesMethods(mutable: false)),
            BuiltinTypeDef(id: .bytearray, name: "bytearray", base: .object, methods: bytesMethods(mutable: true)),
            BuiltinTypeDef(id: .memoryview, name: "memoryview", base: .object, flags: 0, methods: memoryviewMethods),
            ObjList.def,
            BuiltinTypeDef(id: .tuple, name: "tuple", base: .object, methods: ObjMisc.tupleMethods),
            ObjDict.def, ObjSet.setDef, ObjSet.frozensetDef,
            BuiltinTypeDef(id: .range, name: "range", base: .object, flags: 0),
            BuiltinTypeDef(id: .slice, name: "slice", base: .object, flags: 0),
            BuiltinTypeDef(id: .ellipsis, name: "ellipsis", base: .object, flags: 0),
            BuiltinTypeDef(id: .notImplementedType, name: "NotImplementedType", base: .object, flags: 0),
            BuiltinTypeDef(id: .function, name: "function", base: .object, flags: 0),
            BuiltinTypeDef(id: .builtinFunction, name: "function", base: .object, flags: 0),
            BuiltinTypeDef(id: .boundMethod, name: "bound_method", base: .object, flags: 0),
            BuiltinTypeDef(id: .cell, name: "cell", base: .object, flags: 0),
            BuiltinTypeDef(id: .generator, name: "generator", base: .object, flags: 0, methods: ObjMisc.generatorMethods),
            BuiltinTypeDef(id: .code, name: "code", base: .object, flags: 0),
            BuiltinTypeDef(id: .module, name: "module", base: .object, flags: 0),
            BuiltinTypeDef(id: .property, name: "property", base: .object, methods: ObjMisc.propertyMethods),
            BuiltinTypeDef(id: .staticmethod, name: "staticmethod", base: .object),
            BuiltinTypeDef(id: .classmethod, name: "classmethod", base: .object),
            BuiltinTypeDef(id: .super, name: "super", base: .object, flags: 0),
            BuiltinTypeDef(id: .enumerate, name: "enumerate", base: .object, flags: 0),
            BuiltinTypeDef(id: .zip, name: "zip", base: .object, flags: 0),
            BuiltinTypeDef(id: .map, name: "map", base: .object, flags: 0),
            BuiltinTypeDef(id: .filter, name: "filter", base: .object, flags: 0),
            BuiltinTypeDef(id: .reversed, name: "reversed", base: .object, flags: 0),
            BuiltinTypeDef(id: .rangeIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .seqIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .strIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .dictIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .setIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .callableIterator, name: "iterator", base: .object, flags: 0),
            BuiltinTypeDef(id: .getitemIterator, name: "iterator", base: .object, flags: 0),
            ObjDictViews.keys, ObjDictViews.values, ObjDictViews.items,
            BuiltinTypeDef(id: .array, name: "array", base: .object),
        ]
        defs += ObjException.defs
        for d in defs { installBuiltinType(d) }
        typeMakers = [
            TypeID.int.rawValue: ObjNumberTypes.makeInt, TypeID.bool.rawValue: ObjNumberTypes.makeBool,
            TypeID.float.rawValue: ObjNumberTypes.makeFloat, TypeID.complex.rawValue: ObjNumberTypes.makeComplex,
            TypeID.str.rawValue: ObjStr.make, TypeID.bytes.rawValue: ObjBytes.makeBytes,
            TypeID.bytearray.rawValue: ObjBytes.makeBytearray, TypeID.memoryview.rawValue: ObjBytes.makeMemoryview,
            TypeID.list.rawValue: ObjList.make, TypeID.tuple.rawValue: ObjMisc.makeTuple, TypeID.dict.rawValue: ObjDict.make,
            TypeID.set.rawValue: ObjSet.makeSet, TypeID.frozenset.rawValue: ObjSet.makeFrozenset,
            TypeID.range.rawValue: ObjMisc.makeRange, TypeID.slice.rawValue: ObjMisc.makeSlice,
            TypeID.enumerate.rawValue: ObjMisc.makeEnumerate, TypeID.zip.rawValue: ObjMisc.makeZip,
            TypeID.map.rawValue: ObjMisc.makeMap, TypeID.filter.rawValue: ObjMisc.makeFilter,
            TypeID.reversed.rawValue: ObjMisc.makeReversed, TypeID.property.rawValue: ObjMisc.makeProperty,
            TypeID.staticmethod.rawValue: ObjMisc.wrapper(.staticmethod), TypeID.classmethod.rawValue: ObjMisc.wrapper(.classmethod),
            TypeID.super.rawValue: ObjMisc.makeSuper, TypeID.object.rawValue: ObjMisc.makeObject,
            TypeID.type.rawValue: ObjMisc.makeType,
        ]
        let ol = dictMap(TypeID.object.obj.o(TypeWord.locals))
        func objMethod(_ n: QID) -> Obj {
            let v = ol.value(ol.findQstr(qobj(n))!)
            return v.isType(.staticmethod) ? v.o(1) : v
        }
        objectInit = objMethod(.__init__)
        objectNew = objMethod(.__new__)
        objectSetattr = objMethod(.__setattr__)
        objectDelattr = objMethod(.__delattr__)
        objectRepr = objMethod(.__repr__)
        objectStr = objMethod(.__str__)
        objectHash = objMethod(.__hash__)
    }

    static func buildBuiltins() {
        let d = romDict()
        for spec in Builtins.functions {
            let f = makeNative(spec)
            try! dictMap(d).set(qobj(spec.name), f)
            if spec.name == "__build_class__" { builtinBuildClass = f }
        }
        for (k, v) in Builtins.constants { try! dictMap(d).set(qobj(k), v) }
        try! dictMap(d).set(qobj(.__name__), qobj(.builtins))
        let typeNames: [(String, TypeID)] = [
            ("object", .object), ("type", .type), ("int", .int), ("bool", .bool), ("float", .float), ("complex", .complex),
            ("str", .str), ("bytes", .bytes), ("bytearray", .bytearray), ("memoryview", .memoryview), ("list", .list),
            ("tuple", .tuple), ("dict", .dict), ("set", .set), ("frozenset", .frozenset), ("range", .range),
            ("slice", .slice), ("enumerate", .enumerate), ("zip", .zip), ("map", .map), ("filter", .filter),
            ("reversed", .reversed), ("property", .property), ("staticmethod", .staticmethod),
            ("classmethod", .classmethod), ("super", .super),
        ]
        for (n, t) in typeNames { try! dictMap(d).set(qobj(n), t.obj) }
        for (t, _) in ObjException.hierarchy { try! dictMap(d).set(qobj("\(t)"), t.obj) }
        setRoot(.builtinsDict, d)
        setRoot(.emptyTuple, romTuple([]))
        let null = romAllocRaw(bytes: 4)
        hostPtr(null).assumingMemoryBound(to: UInt32.self)[0] = TypeID.object.addr
        mpyNull = Obj(raw: null)
        let memErr = romAllocRaw(bytes: 32)
        let mw = hostPtr(memErr).assumingMemoryBound(to: UInt32.self)
        mw[0] = TypeID.MemoryError.addr
        mw[ExcWord.args] = getRoot(.emptyTuple).raw
        setRoot(.memoryErrorInstance, Obj(raw: memErr))
        let eb = romAllocRaw(bytes: 17)
        let ew = hostPtr(eb).assumingMemoryBound(to: UInt32.self)
        ew[0] = TypeID.bytes.addr; ew[2] = 0; ew[3] = eb + 16
        setRoot(.emptyBytes, Obj(raw: eb))
        ObjFile.register()
        ModuleSys.register()
        ModuleGC.register()
        ModuleMicropython.register()
        registerFrozenFirmware()
        builtinModuleMakers["builtins"] = makeBuiltinsModule
        for register in coreModuleRegistrars { register() }
        for hook in moduleRegistrations { hook() }
    }
}

func makeBuiltinsModule() throws -> Obj {
    let a = romAllocRaw(bytes: 8)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.module.addr
    w[1] = getRoot(.builtinsDict).raw
    return Obj(raw: a)
}

/// Other files register their modules here (board layer, standard library).
nonisolated(unsafe) public var moduleRegistrations: [() -> Void] = []

// MARK: compiling and running

/// Parses and compiles source text to a code object; syntax errors become SyntaxError.
func compileSource(_ src: [UInt8], filename: String, mode: CompileMode, namesAtModuleLevel: Bool = false) throws -> Obj {
    let unit: CodeUnit
    do {
        let body: [Stmt]
        if mode == .eval {
            let e = try parseExpression(src)
            body = [Stmt(.expr(e), line: e.line)]
        } else {
            body = try parseModule(src)
        }
        unit = try compileAST(body, ctx: CompileContext(filename: filename, mode: mode, optimize: optLevel,
                                                        namesAtModuleLevel: namesAtModuleLevel))
    } catch let e as SyntaxErrorInfo {
        let exc = try newException((e.isIndentation ? TypeID.IndentationError : TypeID.SyntaxError).obj,
                                   args: try newTuple([try newStr(e.message)]))
        addTraceback(exc, file: intern(filename), line: e.line, function: e.scope.flatMap { $0.isEmpty ? nil : intern($0) } ?? QID._null.rawValue)
        throw PyErr(exc)
    } catch let e as PyErr {
        throw e
    } catch {
        throw pyErr(.SyntaxError, "invalid syntax")
    }
    return try materialize(unit)
}

/// Runs a module-level code object with the given globals (and class-body style namespace).
func runCode(_ code: Obj, globals: Obj, namespace: Obj = .null) throws -> Obj {
    let size = frameSlots(code)
    let frame = rt.pointee.vmStackTop
    guard frame + size < rt.pointee.vmStackLimit else { throw runtimeError("maximum recursion depth exceeded") }
    rt.pointee.vmStackTop = frame + size
    defer { rt.pointee.vmStackTop = frame }
    frame[FrameWord.code] = code
    frame[FrameWord.globals] = globals
    frame[FrameWord.function] = .null
    frame[FrameWord.ip] = Obj(raw: 0)
    frame[FrameWord.sp] = Obj(raw: 0)
    frame[FrameWord.namespace] = namespace
    for i in 0..<codeNLocals(code) { frame[FrameWord.header + i] = .null }
    if try dictMap(globals).get(qobj(.__builtins__)) == nil && false {}
    return try execute(frame)
}

/// MicroPython's traceback text.
func formatException(_ exc: Obj) -> String {
    var out = ""
    if isException(exc) {
        let n = Int(exc.w(ExcWord.tbCount))
        if n > 0 {
            out += "Traceback (most recent call last):\n"
            let p = hostPtr(exc.w(ExcWord.tb)).assumingMemoryBound(to: UInt32.self)
            for i in stride(from: n - 1, through: 0, by: -1) {
                let file = qstrString(Obj(raw: p[3 * i]).qstr)
                let line = Obj(raw: p[3 * i + 1]).smallInt
                let fnq = Obj(raw: p[3 * i + 2]).qstr
                if fnq == QID._null.rawValue {
                    out += "  File \"\(file)\", line \(line)\n"
                } else {
                    out += "  File \"\(file)\", line \(line), in \(qstrString(fnq))\n"
                }
            }
        }
    }
    var buf: [UInt8] = []
    let tname = typeNameOf(exc.type)
    if (try? appendStr(exc, &buf)) == nil { buf = [] }
    // MicroPython prints "Name: " even without arguments (mp_obj_exception_print, PRINT_EXC)
    out += tname + ": " + String(decoding: buf, as: UTF8.self)
    out += "\n"
    return out
}

func printException(_ exc: Obj) {
    emitStderr(Array(formatException(exc).utf8))
}

/// The REPL's display hook: repr of non-None results, stored in `_`.
func replPrint(_ v: Obj) throws {
    if v == .none { return }
    var buf: [UInt8] = []
    try appendRepr(v, &buf)
    buf.append(10)
    emitStdout(buf)
    if let f = currentFrame { try dictMap(f[FrameWord.globals]).set(qobj("_"), v) }
}
