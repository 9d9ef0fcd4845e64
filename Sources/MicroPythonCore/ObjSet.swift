// set and frozenset: [type][map] with the elements as keys (values unused).

private func selfSet(_ o: Obj) throws -> Obj {
    if o.isType(.set) || o.isType(.frozenset) { return o }
    let n = nativeSelf(o)
    if n.isType(.set) || n.isType(.frozenset) { return n }
    throw typeError("descriptor requires a 'set' object")
}

private func otherAsSet(_ o: Obj) throws -> Obj {
    if o.isType(.set) || o.isType(.frozenset) { return o }
    return try setFromIterable(o, .set)
}

private let setMethods: [NativeSpec] = [
    method("copy", 1) { a throws in
        let s = try selfSet(a[0])
        return try setCopy(s, TypeID.from(addr: s.typeAddr)!)
    },
    method("difference", 1, NativeSpec.varArgs) { a throws in
        var r = try setCopy(try selfSet(a[0]), TypeID.from(addr: try selfSet(a[0]).typeAddr)!)
        for i in 1..<a.count { r = try setBinaryOp(.sub, r, try otherAsSet(a[i])) }
        return r
    },
    method("intersection", 1, NativeSpec.varArgs) { a throws in
        var r = try setCopy(try selfSet(a[0]), TypeID.from(addr: try selfSet(a[0]).typeAddr)!)
        for i in 1..<a.count { r = try setBinaryOp(.and, r, try otherAsSet(a[i])) }
        return r
    },
    method("isdisjoint", 2) { a throws in
        let s = try selfSet(a[0]), o = try otherAsSet(a[1])
        let m = setMap(s)
        var i = 0
        while let j = m.next(from: i) { if try setMap(o).find(m.key(j)) != nil { return .false }; i = j + 1 }
        return .true
    },
    method("issubset", 2) { a throws in try setCompare(.le, try selfSet(a[0]), try otherAsSet(a[1])) },
    method("issuperset", 2) { a throws in try setCompare(.ge, try selfSet(a[0]), try otherAsSet(a[1])) },
    method("symmetric_difference", 2) { a throws in try setBinaryOp(.xor, try selfSet(a[0]), try otherAsSet(a[1])) },
    method("union", 1, NativeSpec.varArgs) { a throws in
        var r = try setCopy(try selfSet(a[0]), TypeID.from(addr: try selfSet(a[0]).typeAddr)!)
        for i in 1..<a.count { r = try setBinaryOp(.or, r, try otherAsSet(a[i])) }
        return r
    },
    method("__contains__", 2) { a throws in .bool(try setMap(try selfSet(a[0])).find(a[1]) != nil) },
    method("__len__", 1) { a throws in Obj(small: setMap(try selfSet(a[0])).count) },
]

private let mutatingSetMethods: [NativeSpec] = [
    method("add", 2) { a throws in try setAddItem(try selfSet(a[0]), a[1]); return .none },
    method("clear", 1) { a throws in setMap(try selfSet(a[0])).clear(); return .none },
    method("discard", 2) { a throws in _ = try setMap(try selfSet(a[0])).remove(a[1]); return .none },
    method("remove", 2) { a throws in
        if try setMap(try selfSet(a[0])).remove(a[1]) == nil { throw keyError(a[1]) }
        return .none
    },
    method("pop", 1) { a throws in
        let m = setMap(try selfSet(a[0]))
        guard let j = m.next(from: 0) else { throw pyErr(.KeyError, "pop from an empty set") }
        let k = m.key(j)
        m.removeAt(j)
        return k
    },
    method("update", 1, NativeSpec.varArgs) { a throws in
        for i in 1..<a.count { try setUpdate(try selfSet(a[0]), a[i]) }
        return .none
    },
    method("difference_update", 1, NativeSpec.varArgs) { a throws in
        for i in 1..<a.count { try setInPlaceOp(.sub, try selfSet(a[0]), try otherAsSet(a[i])) }
        return .none
    },
    method("intersection_update", 1, NativeSpec.varArgs) { a throws in
        for i in 1..<a.count { try setInPlaceOp(.and, try selfSet(a[0]), try otherAsSet(a[i])) }
        return .none
    },
    method("symmetric_difference_update", 2) { a throws in
        try setInPlaceOp(.xor, try selfSet(a[0]), try otherAsSet(a[1]))
        return .none
    },
]

enum ObjSet {
    static let setDef = BuiltinTypeDef(id: .set, name: "set", base: .object, methods: setMethods + mutatingSetMethods)
    static let frozensetDef = BuiltinTypeDef(id: .frozenset, name: "frozenset", base: .object, methods: setMethods)

    static func makeSet(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newSet(.set) }
        return try setFromIterable(a[0], .set)
    }
    static func makeFrozenset(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newSet(.frozenset) }
        if a[0].isType(.frozenset) { return a[0] }
        return try setFromIterable(a[0], .frozenset)
    }
}

func setAddItem(_ s: Obj, _ v: Obj) throws {
    let m = setMap(s)
    if try m.find(v) != nil { return }
    _ = try pyHash(v)
    try m.append(v, .none)
}

func setUpdate(_ s: Obj, _ src: Obj) throws {
    if src.isType(.set) || src.isType(.frozenset) {
        let m = setMap(src)
        var i = 0
        while let j = m.next(from: i) { try setAddItem(s, m.key(j)); i = j + 1 }
        return
    }
    let it = try getIter(src)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        try setAddItem(s, v)
    }
}

func setFromIterable(_ src: Obj, _ t: TypeID) throws -> Obj {
    let s = try newSet(t)
    let keep = pushRoot(s)
    defer { popRoots(to: keep) }
    try setUpdate(s, src)
    return s
}

func setCopy(_ s: Obj, _ t: TypeID) throws -> Obj { try setFromIterable(s, t == .frozenset ? .frozenset : .set) }

func setBinaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    let t: TypeID = a.isType(.frozenset) ? .frozenset : .set
    let r = try newSet(t)
    let keep = pushRoot(r)
    defer { popRoots(to: keep) }
    let ma = setMap(a), mb = setMap(b)
    switch op {
    case .or:
        try setUpdate(r, a); try setUpdate(r, b)
    case .and:
        var i = 0
        while let j = ma.next(from: i) { if try mb.find(ma.key(j)) != nil { try setAddItem(r, ma.key(j)) }; i = j + 1 }
    case .sub:
        var i = 0
        while let j = ma.next(from: i) { if try mb.find(ma.key(j)) == nil { try setAddItem(r, ma.key(j)) }; i = j + 1 }
    case .xor:
        var i = 0
        while let j = ma.next(from: i) { if try mb.find(ma.key(j)) == nil { try setAddItem(r, ma.key(j)) }; i = j + 1 }
        i = 0
        while let j = mb.next(from: i) { if try ma.find(mb.key(j)) == nil { try setAddItem(r, mb.key(j)) }; i = j + 1 }
    default:
        throw unsupportedBinary(op, a, b)
    }
    return r
}

func setInPlaceOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws {
    let r = try setBinaryOp(op, a, b)
    let keep = pushRoot(r)
    defer { popRoots(to: keep) }
    setMap(a).clear()
    try setUpdate(a, r)
}

func setCompare(_ op: CmpOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    func subset(_ x: Obj, _ y: Obj) throws -> Bool {
        let mx = setMap(x)
        var i = 0
        while let j = mx.next(from: i) { if try setMap(y).find(mx.key(j)) == nil { return false }; i = j + 1 }
        return true
    }
    let na = setMap(a).count, nb = setMap(b).count
    switch op {
    case .eq: return .bool(na == nb ? try subset(a, b) : false)
    case .ne: return .bool(na == nb ? !(try subset(a, b)) : true)
    case .le: return .bool(try subset(a, b))
    case .lt: return .bool(na < nb ? try subset(a, b) : false)
    case .ge: return .bool(try subset(b, a))
    case .gt: return .bool(na > nb ? try subset(b, a) : false)
    }
}
