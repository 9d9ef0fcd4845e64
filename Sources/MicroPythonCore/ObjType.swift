// Type objects: built-in ones at fixed flash addresses, classes in the heap. Both are 8 words:
//   [metatype][flags][name][locals dict][bases tuple][lookup order tuple][native base][spare]
// Lookup order is MicroPython's: the class, then each base depth-first left to right
// (first occurrence kept), `object` last.

struct BuiltinTypeDef {
    let id: TypeID
    let name: String
    let base: TypeID?
    var flags: UInt32 = TypeFlag.baseType
    var methods: [NativeSpec] = []
    var attrs: [(String, Obj)] = []
}

/// True while start-up builds flash tables, so map tables go to flash rather than the heap.
nonisolated(unsafe) var buildingRom = false

func tableAlloc(_ bytes: Int) throws -> UInt32 {
    if buildingRom { return romAllocRaw(bytes: bytes) }
    return try gcAlloc(bytes)
}

/// A dict object allocated in flash.
func romDict() -> Obj {
    let a = romAllocRaw(bytes: 16)
    hostPtr(a).storeBytes(of: TypeID.dict.addr, as: UInt32.self)
    return Obj(raw: a)
}

func romTuple(_ items: [Obj]) -> Obj {
    let a = romAllocRaw(bytes: 8 + 4 * items.count)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = TypeID.tuple.addr
    w[1] = UInt32(items.count)
    for (i, v) in items.enumerated() { w[2 + i] = v.raw }
    return Obj(raw: a)
}

/// Writes a built-in type object at its fixed address.
func installBuiltinType(_ def: BuiltinTypeDef) {
    let t = def.id.obj
    let w = t.words
    w[0] = TypeID.type.addr
    var flags = def.flags
    var chain: [Obj] = [t]
    var b = def.base
    while let bb = b {
        chain.append(bb.obj)
        if bb == .BaseException { flags |= TypeFlag.exception }
        b = bb.obj.words[TypeWord.bases] == 0 ? nil : TypeID.from(addr: tupleItems(bb.obj.o(TypeWord.bases))[0].raw)
    }
    if def.id == .BaseException { flags |= TypeFlag.exception }
    if def.id != .object && chain.last != TypeID.object.obj { chain.append(TypeID.object.obj) }
    w[TypeWord.flags] = flags
    w[TypeWord.name] = qobj(def.name).raw
    let locals = romDict()
    for spec in def.methods {
        let f = makeNative(def.id == .object ? spec : checkingSelf(spec, def.id.obj))
        let v: Obj
        switch spec.kind {
        case .classMethod: v = romWrap(.classmethod, f)
        case .staticMethod: v = romWrap(.staticmethod, f)
        default: v = f
        }
        try! dictMap(locals).set(qobj(spec.name), v)
    }
    for (name, v) in def.attrs { try! dictMap(locals).set(qobj(name), v) }
    w[TypeWord.locals] = locals.raw
    w[TypeWord.bases] = def.base.map { romTuple([$0.obj]).raw } ?? romTuple([]).raw
    w[TypeWord.mro] = romTuple(chain).raw
    w[TypeWord.nativeBase] = def.id.addr
}

/// A method that first checks its self argument, as MicroPython's mp_check_self does: calling
/// `str.upper(5)` through the type must raise TypeError, not read an int as a string.
func checkingSelf(_ spec: NativeSpec, _ owner: Obj) -> NativeSpec {
    guard spec.kind == .method else { return spec }
    let body = spec.fn
    let ownerRaw = owner.raw
    return NativeSpec(name: spec.name, minArgs: spec.minArgs, maxArgs: spec.maxArgs, takesKw: spec.takesKw, kind: spec.kind) { a in
        if a.count == 0 { throw typeError("method needs an argument") }
        let s = a[0]
        if s.typeAddr != ownerRaw && !isSubclassRaw(s.type, Obj(raw: ownerRaw)) {
            throw typeError("argument has wrong type")
        }
        return try body(a)
    }
}

func romWrap(_ t: TypeID, _ f: Obj) -> Obj {
    let a = romAllocRaw(bytes: 8)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = t.addr
    w[1] = f.raw
    return Obj(raw: a)
}

@inline(__always) func typeFlags(_ t: Obj) -> UInt32 { t.w(TypeWord.flags) }
@inline(__always) func typeMro(_ t: Obj) -> Obj { t.o(TypeWord.mro) }
@inline(__always) func typeLocals(_ t: Obj) -> Obj { t.o(TypeWord.locals) }
@inline(__always) func typeNativeBase(_ t: Obj) -> TypeID { TypeID.from(addr: t.w(TypeWord.nativeBase)) ?? .object }
@inline(__always) func isUserClass(_ t: Obj) -> Bool { t.w(TypeWord.flags) & TypeFlag.user != 0 }
@inline(__always) func isTypeObj(_ o: Obj) -> Bool {
    guard o.isPtr else { return false }
    let mt = o.words[0]
    return mt == TypeID.type.addr || (mt != 0 && isHeapAddr(mt) && isSubclassRaw(Obj(raw: mt), TypeID.type.obj))
}

/// Finds `name` along the type's lookup order.
@inline(__always) func lookupInType(_ t: Obj, _ name: Obj) -> Obj? {
    let mro = typeMro(t)
    let n = tupleLen(mro)
    let items = tupleItems(mro)
    for i in 0..<n {
        let d = items[i].o(TypeWord.locals)
        let m = dictMap(d)
        if let j = m.findQstr(name) { return m.value(j) }
    }
    return nil
}

/// Like lookupInType, also returning the class where the name was found.
func lookupInTypeWithOwner(_ t: Obj, _ name: Obj, after: Obj? = nil) -> (Obj, Obj)? {
    let mro = typeMro(t)
    let items = tupleItems(mro)
    var i = 0
    let n = tupleLen(mro)
    if let a = after {
        while i < n && items[i] != a { i += 1 }
        i += 1
    }
    while i < n {
        let m = dictMap(items[i].o(TypeWord.locals))
        if let j = m.findQstr(name) { return (m.value(j), items[i]) }
        i += 1
    }
    return nil
}

func isSubclassRaw(_ a: Obj, _ b: Obj) -> Bool {
    if a == b { return true }
    guard a.isPtr else { return false }
    let mro = typeMro(a)
    let items = tupleItems(mro)
    for i in 0..<tupleLen(mro) where items[i] == b { return true }
    return false
}

@inline(__always) func isInstance(_ o: Obj, _ t: TypeID) -> Bool {
    let ta = o.typeAddr
    if ta == t.addr { return true }
    return isSubclassRaw(Obj(raw: ta), t.obj)
}

func isInstanceOf(_ o: Obj, _ t: Obj) -> Bool { isSubclassRaw(o.type, t) }

/// Lookup order for a new class: itself, then bases depth-first, `object` last.
func computeMro(_ cls: Obj, _ bases: [Obj]) throws -> Obj {
    var order: [Obj] = [cls]
    for b in bases {
        let m = typeMro(b)
        let items = tupleItems(m)
        for i in 0..<tupleLen(m) where items[i] != TypeID.object.obj && !order.contains(items[i]) {
            order.append(items[i])
        }
    }
    order.append(TypeID.object.obj)
    return try newTuple(order)
}

/// Creates a class: type(name, bases, dict) and the class statement.
func newClass(name: Obj, bases: [Obj], dict: Obj, metaclass: Obj = TypeID.type.obj) throws -> Obj {
    var native: TypeID = .object
    var flags: UInt32 = TypeFlag.user | TypeFlag.baseType
    for b in bases {
        guard isTypeObj(b) else { throw typeError("bases must be types") }
        if typeFlags(b) & TypeFlag.baseType == 0 { throw typeError("type '\(qstrString(b.o(TypeWord.name).qstr))' is not an acceptable base type") }
        let nb = typeNativeBase(b)
        if nb != .object {
            if native != .object && native != nb && !(isExceptionType(b)) {
                throw typeError("multiple bases have instance lay-out conflict")
            }
            if native == .object || isSubclassRaw(nb.obj, native.obj) { native = nb }
        }
        flags |= typeFlags(b) & (TypeFlag.exception | TypeFlag.getattr | TypeFlag.setattr | TypeFlag.delattr)
    }
    let t = try allocObj(metaclass.raw, words: 8)
    let keep = pushRoot(t)
    defer { popRoots(to: keep) }
    t.setO(TypeWord.name, internStr(name))
    t.setO(TypeWord.locals, dict)
    let baseTuple = try newTuple(bases)
    t.setO(TypeWord.bases, baseTuple)
    t.setO(TypeWord.mro, try computeMro(t, bases.isEmpty ? [TypeID.object.obj] : bases))
    t.setW(TypeWord.nativeBase, native.addr)
    let m = dictMap(dict)
    // defining __eq__ without __hash__ makes instances unhashable, as in Python 3
    if m.findQstr(qobj(.__eq__)) != nil && m.findQstr(qobj(.__hash__)) == nil {
        try m.set(qobj(.__hash__), .none)
    }
    if m.findQstr(qobj(.__getattr__)) != nil { flags |= TypeFlag.getattr }
    if m.findQstr(qobj(.__setattr__)) != nil { flags |= TypeFlag.setattr }
    if m.findQstr(qobj(.__delattr__)) != nil { flags |= TypeFlag.delattr }
    if m.findQstr(qobj(.__getattribute__)) != nil { flags |= TypeFlag.hasGetattribute }
    t.setW(TypeWord.flags, flags)
    return t
}

/// Recomputes flags after a class attribute changes (e.g. C.__getattr__ = f).
func refreshClassFlags(_ t: Obj, _ name: Obj) {
    let bit: UInt32
    switch name {
    case qobj(.__getattr__): bit = TypeFlag.getattr
    case qobj(.__setattr__): bit = TypeFlag.setattr
    case qobj(.__delattr__): bit = TypeFlag.delattr
    default: return
    }
    t.setW(TypeWord.flags, t.w(TypeWord.flags) | bit)
}

func typeNameOf(_ t: Obj) -> String { qstrString(t.o(TypeWord.name).qstr) }
