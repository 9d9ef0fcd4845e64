// Attribute lookup, assignment and deletion for every kind of object.
// findAttr returns the attribute and, for functions found on the class, the object to bind them
// to, so method calls (LOAD_METHOD) need no bound-method allocation.

/// The attribute map of an instance of a class: inline for plain instances, a lazily created
/// dict for exception instances.
func instanceMap(_ o: Obj, create: Bool) throws -> MapRef? {
    if isException(o) {
        var d = o.o(ExcWord.dict)
        if d.isNull {
            if !create || !isHeapAddr(o.raw) { return nil }
            d = try newDict()
            o.setO(ExcWord.dict, d)
        }
        return dictMap(d)
    }
    return MapRef(o.raw + 4)
}

func attrError(_ o: Obj, _ name: Obj) -> PyErr {
    let n = name.isQstr ? qstrString(name.qstr) : "?"
    if o.isType(.module) {
        let mn = (try? dictMap(moduleDict(o)).get(qobj(.__name__))).flatMap { $0 }
        let modName = mn.map { isStr($0) ? swiftString($0) : "?" } ?? "?"
        return attributeError("module '\(modName)' has no attribute '\(n)'")
    }
    if isTypeObj(o) {
        return attributeError("type object '\(typeNameOf(o))' has no attribute '\(n)'")
    }
    return attributeError("'\(typeName(o))' object has no attribute '\(n)'")
}

func loadAttr(_ o: Obj, _ name: Obj) throws -> Obj {
    guard let found = try findAttr(o, name) else { throw attrError(o, name) }
    let v = found.0, s = found.1
    return s.isNull ? v : try newBoundMethod(s, v)
}

func loadAttrOpt(_ o: Obj, _ name: Obj) throws -> Obj? {
    guard let found = try findAttr(o, name) else { return nil }
    let v = found.0, s = found.1
    return s.isNull ? v : try newBoundMethod(s, v)
}

/// For LOAD_METHOD: out[0] = callable, out[1] = self or null.
func loadMethod(_ o: Obj, _ name: Obj, into out: UnsafeMutablePointer<Obj>) throws {
    guard let found = try findAttr(o, name) else { throw attrError(o, name) }
    let fnObj = found.0, selfObj = found.1
    out[1] = selfObj
    out[0] = fnObj
}

/// How a class attribute looks when reached through an instance `o` of class `t`.
@inline(__always)
func bindClassAttr(_ a: Obj, _ o: Obj, _ t: Obj) throws -> (Obj, Obj) {
    if !a.isPtr { return (a, .null) }
    let at = a.words[0]
    if at == TypeID.function.addr { return (a, o) }
    if at == TypeID.builtinFunction.addr {
        return nativeKind(a) == .method ? (a, o) : (a, .null)
    }
    if at == TypeID.staticmethod.addr { return (a.o(1), .null) }
    if at == TypeID.classmethod.addr { return (a.o(1), t) }
    if at == TypeID.property.addr {
        let getter = a.o(1)
        if getter.isNull || getter == .none { throw attributeError("unreadable attribute") }
        return (try callObjectArgs(getter, [o], stackTop: rt.pointee.vmStackTop), .null)
    }
    if isHeapAddr(at), isUserClass(Obj(raw: at)), let get = lookupInType(Obj(raw: at), qobj(.__get__)) {
        return (try callBound(get, a, [o, t]), .null)
    }
    return (a, .null)
}

func findAttr(_ o: Obj, _ name: Obj) throws -> (Obj, Obj)? {
    let t = o.type
    if isUserClass(t) && !isTypeObj(o) {
        // data descriptors on the class win over the instance dict
        let classAttr = lookupInType(t, name)
        if let a = classAttr, a.isType(.property) { return try bindClassAttr(a, o, t) }
        if let m = try instanceMap(o, create: false), let i = m.findQstr(name) { return (m.value(i), .null) }
        if let a = classAttr { return try bindClassAttr(a, o, t) }
        if let r = try specialAttr(o, name) { return (r, .null) }
        let nb = typeNativeBase(t)
        if nb != .object && !isException(o) {
            let n = o.o(4)
            if !n.isNull, let r = try findAttr(n, name) { return r }
        }
        if typeFlags(t) & TypeFlag.getattr != 0, let ga = lookupInType(t, qobj(.__getattr__)) {
            return (try callBound(ga, o, [name]), .null)
        }
        return nil
    }
    if isTypeObj(o) { return try findClassAttr(o, name) }
    if o.isType(.module) {
        let d = moduleDict(o)
        let m = dictMap(d)
        if let i = m.findQstr(name) { return (m.value(i), .null) }
        if let v = try m.get(name) { return (v, .null) }
        if name == qobj(.__dict__) { return (d, .null) }
        if let ga = m.findQstr(qobj(.__getattr__)) {
            return (try callObjectArgs(m.value(ga), [name], stackTop: rt.pointee.vmStackTop), .null)
        }
        return nil
    }
    if o.isType(.super) { return try superAttr(o, name) }
    // builtin objects: methods from the type, then per-type attributes
    if let a = lookupInType(t, name) { return try bindClassAttr(a, o, t) }
    if let r = try specialAttr(o, name) { return (r, .null) }
    return nil
}

/// Attributes of a class object (and of builtin types).
func findClassAttr(_ cls: Obj, _ name: Obj) throws -> (Obj, Obj)? {
    if let a = lookupInType(cls, name) {
        if a.isPtr {
            let at = a.words[0]
            if at == TypeID.staticmethod.addr { return (a.o(1), .null) }
            if at == TypeID.classmethod.addr { return (a.o(1), cls) }
            if isHeapAddr(at), isUserClass(Obj(raw: at)), let get = lookupInType(Obj(raw: at), qobj(.__get__)) {
                return (try callBound(get, a, [.none, cls]), .null)
            }
        }
        return (a, .null)
    }
    switch name {
    case qobj(.__name__), qobj(.__qualname__): return (cls.o(TypeWord.name), .null)
    case qobj(.__bases__):
        let b = cls.o(TypeWord.bases)
        if tupleLen(b) == 0 && cls != TypeID.object.obj { return (try newTuple([TypeID.object.obj]), .null) }
        return (b, .null)
    case qobj(.__mro__): return (typeMro(cls), .null)
    case qobj(.__dict__): return (typeLocals(cls), .null)
    case qobj(.__class__): return (cls.type, .null)
    case qobj(.__doc__): return (.none, .null)
    case qobj(.__module__): return (qobj("builtins"), .null)
    default: break
    }
    // methods of the metaclass
    let meta = cls.type
    if meta != TypeID.type.obj, let a = lookupInType(meta, name) { return try bindClassAttr(a, cls, meta) }
    if meta == TypeID.type.obj, let a = lookupInType(meta, name) {
        if a.isType(.builtinFunction) && nativeKind(a) == .method { return (a, cls) }
    }
    return nil
}

/// super(): lookup after the given class in the instance's lookup order.
func superAttr(_ s: Obj, _ name: Obj) throws -> (Obj, Obj)? {
    let cls = s.o(1), obj = s.o(2)
    let objType = isTypeObj(obj) && isSubclassRaw(obj, cls) ? obj : obj.type
    guard let (a, _) = lookupInTypeWithOwner(objType, name, after: cls) else {
        if name == qobj(.__init__) { return (objectInit, obj) }
        return nil
    }
    if isTypeObj(obj) && objType == obj {
        if a.isType(.classmethod) { return (a.o(1), obj) }
        if a.isType(.staticmethod) { return (a.o(1), .null) }
        return (a, .null)
    }
    return try bindClassAttr(a, obj, objType)
}

// MARK: store / delete

func storeAttr(_ o: Obj, _ name: Obj, _ v: Obj) throws {
    let t = o.type
    if isUserClass(t) && !isTypeObj(o) {
        if typeFlags(t) & TypeFlag.setattr != 0, let f = lookupInType(t, qobj(.__setattr__)), f != objectSetattr {
            _ = try callBound(f, o, [name, v])
            return
        }
        try genericSetattr(o, name, v)
        return
    }
    if isTypeObj(o) {
        guard isUserClass(o) else { throw typeError("can't set attributes of built-in/extension type '\(typeNameOf(o))'") }
        try dictMap(typeLocals(o)).set(name, v)
        refreshClassFlags(o, name)
        return
    }
    if o.isType(.module) {
        try dictMap(moduleDict(o)).set(name, v)
        return
    }
    if isException(o), let m = try instanceMap(o, create: true) {
        try m.set(name, v)
        return
    }
    throw attrError(o, name)
}

/// object.__setattr__: descriptors, then the instance map.
func genericSetattr(_ o: Obj, _ name: Obj, _ v: Obj) throws {
    let t = o.type
    if let a = lookupInType(t, name), a.isPtr {
        if a.isType(.property) {
            let setter = a.o(2)
            if setter.isNull || setter == .none { throw attributeError("can't set attribute") }
            _ = try callObjectArgs(setter, [o, v], stackTop: rt.pointee.vmStackTop)
            return
        }
        let at = a.words[0]
        if isHeapAddr(at), isUserClass(Obj(raw: at)), let set = lookupInType(Obj(raw: at), qobj(.__set__)) {
            _ = try callBound(set, a, [o, v])
            return
        }
    }
    // only instances of classes have a map to store into (object.__setattr__(0, 'x', 1) reaches here)
    guard isUserClassObj(o) || isException(o) else { throw attrError(o, name) }
    guard let m = try instanceMap(o, create: true) else { throw attrError(o, name) }
    try m.set(name, v)
}

func deleteAttr(_ o: Obj, _ name: Obj) throws {
    let t = o.type
    if isUserClass(t) && !isTypeObj(o) {
        if typeFlags(t) & TypeFlag.delattr != 0, let f = lookupInType(t, qobj(.__delattr__)), f != objectDelattr {
            _ = try callBound(f, o, [name])
            return
        }
        try genericDelattr(o, name)
        return
    }
    if isTypeObj(o) && isUserClass(o) {
        if try dictMap(typeLocals(o)).remove(name) == nil { throw attrError(o, name) }
        return
    }
    if o.isType(.module) {
        if try dictMap(moduleDict(o)).remove(name) == nil { throw attrError(o, name) }
        return
    }
    throw attrError(o, name)
}

func genericDelattr(_ o: Obj, _ name: Obj) throws {
    if let a = lookupInType(o.type, name), a.isType(.property) {
        let deleter = a.o(3)
        if deleter.isNull || deleter == .none { throw attributeError("can't delete attribute") }
        _ = try callObjectArgs(deleter, [o], stackTop: rt.pointee.vmStackTop)
        return
    }
    // only instances of classes have a map to delete from (object.__delattr__(0, 'x') reaches here)
    guard isUserClassObj(o) || isException(o) else { throw attrError(o, name) }
    guard let m = try instanceMap(o, create: false), try m.remove(name) != nil else { throw attrError(o, name) }
}

// MARK: attributes that are not in a type's method table

func specialAttr(_ o: Obj, _ name: Obj) throws -> Obj? {
    if name == qobj(.__class__) { return o.type }
    if isException(o) {
        switch name {
        case qobj(.args): return excArgs(o)
        case qobj(.value):
            if isInstance(o, .StopIteration) || isInstance(o, .SystemExit) { return stopValue(o) }
        case qobj(.errno):
            if isInstance(o, .OSError) { let a = excArgs(o); return tupleLen(a) > 0 ? tupleItems(a)[0] : .none }
        case qobj(.strerror):
            if isInstance(o, .OSError) { let a = excArgs(o); return tupleLen(a) > 1 ? tupleItems(a)[1] : .none }
        case qobj(.code):
            if isInstance(o, .SystemExit) { return stopValue(o) }
        case qobj(.__cause__): let c = o.o(ExcWord.cause); return c.isNull ? .none : c
        case qobj(.__context__): let c = o.o(ExcWord.context); return c.isNull ? .none : c
        case qobj(.__suppress_context__): return .bool(o.w(ExcWord.flags) & 1 != 0)
        case qobj(.__traceback__): return .none
        case qobj(.__dict__):
            if let m = try instanceMap(o, create: true) { _ = m; return o.o(ExcWord.dict) }
        default: break
        }
        return nil
    }
    if isUserClassObj(o) {
        if name == qobj(.__dict__) {
            // a dict view of the inline map: copy (MicroPython returns the map itself)
            let d = try newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let m = MapRef(o.raw + 4)
            var i = 0
            while let j = m.next(from: i) { try dictMap(d).set(m.key(j), m.value(j)); i = j + 1 }
            return d
        }
        return nil
    }
    guard let t = builtinType(o) else { return nil }
    switch t {
    case .complex:
        let (r, i) = complexValue(o)
        if name == qobj(.real) { return try newFloat(r) }
        if name == qobj(.imag) { return try newFloat(i) }
    case .int, .bool:
        if name == qobj(.real) { return o }
        if name == qobj(.imag) { return Obj(small: 0) }
    case .float:
        if name == qobj(.real) { return o }
        if name == qobj(.imag) { return try newFloat(0) }
    case .slice:
        if name == qobj(.start) { return o.o(1) }
        if name == qobj(.stop) { return o.o(2) }
        if name == qobj(.step) { return o.o(3) }
    case .range:
        let (a, b, s) = rangeParts(o)
        if name == qobj(.start) { return try newInt(a) }
        if name == qobj(.stop) { return try newInt(b) }
        if name == qobj(.step) { return try newInt(s) }
    case .function:
        let code = functionCode(o)
        switch name {
        case qobj(.__name__), qobj(.__qualname__): return code.o(CodeWord.name)
        case qobj(.__globals__): return o.o(FunctionWord.globals)
        case qobj(.__module__): return try dictMap(o.o(FunctionWord.globals)).get(qobj(.__name__)) ?? .none
        case qobj(.__doc__): return .none
        case qobj(.__code__): return code
        case qobj(.__defaults__):
            let e = o.o(FunctionWord.extras)
            return e.isNull || tupleItems(e)[0].isNull ? .none : tupleItems(e)[0]
        default: break
        }
    case .builtinFunction:
        if name == qobj(.__name__) || name == qobj(.__qualname__) { return o.o(NativeWord.name) }
    case .boundMethod:
        if name == qobj(.__self__) { return o.o(1) }
        if name == qobj(.__func__) { return o.o(2) }
        if name == qobj(.__name__) { return try loadAttr(o.o(2), name) }
    case .property:
        if name == qobj(.fget) { return o.o(1).isNull ? .none : o.o(1) }
        if name == qobj(.fset) { return o.o(2).isNull ? .none : o.o(2) }
        if name == qobj(.fdel) { return o.o(3).isNull ? .none : o.o(3) }
    case .staticmethod, .classmethod:
        if name == qobj(.__func__) { return o.o(1) }
    case .generator:
        if name == qobj(.__name__) { return functionCode(genFrame(o)[FrameWord.function]).o(CodeWord.name) }
        if name == qobj(.gi_running) { return .bool(o.w(1) == GenState.running) }
    case .code:
        if name == qobj(.__name__) { return o.o(CodeWord.name) }
    default:
        break
    }
    return nil
}
