// The collections module: namedtuple, deque and OrderedDict (MicroPython's py/modcollections.c).
//
// namedtuple(name, fields) makes a class deriving from tuple whose instances keep their values in
// the native tuple; fields are read through __getattr__, assignment raises AttributeError, and
// repr is Name(a=1, b=2). Constructors take positional or keyword values. _fields, _asdict()
// and _replace(**kw) are provided.
//
// deque(iterable=(), maxlen=None, flags=0): a ring buffer. MicroPython requires maxlen; here it
// may be omitted for an unbounded deque. Once full, appending drops an item from the other end,
// or raises IndexError("full") when flags & 1. Supports append, appendleft, extend, pop,
// popleft, clear, len(), bool(), iteration and indexing.
//   deque: [type][map][items block][capacity][head][count][maxlen or -1][flags]
//
// OrderedDict is a subclass of dict (dicts keep insertion order) printed as OrderedDict({...}),
// with popitem(last=True) and move_to_end(key, last=True).

enum DequeWord { static let items = 4, cap = 5, head = 6, count = 7, maxlen = 8, flags = 9 }

enum ModuleCollections {
    nonisolated(unsafe) static var dequeClassObj = Obj.null
    nonisolated(unsafe) static var orderedDictClassObj = Obj.null
    nonisolated(unsafe) static var namedTupleEntries: [(String, Obj)] = []

    static func register() {
        moduleAliases["ucollections"] = "collections"
        registerModule("collections") {
            [
                ("namedtuple", .function(fn("namedtuple", 2, 2, kw: true) { a throws in try makeNamedTuple(a) })),
                ("deque", .value((try? dequeClass()) ?? .none)),
                ("OrderedDict", .value((try? orderedDictClass()) ?? .none)),
            ]
        }
    }

    // MARK: namedtuple

    static func namedTupleMethods() -> [(String, Obj)] {
        if !namedTupleEntries.isEmpty { return namedTupleEntries }
        let specs: [NativeSpec] = [
            fn("__new__", 1, NativeSpec.varArgs, kw: true) { a throws in try namedTupleNew(a) },
            method("__getattr__", 2) { a throws in
                let o = a[0]
                let fields = namedTupleFields(o.type)
                let t = nativeSelf(o)
                let name = a[1]
                if fields.isType(.tuple) && t.isType(.tuple) {
                    for k in 0..<min(tupleLen(fields), tupleLen(t)) where tupleItems(fields)[k] == name {
                        return tupleItems(t)[k]
                    }
                }
                throw attrError(o, name)
            },
            method("__setattr__", 3) { _ throws in throw attributeError("can't set attribute") },
            method("__hash__", 1) { a throws in try newInt(try pyHash(nativeSelf(a[0]))) },
            method("count", 2) { a throws in
                let t = nativeSelf(a[0])
                var n = 0
                if t.isType(.tuple) { for i in 0..<tupleLen(t) where try pyEqual(tupleItems(t)[i], a[1]) { n += 1 } }
                return Obj(small: n)
            },
            method("__delattr__", 2) { _ throws in throw attributeError("can't delete attribute") },
            method("__repr__", 1) { a throws in
                let o = a[0]
                let fields = namedTupleFields(o.type)
                let t = nativeSelf(o)
                var buf: [UInt8] = Array(typeNameOf(o.type).utf8)
                buf.append(UInt8(ascii: "("))
                if fields.isType(.tuple) && t.isType(.tuple) {
                    for k in 0..<min(tupleLen(fields), tupleLen(t)) {
                        if k > 0 { buf.append(contentsOf: [44, 32]) }
                        buf.append(contentsOf: strBytes(tupleItems(fields)[k]))
                        buf.append(UInt8(ascii: "="))
                        try appendRepr(tupleItems(t)[k], &buf)
                    }
                }
                buf.append(UInt8(ascii: ")"))
                return try newStr(buf)
            },
            method("_asdict", 1) { a throws in
                let o = a[0]
                let fields = namedTupleFields(o.type)
                let t = nativeSelf(o)
                let d = try newDict()
                let keep = pushRoot(d)
                defer { popRoots(to: keep) }
                if fields.isType(.tuple) && t.isType(.tuple) {
                    for k in 0..<min(tupleLen(fields), tupleLen(t)) { try dictMap(d).set(tupleItems(fields)[k], tupleItems(t)[k]) }
                }
                return d
            },
            method("_replace", 1, 1, kw: true) { a throws in
                let o = a[0]
                let fields = namedTupleFields(o.type)
                let t = nativeSelf(o)
                guard fields.isType(.tuple), t.isType(.tuple) else { throw typeError("not a namedtuple") }
                let nt = try newTuple(tupleItems(t), tupleLen(t))
                let keep = pushRoot(nt)
                defer { popRoots(to: keep) }
                for i in 0..<a.kwCount {
                    let name = tupleItems(a.kwnames)[i]
                    var found = false
                    for k in 0..<tupleLen(fields) where tupleItems(fields)[k] == name {
                        tupleItems(nt)[k] = a[a.count + i]
                        found = true
                    }
                    if !found { throw valueError("Got unexpected field names: ['\(qstrString(name.qstr))']") }
                }
                let inst = try allocObj(o.type.raw, words: 5)
                inst.setO(4, nt)
                return inst
            },
        ]
        namedTupleEntries = specs.map { ($0.name, nativeClassEntry($0)) }
        return namedTupleEntries
    }

    static func namedTupleFields(_ cls: Obj) -> Obj {
        lookupInType(cls, qobj("_fields")) ?? .none
    }

    static func makeNamedTuple(_ a: Args) throws -> Obj {
        guard isStr(a[0]) else { throw typeError("namedtuple() name must be a string") }
        var fields: [Obj] = []      // qstrs: immediates, safe in a Swift array
        let spec = a[1]
        if isStr(spec) {
            let b = strBytes(spec)
            var i = 0
            while i < b.count {
                while i < b.count && (b[i] == 32 || b[i] == 44) { i += 1 }
                let s = i
                while i < b.count && b[i] != 32 && b[i] != 44 { i += 1 }
                if i > s { fields.append(Obj(qstr: qstrs.intern(b.baseAddress! + s, i - s))) }
            }
        } else {
            let l = try iterateToList(spec)
            let keep = pushRoot(l)
            defer { popRoots(to: keep) }
            for k in 0..<listLen(l) {
                let f = listItems(l)[k]
                guard isStr(f) else { throw typeError("field names must be strings") }
                fields.append(internStr(f))
            }
        }
        let mark = rt.pointee.vmStackTop
        defer { popRoots(to: mark) }
        let ft = try newTuple(fields)
        _ = pushRoot(ft)
        let d = try newDict()
        _ = pushRoot(d)
        try dictMap(d).set(qobj("_fields"), ft)
        for (k, v) in namedTupleMethods() { try dictMap(d).set(qobj(k), v) }
        return try newClass(name: internStr(a[0]), bases: [TypeID.tuple.obj], dict: d)
    }

    /// __new__(cls, *values, **named_values)
    static func namedTupleNew(_ a: Args) throws -> Obj {
        let cls = a[0]
        guard isTypeObj(cls) else { throw typeError("__new__(X): X is not a type object") }
        let fields = namedTupleFields(cls)
        guard fields.isType(.tuple) else { throw typeError("not a namedtuple") }
        let n = tupleLen(fields)
        let npos = a.count - 1
        if npos > n {
            throw typeError("function takes \(n) positional arguments but \(npos) were given")
        }
        let t = try newTuple(count: n)
        let keep = pushRoot(t)
        defer { popRoots(to: keep) }
        for k in 0..<n { tupleItems(t)[k] = .null }
        for k in 0..<npos { tupleItems(t)[k] = a[1 + k] }
        for i in 0..<a.kwCount {
            let name = tupleItems(a.kwnames)[i]
            var found = false
            for k in 0..<n where tupleItems(fields)[k] == name {
                if !tupleItems(t)[k].isNull { throw typeError("function got multiple values for argument '\(qstrString(name.qstr))'") }
                tupleItems(t)[k] = a[a.count + i]
                found = true
            }
            if !found { throw typeError("unexpected keyword argument '\(qstrString(name.qstr))'") }
        }
        for k in 0..<n where tupleItems(t)[k].isNull {
            throw typeError("function missing required positional argument '\(qstrString(tupleItems(fields)[k].qstr))'")
        }
        let inst = try allocObj(cls.raw, words: 5)
        inst.setO(4, t)
        return inst
    }

    // MARK: deque

    static func dequeClass() throws -> Obj {
        if dequeClassObj.isNull { dequeClassObj = try makeNativeClass("deque", methods: dequeMethods) }
        return dequeClassObj
    }

    static func selfDeque(_ o: Obj) throws -> Obj {
        guard isNativeInstance(o, try dequeClass()) else { throw typeError("descriptor requires a 'deque' object") }
        return o
    }

    @inline(__always) static func dequeItems(_ d: Obj) -> UnsafeMutablePointer<Obj> {
        hostPtr(d.w(DequeWord.items)).assumingMemoryBound(to: Obj.self)
    }
    @inline(__always) static func dequeCount(_ d: Obj) -> Int { Int(d.w(DequeWord.count)) }
    @inline(__always) static func dequeSlot(_ d: Obj, _ i: Int) -> Int {
        let cap = Int(d.w(DequeWord.cap))
        let j = Int(d.w(DequeWord.head)) + i
        return j >= cap ? j - cap : j
    }

    /// Room for one more item: grows the ring (unbounded, or below maxlen) by copying in order.
    static func dequeGrow(_ d: Obj) throws {
        let cap = Int(d.w(DequeWord.cap))
        let count = dequeCount(d)
        if count < cap { return }
        let maxlen = d.o(DequeWord.maxlen).smallInt
        var newCap = max(cap * 2, 8)
        if maxlen >= 0 { newCap = min(newCap, maxlen) }
        if newCap <= cap { return }
        let block = try gcAlloc(newCap * 4)
        let dst = hostPtr(block).assumingMemoryBound(to: Obj.self)
        let src = dequeItems(d)
        for i in 0..<count { dst[i] = src[dequeSlot(d, i)] }
        d.setW(DequeWord.items, block)
        d.setW(DequeWord.cap, UInt32(newCap))
        d.setW(DequeWord.head, 0)
    }

    static func dequeAppend(_ d: Obj, _ v: Obj, left: Bool) throws {
        let maxlen = d.o(DequeWord.maxlen).smallInt
        var count = dequeCount(d)
        if maxlen >= 0 && count >= maxlen {
            if d.o(DequeWord.flags).smallInt & 1 != 0 { throw indexError("full") }
            if maxlen == 0 { return }
            // drop from the other end
            if left {
                count -= 1
            } else {
                var h = Int(d.w(DequeWord.head)) + 1
                if h == Int(d.w(DequeWord.cap)) { h = 0 }
                d.setW(DequeWord.head, UInt32(h))
                count -= 1
            }
            d.setW(DequeWord.count, UInt32(count))
        } else {
            try dequeGrow(d)
        }
        let cap = Int(d.w(DequeWord.cap))
        if left {
            var h = Int(d.w(DequeWord.head)) - 1
            if h < 0 { h = cap - 1 }
            d.setW(DequeWord.head, UInt32(h))
            dequeItems(d)[h] = v
        } else {
            dequeItems(d)[dequeSlot(d, count)] = v
        }
        d.setW(DequeWord.count, UInt32(count + 1))
    }

    static func dequeExtend(_ d: Obj, _ src: Obj, left: Bool) throws {
        let it = try getIter(src)
        let keep = pushRoot(it)
        defer { popRoots(to: keep) }
        while true {
            let v = try iterNext(it)
            if v == .stopIteration { break }
            try dequeAppend(d, v, left: left)
        }
    }

    static let dequeMethods: [NativeSpec] = [
        fn("__new__", 1, 4, kw: true) { a throws in
            let cls = a[0]
            let iterable = a.arg(1, "iterable")
            var maxlen = -1
            if let m = a.arg(2, "maxlen"), m != .none {
                maxlen = try intToInt(m)
                if maxlen < 0 { throw pyErr(.ValueError) }
            }
            let flags = try a.arg(3, "flags").map { try intToInt($0) } ?? 0
            let d = try allocNativeInstance(cls, of: try dequeClass(), extra: 6)
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let cap = maxlen >= 0 ? max(1, min(maxlen, 8)) : 8
            d.setW(DequeWord.items, try gcAlloc(cap * 4))
            d.setW(DequeWord.cap, UInt32(cap))
            d.setO(DequeWord.maxlen, Obj(small: maxlen))
            d.setO(DequeWord.flags, Obj(small: flags))
            if let src = iterable, src != .none { try dequeExtend(d, src, left: false) }
            return d
        },
        method("append", 2) { a throws in try dequeAppend(try selfDeque(a[0]), a[1], left: false); return .none },
        method("appendleft", 2) { a throws in try dequeAppend(try selfDeque(a[0]), a[1], left: true); return .none },
        method("extend", 2) { a throws in try dequeExtend(try selfDeque(a[0]), a[1], left: false); return .none },
        method("extendleft", 2) { a throws in try dequeExtend(try selfDeque(a[0]), a[1], left: true); return .none },
        method("pop", 1) { a throws in
            let d = try selfDeque(a[0])
            let n = dequeCount(d)
            if n == 0 { throw indexError("empty") }
            let slot = dequeSlot(d, n - 1)
            let v = dequeItems(d)[slot]
            dequeItems(d)[slot] = .null
            d.setW(DequeWord.count, UInt32(n - 1))
            return v
        },
        method("popleft", 1) { a throws in
            let d = try selfDeque(a[0])
            let n = dequeCount(d)
            if n == 0 { throw indexError("empty") }
            let h = Int(d.w(DequeWord.head))
            let v = dequeItems(d)[h]
            dequeItems(d)[h] = .null
            d.setW(DequeWord.head, UInt32(h + 1 == Int(d.w(DequeWord.cap)) ? 0 : h + 1))
            d.setW(DequeWord.count, UInt32(n - 1))
            return v
        },
        method("clear", 1) { a throws in
            let d = try selfDeque(a[0])
            let cap = Int(d.w(DequeWord.cap))
            for i in 0..<cap { dequeItems(d)[i] = .null }
            d.setW(DequeWord.head, 0)
            d.setW(DequeWord.count, 0)
            return .none
        },
        method("__len__", 1) { a throws in Obj(small: dequeCount(try selfDeque(a[0]))) },
        method("__bool__", 1) { a throws in .bool(dequeCount(try selfDeque(a[0])) != 0) },
        method("__iter__", 1) { a throws in
            let d = try selfDeque(a[0])
            let it = try allocObj(TypeID.getitemIterator.addr, words: 3)
            it.setO(1, d)
            it.setO(2, Obj(small: 0))
            return it
        },
        method("__getitem__", 2) { a throws in
            let d = try selfDeque(a[0])
            let i = try seqIndex(a[1], dequeCount(d), "deque")
            return dequeItems(d)[dequeSlot(d, i)]
        },
        method("__setitem__", 3) { a throws in
            let d = try selfDeque(a[0])
            let i = try seqIndex(a[1], dequeCount(d), "deque")
            dequeItems(d)[dequeSlot(d, i)] = a[2]
            return .none
        },
        method("__contains__", 2) { a throws in
            let d = try selfDeque(a[0])
            var i = 0
            while i < dequeCount(d) {
                if try pyEqual(dequeItems(d)[dequeSlot(d, i)], a[1]) { return .true }
                i += 1
            }
            return .false
        },
        method("__repr__", 1) { a throws in
            let d = try selfDeque(a[0])
            var buf: [UInt8] = Array(typeNameOf(d.type).utf8)
            buf.append(contentsOf: Array("([".utf8))
            var i = 0
            while i < dequeCount(d) {
                if i > 0 { buf.append(contentsOf: [44, 32]) }
                try appendRepr(dequeItems(d)[dequeSlot(d, i)], &buf)
                try checkHostText(buf.count)
                i += 1
            }
            buf.append(UInt8(ascii: "]"))
            let maxlen = d.o(DequeWord.maxlen).smallInt
            if maxlen >= 0 { buf.append(contentsOf: Array(", maxlen=\(maxlen)".utf8)) }
            buf.append(UInt8(ascii: ")"))
            return try newStr(buf)
        },
    ]

    // MARK: OrderedDict

    static func orderedDictClass() throws -> Obj {
        if orderedDictClassObj.isNull {
            orderedDictClassObj = try makeNativeClass("OrderedDict", bases: [TypeID.dict.obj], methods: orderedDictMethods)
        }
        return orderedDictClassObj
    }

    static let orderedDictMethods: [NativeSpec] = [
        method("__hash__", 1) { a throws in throw typeError("unhashable type: '\(typeName(a[0]))'") },
        method("__repr__", 1) { a throws in
            var buf: [UInt8] = Array(typeNameOf(a[0].type).utf8)
            buf.append(UInt8(ascii: "("))
            try appendRepr(try selfDict(a[0]), &buf)
            buf.append(UInt8(ascii: ")"))
            return try newStr(buf)
        },
        method("popitem", 1, 2, kw: true) { a throws in
            let m = dictMap(try selfDict(a[0]))
            let last = try a.arg(1, "last").map { try pyTruthy($0) } ?? true
            var pick = -1, i = 0
            while let j = m.next(from: i) {
                pick = j
                if !last { break }
                i = j + 1
            }
            if pick < 0 { throw pyErr(.KeyError, "popitem(): dictionary is empty") }
            let t = try newTuple([m.key(pick), m.value(pick)])
            m.removeAt(pick)
            return t
        },
        method("move_to_end", 2, 3, kw: true) { a throws in
            let d = try selfDict(a[0])
            let last = try a.arg(2, "last").map { try pyTruthy($0) } ?? true
            guard let v = try dictMap(d).remove(a[1]) else { throw keyError(a[1]) }
            if last {
                try dictMap(d).set(a[1], v)
                return .none
            }
            // to the front: rebuild with the key first
            let copy = try dictCopy(d)
            let keep = pushRoot(copy)
            defer { popRoots(to: keep) }
            dictMap(d).clear()
            try dictMap(d).set(a[1], v)
            let cm = dictMap(copy)
            var i = 0
            while let j = cm.next(from: i) { try dictMap(d).set(cm.key(j), cm.value(j)); i = j + 1 }
            return .none
        },
    ]
}
