// dict: [type][map], insertion-ordered; views are [type][dict].

enum ObjDict {
    static let def = BuiltinTypeDef(id: .dict, name: "dict", base: .object, methods: [
        method("clear", 1) { a throws in dictMap(try selfDict(a[0])).clear(); return .none },
        method("copy", 1) { a throws in try dictCopy(try selfDict(a[0])) },
        classMethod("fromkeys", 2, 3) { a throws in
            let d = try newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let v = a.count > 2 ? a[2] : .none
            let it = try getIter(a[1])
            _ = pushRoot(it)
            while true {
                let k = try iterNext(it)
                if k == .stopIteration { break }
                try dictMap(d).set(k, v)
            }
            if a[0] != TypeID.dict.obj {
                return try callObjectArgs(a[0], [d], stackTop: rt.pointee.vmStackTop)
            }
            return d
        },
        method("get", 2, 3) { a throws in
            try dictMap(try selfDict(a[0])).get(a[1]) ?? (a.count > 2 ? a[2] : .none)
        },
        method("items", 1) { a throws in try newDictView(.dictItems, try selfDict(a[0])) },
        method("keys", 1) { a throws in try newDictView(.dictKeys, try selfDict(a[0])) },
        method("values", 1) { a throws in try newDictView(.dictValues, try selfDict(a[0])) },
        method("pop", 2, 3) { a throws in
            if let v = try dictMap(try selfDict(a[0])).remove(a[1]) { return v }
            if a.count > 2 { return a[2] }
            throw keyError(a[1])
        },
        method("popitem", 1) { a throws in
            let m = dictMap(try selfDict(a[0]))
            var last = -1, i = 0
            while let j = m.next(from: i) { last = j; i = j + 1 }
            if last < 0 { throw pyErr(.KeyError, "popitem(): dictionary is empty") }
            let t = try newTuple([m.key(last), m.value(last)])
            m.removeAt(last)
            return t
        },
        method("setdefault", 2, 3) { a throws in
            let m = dictMap(try selfDict(a[0]))
            if let v = try m.get(a[1]) { return v }
            let v = a.count > 2 ? a[2] : .none
            try m.set(a[1], v)
            return v
        },
        method("update", 1, 2, kw: true) { a throws in
            let d = try selfDict(a[0])
            if a.count > 1 { try dictUpdate(d, a[1]) }
            for i in 0..<a.kwCount { try dictMap(d).set(tupleItems(a.kwnames)[i], a[a.count + i]) }
            return .none
        },
        method("__init__", 1, 2, kw: true) { a throws in
            let d = try selfDict(a[0])
            if a.count > 1 { try dictUpdate(d, a[1]) }
            for i in 0..<a.kwCount { try dictMap(d).set(tupleItems(a.kwnames)[i], a[a.count + i]) }
            return .none
        },
        method("__iter__", 1) { a throws in try getIter(try selfDict(a[0])) },
        method("__getitem__", 2) { a throws in
            if let v = try dictMap(try selfDict(a[0])).get(a[1]) { return v }
            throw keyError(a[1])
        },
        method("__setitem__", 3) { a throws in try dictMap(try selfDict(a[0])).set(a[1], a[2]); return .none },
        method("__delitem__", 2) { a throws in
            if try dictMap(try selfDict(a[0])).remove(a[1]) == nil { throw keyError(a[1]) }
            return .none
        },
        method("__contains__", 2) { a throws in .bool(try dictMap(try selfDict(a[0])).find(a[1]) != nil) },
        method("__len__", 1) { a throws in Obj(small: dictMap(try selfDict(a[0])).count) },
    ])

    static func make(_ a: Args) throws -> Obj {
        let d = try newDict()
        let keep = pushRoot(d)
        defer { popRoots(to: keep) }
        if a.count > 1 { throw typeError("dict expected at most 1 argument") }
        if a.count == 1 { try dictUpdate(d, a[0]) }
        for i in 0..<a.kwCount { try dictMap(d).set(tupleItems(a.kwnames)[i], a[a.count + i]) }
        return d
    }
}

@inline(__always) func selfDict(_ o: Obj) throws -> Obj {
    if o.isType(.dict) { return o }
    let n = nativeSelf(o)
    if n.isType(.dict) { return n }
    throw typeError("descriptor requires a 'dict' object")
}

func newDictView(_ t: TypeID, _ d: Obj) throws -> Obj {
    let v = try allocObj(t.addr, words: 2)
    v.setO(1, d)
    return v
}

func dictCopy(_ d: Obj) throws -> Obj {
    let r = try newDict()
    let keep = pushRoot(r)
    defer { popRoots(to: keep) }
    let m = dictMap(d)
    var i = 0
    while let j = m.next(from: i) { try dictMap(r).append(m.key(j), m.value(j)); i = j + 1 }
    return r
}

/// dict.update(other): a mapping, or an iterable of key/value pairs.
func dictUpdate(_ d: Obj, _ other: Obj) throws {
    if other.isType(.dict) {
        let m = dictMap(other)
        var i = 0
        while let j = m.next(from: i) { try dictMap(d).set(m.key(j), m.value(j)); i = j + 1 }
        return
    }
    if let keysFn = try loadAttrOpt(other, qobj(.keys)) {
        let keys = try iterateToList(try callObjectArgs(keysFn, [], stackTop: rt.pointee.vmStackTop))
        let keep = pushRoot(keys)
        defer { popRoots(to: keep) }
        for i in 0..<listLen(keys) {
            let k = listItems(keys)[i]
            try dictMap(d).set(k, try subscrLoad(other, k))
        }
        return
    }
    let it = try getIter(other)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let pair = try iterNext(it)
        if pair == .stopIteration { break }
        let kv = try iterateToList(pair)
        if listLen(kv) != 2 { throw valueError("dictionary update sequence element has wrong length") }
        try dictMap(d).set(listItems(kv)[0], listItems(kv)[1])
    }
}

/// ** in calls: like update but duplicate keys are an error.
func dictMerge(_ d: Obj, _ other: Obj) throws {
    let src = other.isType(.dict) ? other : try { () throws -> Obj in
        let t = try newDict()
        let keep = pushRoot(t)
        defer { popRoots(to: keep) }
        try dictUpdate(t, other)
        return t
    }()
    let m = dictMap(src)
    var i = 0
    while let j = m.next(from: i) {
        let key = m.key(j)
        if !isStr(key) { throw typeError("keywords must be strings") }
        if try dictMap(d).find(key) != nil {
            throw typeError("function got multiple values for keyword argument '\(swiftString(key))'")
        }
        try dictMap(d).set(m.key(j), m.value(j))
        i = j + 1
    }
}

enum ObjDictViews {
    static let keys = BuiltinTypeDef(id: .dictKeys, name: "dict_keys", base: .object, flags: 0)
    static let values = BuiltinTypeDef(id: .dictValues, name: "dict_values", base: .object, flags: 0)
    static let items = BuiltinTypeDef(id: .dictItems, name: "dict_items", base: .object, flags: 0)
}
