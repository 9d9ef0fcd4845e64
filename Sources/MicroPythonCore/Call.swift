// Calling any callable, and creating instances of classes.
// Arguments are passed as a window of the VM stack (Args), so calls allocate no argument tuple.
// Convention: the slot just below the arguments (base[-1]) may be overwritten by the callee side,
// which lets a bound method put its self there without copying.

/// Calls `f` with arguments base[0..<count] plus keyword values; base[-1] is scratch.
func callObjectOnStack(_ f: Obj, _ base: UnsafeMutablePointer<Obj>, _ count: Int, _ kwnames: Obj,
                       stackTop: UnsafeMutablePointer<Obj>) throws -> Obj {
    let saved = rt.pointee.vmStackTop
    let nkw = kwnames.isNull ? 0 : tupleLen(kwnames)
    let end = base + count + nkw
    if saved < end { rt.pointee.vmStackTop = end }
    defer { rt.pointee.vmStackTop = saved }
    guard f.isPtr else { throw notCallable(f) }
    let ft = f.words[0]
    if ft == TypeID.function.addr { return try callFunction(f, base, count, kwnames) }
    if ft == TypeID.builtinFunction.addr { return try callNative(f, Args(base: base, count: count, kwnames: kwnames)) }
    if ft == TypeID.boundMethod.addr {
        base[-1] = f.o(1)
        return try callObjectOnStack(f.o(2), base - 1, count + 1, kwnames, stackTop: stackTop)
    }
    if isTypeObj(f) { return try callType(f, Args(base: base, count: count, kwnames: kwnames)) }
    let t = f.type
    // user classes, and flash types of board modules with a native __call__ (pyb.Pin, pyb.Switch)
    if isUserClass(t) || isRomAddr(t.raw), let c = lookupInType(t, qobj(.__call__)) {
        base[-1] = f
        return try callObjectOnStack(c, base - 1, count + 1, kwnames, stackTop: stackTop)
    }
    if ft == TypeID.staticmethod.addr { return try callObjectOnStack(f.o(1), base, count, kwnames, stackTop: stackTop) }
    throw notCallable(f)
}

@inline(never) func notCallable(_ f: Obj) -> PyErr { typeError("'\(typeName(f))' object isn't callable") }

/// Calls with positional arguments from a Swift array (copied to the VM stack).
func callObjectArgs(_ f: Obj, _ argv: [Obj], kwnames: Obj = .null, stackTop: UnsafeMutablePointer<Obj>) throws -> Obj {
    let mark = max(rt.pointee.vmStackTop, stackTop)
    let base = mark + 1
    guard base + argv.count + 1 < rt.pointee.vmStackLimit else { throw runtimeError("maximum recursion depth exceeded") }
    mark[0] = .null
    for (i, v) in argv.enumerated() { base[i] = v }
    let saved = rt.pointee.vmStackTop
    rt.pointee.vmStackTop = base + argv.count
    defer { rt.pointee.vmStackTop = saved }
    let nkw = kwnames.isNull ? 0 : tupleLen(kwnames)
    return try callObjectOnStack(f, base, argv.count - nkw, kwnames, stackTop: base + argv.count)
}

/// Calls a function found on a class with `selfObj` as first argument.
func callBound(_ f: Obj, _ selfObj: Obj, _ argv: [Obj]) throws -> Obj {
    if f.isType(.staticmethod) { return try callObjectArgs(f.o(1), argv, stackTop: rt.pointee.vmStackTop) }
    if f.isType(.classmethod) { return try callObjectArgs(f.o(1), [selfObj.type] + argv, stackTop: rt.pointee.vmStackTop) }
    if f.isType(.function) || f.isType(.builtinFunction) {
        return try callObjectArgs(f, [selfObj] + argv, stackTop: rt.pointee.vmStackTop)
    }
    let (v, s) = try bindClassAttr(f, selfObj, selfObj.type)
    if !s.isNull { return try callObjectArgs(v, [s] + argv, stackTop: rt.pointee.vmStackTop) }
    return try callObjectArgs(v, argv, stackTop: rt.pointee.vmStackTop)
}

/// obj.name(*argv)
func callMethod(_ o: Obj, _ name: QID, _ argv: [Obj], stackTop: UnsafeMutablePointer<Obj>) throws -> Obj {
    guard let found = try findAttr(o, qobj(name)) else { throw attrError(o, qobj(name)) }
    let v = found.0, s = found.1
    if !s.isNull { return try callObjectArgs(v, [s] + argv, stackTop: stackTop) }
    return try callObjectArgs(v, argv, stackTop: stackTop)
}

/// f(*tuple, **dict) as CALL_EX does it.
func callWithTupleAndDict(_ f: Obj, _ selfObj: Obj, _ posTuple: Obj, _ kwargs: Obj, stackTop: UnsafeMutablePointer<Obj>) throws -> Obj {
    var argv: [Obj] = []
    if !selfObj.isNull { argv.append(selfObj) }
    for i in 0..<tupleLen(posTuple) { argv.append(tupleItems(posTuple)[i]) }
    var names: [Obj] = []
    if !kwargs.isNull {
        let m = dictMap(kwargs)
        var i = 0
        while let j = m.next(from: i) {
            let k = m.key(j)
            guard isStr(k) else { throw typeError("keywords must be strings") }
            names.append(internStr(k))
            argv.append(m.value(j))
            i = j + 1
        }
    }
    // keep the containers alive while argv (a Swift array) is being copied
    let keep = pushRoot(posTuple)
    _ = pushRoot(kwargs)
    defer { popRoots(to: keep) }
    let kwnames = names.isEmpty ? Obj.null : try newTuple(names)
    _ = pushRoot(kwnames)
    return try callObjectArgs(f, argv, kwnames: kwnames, stackTop: max(stackTop, rt.pointee.vmStackTop))
}

// MARK: - constructing instances

/// Native constructors of builtin types, keyed by TypeID raw value. args exclude the type.
nonisolated(unsafe) var typeMakers: [UInt32: NativeFn] = [:]

func callType(_ t: Obj, _ args: Args) throws -> Obj {
    if let id = TypeID.from(addr: t.raw) {
        if id == .type && args.count == 1 && args.kwnames.isNull { return args[0].type }
        if let maker = typeMakers[id.rawValue] { return try maker(args) }
        if isExceptionType(t) { return try newException(t, args: try newTuple(args.base, args.count)) }
        throw typeError("cannot create '\(typeNameOf(t))' instances")
    }
    // flash types of modules (e.g. VfsPosix) carry their constructor in the spare word
    if !isUserClass(t) && isRomAddr(t.raw) && t.w(TypeWord.extra) != 0 {
        return try callNative(Obj(raw: t.w(TypeWord.extra)), args)
    }
    // metaclass with __call__
    let meta = t.type
    if meta != TypeID.type.obj, isUserClass(meta), let c = lookupInType(meta, qobj(.__call__)) {
        var argv = [t]
        for i in 0..<(args.count + args.kwCount) { argv.append(args[i]) }
        return try callObjectArgs(c, argv, kwnames: args.kwnames, stackTop: rt.pointee.vmStackTop)
    }
    return try createInstance(t, args)
}

/// type.__call__: __new__ then __init__.
func createInstance(_ t: Obj, _ args: Args) throws -> Obj {
    let obj: Obj
    let nargs = args.count + args.kwCount
    var newFn = lookupInType(t, qobj(.__new__))
    if let f = newFn, f.isType(.staticmethod) { newFn = f.o(1) }
    let customNew = newFn != nil && newFn != objectNew
    if customNew, let newFn = newFn {
        var argv = [t]
        for i in 0..<nargs { argv.append(args[i]) }
        obj = try callObjectArgs(newFn, argv, kwnames: args.kwnames, stackTop: rt.pointee.vmStackTop)
        if !isInstanceOf(obj, t) { return obj }
    } else {
        obj = try allocInstance(t, args)
    }
    let keep = pushRoot(obj)
    defer { popRoots(to: keep) }
    if let initFn = lookupInType(t, qobj(.__init__)) {
        if initFn == objectInit {
            if nargs > 0 && !customNew && typeNativeBase(t) == .object {
                throw typeError("\(typeNameOf(t))() takes no arguments")
            }
        } else {
            let mark = max(rt.pointee.vmStackTop, args.base + nargs)
            mark[0] = .null
            mark[1] = obj
            for i in 0..<nargs { mark[2 + i] = args[i] }
            let saved = rt.pointee.vmStackTop
            rt.pointee.vmStackTop = mark + 2 + nargs
            defer { rt.pointee.vmStackTop = saved }
            let r: Obj
            if initFn.isType(.function) {
                r = try callFunction(initFn, mark + 1, args.count + 1, args.kwnames)
            } else {
                r = try callObjectOnStack(initFn, mark + 1, args.count + 1, args.kwnames, stackTop: mark + 2 + nargs)
            }
            if r != .none { throw typeError("__init__() should return None") }
        }
    }
    return obj
}

/// object.__new__(cls): the storage for an instance, including a native part for subclasses of
/// builtin types.
func allocInstance(_ t: Obj, _ args: Args) throws -> Obj {
    // an instance of type or of a metaclass is a class: type.__new__(mcs, name, bases, dict)
    if t == TypeID.type.obj || isSubclassRaw(t, TypeID.type.obj) {
        if args.count == 1 && t == TypeID.type.obj { return args[0].type }
        guard args.count == 3, isStr(args[0]), args[1].isType(.tuple), args[2].isType(.dict) else {
            throw typeError("type() takes 1 or 3 arguments")
        }
        var bases: [Obj] = []
        for i in 0..<tupleLen(args[1]) { bases.append(tupleItems(args[1])[i]) }
        let d = try dictCopy(args[2])
        let keep = pushRoot(d)
        defer { popRoots(to: keep) }
        return try newClass(name: args[0], bases: bases, dict: d, metaclass: t)
    }
    // object.__new__ of a builtin or flash type must build it as its constructor does: a bare
    // object would have the wrong layout for the type's methods
    if !isUserClass(t) && t != TypeID.object.obj && !isExceptionType(t) {
        if let id = TypeID.from(addr: t.raw) {
            guard let maker = typeMakers[id.rawValue] else { throw typeError("cannot create '\(typeNameOf(t))' instances") }
            return try maker(args)
        }
        if isRomAddr(t.raw) && t.w(TypeWord.extra) != 0 {
            return try callNative(Obj(raw: t.w(TypeWord.extra)), args)
        }
    }
    if isExceptionType(t) {
        let a = try newTuple(args.base, args.count)
        let keep = pushRoot(a)
        defer { popRoots(to: keep) }
        return try newException(t, args: a)
    }
    let nb = typeNativeBase(t)
    if nb == .object {
        let o = try allocObj(t.raw, words: 4)
        return o
    }
    let o = try allocObj(t.raw, words: 5)
    let keep = pushRoot(o)
    defer { popRoots(to: keep) }
    guard let maker = typeMakers[nb.rawValue] else { throw typeError("can't subclass \(nb)") }
    // immutable natives take the constructor arguments; mutable ones are filled by __init__
    let immutable = nb == .int || nb == .str || nb == .tuple || nb == .bytes || nb == .float || nb == .frozenset || nb == .complex
    let hasInit = lookupInType(t, qobj(.__init__)).map { $0 != nb.obj.o(TypeWord.locals) } ?? false
    _ = hasInit
    let sub: Obj
    if immutable || lookupInTypeWithOwner(t, qobj(.__init__)).map({ isUserClass($0.1) }) != true {
        sub = try maker(args)
    } else {
        sub = try maker(Args(base: args.base, count: 0, kwnames: .null))
    }
    o.setO(4, sub)
    return o
}

/// Turns the operand of `raise` into an exception instance.
func makeRaisable(_ o: Obj) throws -> Obj {
    if isException(o) { return o }
    if isTypeObj(o) && isExceptionType(o) {
        let e = try callObjectArgs(o, [], stackTop: rt.pointee.vmStackTop)
        if isException(e) { return e }
    }
    throw typeError("exceptions must derive from BaseException")
}

func exceptionMatches(_ exc: Obj, _ t: Obj) throws -> Bool {
    if t.isType(.tuple) {
        for i in 0..<tupleLen(t) where try exceptionMatches(exc, tupleItems(t)[i]) { return true }
        return false
    }
    guard isTypeObj(t) && isExceptionType(t) else {
        throw typeError("catching classes that do not inherit from BaseException is not allowed")
    }
    return isSubclassRaw(exc.type, t)
}

// MARK: - classes

/// __build_class__(body, name, *bases, metaclass=..., **kw)
func buildClass(_ args: Args) throws -> Obj {
    guard args.count >= 2 else { throw typeError("__build_class__: not enough arguments") }
    let body = args[0], name = args[1]
    guard body.isType(.function) else { throw typeError("__build_class__: func must be a function") }
    var bases: [Obj] = []
    for i in 2..<args.count { bases.append(args[i]) }
    var meta: Obj = bases.first.map { $0.type } ?? TypeID.type.obj
    if let m = args.kw("metaclass") { meta = m }
    let ns = try newDict()
    let keep = pushRoot(ns)
    defer { popRoots(to: keep) }
    // run the body with the namespace as its locals
    let code = functionCode(body)
    let size = frameSlots(code)
    let frame = rt.pointee.vmStackTop
    guard frame + size < rt.pointee.vmStackLimit else { throw runtimeError("maximum recursion depth exceeded") }
    rt.pointee.vmStackTop = frame + size
    frame[FrameWord.code] = code
    frame[FrameWord.globals] = body.o(FunctionWord.globals)
    frame[FrameWord.function] = body
    frame[FrameWord.ip] = Obj(raw: 0)
    frame[FrameWord.sp] = Obj(raw: 0)
    frame[FrameWord.namespace] = ns
    for i in 0..<codeNLocals(code) { frame[FrameWord.header + i] = .null }
    let cell: Obj
    do {
        try setupCells(body, code, frame + FrameWord.header)
        cell = try execute(frame)
    } catch {
        rt.pointee.vmStackTop = frame
        throw error
    }
    rt.pointee.vmStackTop = frame
    let cls: Obj
    if meta == TypeID.type.obj || (isTypeObj(meta) && !isUserClass(meta)) {
        cls = try newClass(name: name, bases: bases, dict: ns)
    } else {
        var argv = [name, try newTuple(bases), ns]
        _ = argv
        let bt = try newTuple(bases)
        _ = pushRoot(bt)
        argv = [name, bt, ns]
        cls = try callObjectArgs(meta, argv, stackTop: rt.pointee.vmStackTop)
    }
    if cell.isType(.cell) { cell.setO(1, cls) }
    // __set_name__ and __init_subclass__ hooks
    if isTypeObj(cls) && isUserClass(cls) {
        let m = dictMap(ns)
        var i = 0
        while let j = m.next(from: i) {
            let v = m.value(j)
            if isUserClassObj(v), let sn = lookupInType(v.type, qobj(.__set_name__)) {
                _ = try callBound(sn, v, [cls, m.key(j)])
            }
            i = j + 1
        }
        for b in bases where isUserClass(b) {
            if let (f, _) = lookupInTypeWithOwner(cls, qobj(.__init_subclass__), after: cls) {
                let fn = f.isType(.classmethod) ? f.o(1) : f
                _ = try callObjectArgs(fn, [cls], stackTop: rt.pointee.vmStackTop)
            }
            break
        }
    }
    return cls
}
