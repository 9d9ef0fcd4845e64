// The re module (MicroPython's extmod/modre.c): compile, match, search, sub, split, plus fullmatch.
// The engine is in ModuleReEngine.swift. Errors in a pattern raise ValueError("error in regex").
//
// As in MicroPython, sub() and split() stop at the first empty match, and sub() with no match
// returns the subject itself. Unlike MicroPython, split() with capture groups includes the
// groups (as CPython) instead of raising NotImplementedError, and pos/endpos count characters.
//
//   regex object: [type][map][pattern][program bytes][ngroups][nregs][first byte][names dict|None][anchored][first set]
//   match object: [type][map][subject][regex][ngroups][start0][end0][start1][end1]...  (byte offsets)

enum ReWord { static let pattern = 4, program = 5, ngroups = 6, nregs = 7, firstByte = 8, names = 9, anchored = 10, firstSet = 11 }
enum MatchWord { static let subject = 4, regex = 5, ngroups = 6, caps = 7 }

enum ModuleRe {
    nonisolated(unsafe) static var regexClassObj = Obj.null
    nonisolated(unsafe) static var matchClassObj = Obj.null

    static func register() {
        moduleAliases["ure"] = "re"
        registerModule("re") {
            [
                ("compile", .function(fn("compile", 1, 2) { a throws in try compile(a[0]) })),
                ("match", .function(fn("match", 2, 3) { a throws in
                    try exec(try compile(a[0]), a[1], pos: nil, endpos: nil, anchored: true, full: false)
                })),
                ("search", .function(fn("search", 2, 3) { a throws in
                    try exec(try compile(a[0]), a[1], pos: nil, endpos: nil, anchored: false, full: false)
                })),
                ("fullmatch", .function(fn("fullmatch", 2, 3) { a throws in
                    try exec(try compile(a[0]), a[1], pos: nil, endpos: nil, anchored: true, full: true)
                })),
                ("sub", .function(fn("sub", 3, 5, kw: true) { a throws in
                    let r = try compile(a[0])
                    let keep = pushRoot(r)
                    defer { popRoots(to: keep) }
                    let count = try a.arg(3, "count").map { try intToInt($0) } ?? 0
                    return try sub(r, a[1], a[2], count: count)
                })),
                ("split", .function(fn("split", 2, 4, kw: true) { a throws in
                    let r = try compile(a[0])
                    let keep = pushRoot(r)
                    defer { popRoots(to: keep) }
                    let maxsplit = try a.arg(2, "maxsplit").map { try intToInt($0) } ?? 0
                    return try split(r, a[1], maxsplit: maxsplit)
                })),
            ]
        }
    }

    static func regexClass() throws -> Obj {
        if regexClassObj.isNull {
            regexClassObj = try makeNativeClass("re", methods: regexMethods)
        }
        return regexClassObj
    }

    static func matchClass() throws -> Obj {
        if matchClassObj.isNull {
            matchClassObj = try makeNativeClass("match", methods: matchMethods)
        }
        return matchClassObj
    }

    static let regexMethods: [NativeSpec] = [
        method("match", 2, 4) { a throws in
            try exec(try selfRegex(a[0]), a[1], pos: a.opt(2), endpos: a.opt(3), anchored: true, full: false)
        },
        method("search", 2, 4) { a throws in
            try exec(try selfRegex(a[0]), a[1], pos: a.opt(2), endpos: a.opt(3), anchored: false, full: false)
        },
        method("fullmatch", 2, 4) { a throws in
            try exec(try selfRegex(a[0]), a[1], pos: a.opt(2), endpos: a.opt(3), anchored: true, full: true)
        },
        method("split", 2, 3, kw: true) { a throws in
            let maxsplit = try a.arg(2, "maxsplit").map { try intToInt($0) } ?? 0
            return try split(try selfRegex(a[0]), a[1], maxsplit: maxsplit)
        },
        method("sub", 3, 4, kw: true) { a throws in
            let count = try a.arg(3, "count").map { try intToInt($0) } ?? 0
            return try sub(try selfRegex(a[0]), a[1], a[2], count: count)
        },
        method("__repr__", 1) { a throws in try newStr("<re \(hexAddr(a[0]))>") },
    ]

    static let matchMethods: [NativeSpec] = [
        method("group", 1, NativeSpec.varArgs) { a throws in
            let m = a[0]
            if a.count <= 2 { return try group(m, a.count == 2 ? try groupIndex(m, a[1]) : 0) }
            let t = try newTuple(count: a.count - 1)
            let keep = pushRoot(t)
            defer { popRoots(to: keep) }
            for k in 1..<a.count { tupleItems(t)[k - 1] = try group(m, try groupIndex(m, a[k])) }
            return t
        },
        method("__getitem__", 2) { a throws in try group(a[0], try groupIndex(a[0], a[1])) },
        method("groups", 1, 2) { a throws in
            let m = a[0]
            let n = m.o(MatchWord.ngroups).smallInt
            if n == 0 { return getRoot(.emptyTuple) }
            let t = try newTuple(count: n)
            let keep = pushRoot(t)
            defer { popRoots(to: keep) }
            let dflt = a.count > 1 ? a[1] : Obj.none
            for k in 1...n {
                let v = try group(m, k)
                tupleItems(t)[k - 1] = v == .none ? dflt : v
            }
            return t
        },
        method("groupdict", 1, 2) { a throws in
            let m = a[0]
            let d = try newDict()
            let keep = pushRoot(d)
            defer { popRoots(to: keep) }
            let names = m.o(MatchWord.regex).o(ReWord.names)
            if names.isType(.dict) {
                let nm = dictMap(names)
                var i = 0
                while let j = nm.next(from: i) {
                    let v = try group(m, nm.value(j).smallInt)
                    try dictMap(d).set(nm.key(j), v == .none && a.count > 1 ? a[1] : v)
                    i = j + 1
                }
            }
            return d
        },
        method("span", 1, 2) { a throws in
            let (s, e) = try span(a[0], a.count > 1 ? try groupIndex(a[0], a[1]) : 0)
            return try newTuple([try newInt(s), try newInt(e)])
        },
        method("start", 1, 2) { a throws in
            try newInt(try span(a[0], a.count > 1 ? try groupIndex(a[0], a[1]) : 0).0)
        },
        method("end", 1, 2) { a throws in
            try newInt(try span(a[0], a.count > 1 ? try groupIndex(a[0], a[1]) : 0).1)
        },
        method("__repr__", 1) { a throws in
            try newStr("<match num=\(a[0].o(MatchWord.ngroups).smallInt + 1)>")
        },
    ]

    static func selfRegex(_ o: Obj) throws -> Obj {
        guard isNativeInstance(o, try regexClass()) else { throw typeError("expected a compiled regex") }
        return o
    }

    // MARK: compiling

    static func compile(_ pat: Obj) throws -> Obj {
        let cls = try regexClass()
        if isNativeInstance(pat, cls) { return pat }
        let unicode: Bool
        if isStr(pat) {
            unicode = true
        } else if pat.isType(.bytes) || pat.isType(.bytearray) {
            unicode = false
        } else {
            throw typeError("can't convert '\(typeName(pat))' object to str implicitly")
        }
        let compiled: ReCompiled
        do {
            compiled = try reCompile(Array(strBytes(pat)), unicode: unicode)
        } catch ReError.tooComplex {
            throw valueError("regex too complex")
        } catch let e as PyErr {
            throw e
        } catch {
            throw valueError("error in regex")
        }
        let mark = rt.pointee.vmStackTop
        defer { popRoots(to: mark) }
        let prog = try compiled.code.withUnsafeBytes { b throws -> Obj in
            try newBytes(b.baseAddress!.assumingMemoryBound(to: UInt8.self), b.count)
        }
        _ = pushRoot(prog)
        var names = Obj.none
        if !compiled.names.isEmpty {
            names = try newDict()
            _ = pushRoot(names)
            for (k, v) in compiled.names { try dictMap(names).set(try newStr(k), Obj(small: v)) }
        }
        let r = try allocNativeInstance(cls, extra: 8)
        r.setO(ReWord.pattern, pat)
        r.setO(ReWord.program, prog)
        r.setO(ReWord.ngroups, Obj(small: compiled.ngroups))
        r.setO(ReWord.nregs, Obj(small: compiled.nregs))
        r.setO(ReWord.firstByte, Obj(small: compiled.firstByte))
        r.setO(ReWord.firstSet, Obj(small: compiled.firstSet))
        r.setO(ReWord.names, names)
        r.setO(ReWord.anchored, .bool(compiled.anchoredStart))
        return r
    }

    // MARK: matching

    /// The bytes of a subject (str, bytes or bytearray), with whether it is text.
    static func subjectBytes(_ s: Obj) throws -> (UnsafeBufferPointer<UInt8>, Bool) {
        if isStr(s) { return (strBytes(s), true) }
        if isBytesLike(s) { return (strBytes(s), false) }
        let n = nativeSelf(s)
        if n != s { return try subjectBytes(n) }
        throw typeError("can't convert '\(typeName(s))' object to str implicitly")
    }

    /// Runs the regex over subject bytes from `from`; fills slots (byte offsets).
    static func run(_ r: Obj, _ p: UnsafePointer<UInt8>, len: Int, end: Int, unicode: Bool, from: Int,
                    anchored: Bool, full: Bool, slots: inout [Int]) throws -> Bool {
        let prog = strBytes(r.o(ReWord.program))
        let code = UnsafeRawPointer(prog.baseAddress!).assumingMemoryBound(to: Int32.self)
        let subj = ReSubject(p: p, len: len, end: end, unicode: unicode)
        return try reSearch(code, ngroups: r.o(ReWord.ngroups).smallInt, nregs: r.o(ReWord.nregs).smallInt,
                            firstByte: r.o(ReWord.firstByte).smallInt, firstSet: r.o(ReWord.firstSet).smallInt, anchoredStart: r.o(ReWord.anchored) == .true,
                            subj, from: from, anchored: anchored, full: full, slots: &slots)
    }

    static func exec(_ r: Obj, _ subject: Obj, pos: Obj?, endpos: Obj?, anchored: Bool, full: Bool) throws -> Obj {
        let keep = pushRoot(r)
        defer { popRoots(to: keep) }
        let (b, unicode) = try subjectBytes(subject)
        let p = b.baseAddress ?? UnsafePointer(bitPattern: 16)!
        let len = b.count
        var start = 0, end = len
        if let ps = pos, ps != .none {
            let v = try intToInt(ps)
            start = v <= 0 ? 0 : (unicode ? byteOffset(b, charIndex: v) : min(v, len))
        }
        if let pe = endpos, pe != .none {
            let v = try intToInt(pe)
            end = v <= 0 ? 0 : (unicode ? byteOffset(b, charIndex: v) : min(v, len))
            if end < start { end = start }
        }
        var slots = reSlotsPool.popLast() ?? []
        defer { reSlotsPool.append(slots) }
        guard try run(r, p, len: len, end: end, unicode: unicode, from: start, anchored: anchored, full: full, slots: &slots) else {
            return .none
        }
        return try newMatch(r, subject, slots)
    }

    static func newMatch(_ r: Obj, _ subject: Obj, _ slots: [Int]) throws -> Obj {
        let n = r.o(ReWord.ngroups).smallInt
        let m = try allocNativeInstance(try matchClass(), extra: 3 + 2 * (n + 1))
        m.setO(MatchWord.subject, subject)
        m.setO(MatchWord.regex, r)
        m.setO(MatchWord.ngroups, Obj(small: n))
        for k in 0..<(2 * (n + 1)) { m.setO(MatchWord.caps + k, Obj(small: slots[k])) }
        return m
    }

    static func groupIndex(_ m: Obj, _ g: Obj) throws -> Int {
        if isStr(g) {
            let names = m.o(MatchWord.regex).o(ReWord.names)
            if names.isType(.dict), let v = try dictMap(names).get(g) { return v.smallInt }
            throw indexError("no such group")
        }
        let k = try intToInt(g)
        if k < 0 || k > m.o(MatchWord.ngroups).smallInt { throw PyErr(try newException(TypeID.IndexError.obj, args: try newTuple([g]))) }
        return k
    }

    static func group(_ m: Obj, _ k: Int) throws -> Obj {
        let s = m.o(MatchWord.caps + 2 * k).smallInt
        let e = m.o(MatchWord.caps + 2 * k + 1).smallInt
        if s < 0 || e < 0 { return .none }
        let subject = m.o(MatchWord.subject)
        let (b, _) = try subjectBytes(subject)
        return try newStrOrBytes(like: subject, b.baseAddress ?? UnsafePointer(bitPattern: 16)!, s, e)
    }

    static func span(_ m: Obj, _ k: Int) throws -> (Int, Int) {
        let s = m.o(MatchWord.caps + 2 * k).smallInt
        let e = m.o(MatchWord.caps + 2 * k + 1).smallInt
        if s < 0 || e < 0 { return (-1, -1) }
        let subject = m.o(MatchWord.subject)
        let (b, unicode) = try subjectBytes(subject)
        if !unicode || b.count == 0 { return (s, e) }
        let p = b.baseAddress!
        let cs = charsBetween(p, 0, s)
        return (cs, cs + charsBetween(p, s, e))
    }

    // MARK: split and sub

    static func split(_ r: Obj, _ subject: Obj, maxsplit: Int) throws -> Obj {
        let out = try newList(count: 0)
        let keep = pushRoot(out)
        defer { popRoots(to: keep) }
        let (b, unicode) = try subjectBytes(subject)
        let p = b.baseAddress ?? UnsafePointer(bitPattern: 16)!
        let len = b.count
        let ngroups = r.o(ReWord.ngroups).smallInt
        var begin = 0
        var left = maxsplit
        var slots: [Int] = []
        while true {
            guard try run(r, p, len: len, end: len, unicode: unicode, from: begin, anchored: false, full: false, slots: &slots),
                  slots[0] != slots[1] else { break }
            try listAppend(out, try newStrOrBytes(like: subject, p, begin, slots[0]))
            if ngroups > 0 {
                for k in 1...ngroups {
                    let s = slots[2 * k], e = slots[2 * k + 1]
                    try listAppend(out, s < 0 || e < 0 ? .none : try newStrOrBytes(like: subject, p, s, e))
                }
            }
            begin = slots[1]
            if left > 0 {
                left -= 1
                if left == 0 { break }
            }
        }
        try listAppend(out, try newStrOrBytes(like: subject, p, begin, len))
        return out
    }

    static func sub(_ r: Obj, _ repl: Obj, _ subject: Obj, count: Int) throws -> Obj {
        let mark = rt.pointee.vmStackTop
        defer { popRoots(to: mark) }
        _ = pushRoot(r)
        let (b0, unicode) = try subjectBytes(subject)
        let len = b0.count
        let ngroups = r.o(ReWord.ngroups).smallInt
        let callable = isCallable(repl)
        if !callable { _ = try subjectBytes(repl) }
        var out: [UInt8] = []
        var begin = 0
        var left = count
        var slots: [Int] = []
        var any = false
        while true {
            // the subject's bytes are fetched again after each callback (which may allocate)
            let (b, _) = try subjectBytes(subject)
            let p = b.baseAddress ?? UnsafePointer(bitPattern: 16)!
            guard try run(r, p, len: len, end: len, unicode: unicode, from: begin, anchored: false, full: false, slots: &slots),
                  slots[0] != slots[1] else { break }
            any = true
            out.append(contentsOf: UnsafeBufferPointer(start: p + begin, count: slots[0] - begin))
            if callable {
                let iterMark = rt.pointee.vmStackTop
                let m = try newMatch(r, subject, slots)
                _ = pushRoot(m)
                let template = try callObjectArgs(repl, [m], stackTop: rt.pointee.vmStackTop)
                let (t, _) = try subjectBytes(template)
                out.append(contentsOf: t)
                popRoots(to: iterMark)
            } else {
                let template = repl
                let (t, _) = try subjectBytes(template)
                try expandTemplate(t, r, p, slots, ngroups: ngroups, into: &out)
            }
            try checkHostText(out.count)
            begin = slots[1]
            if left > 0 {
                left -= 1
                if left == 0 { break }
            }
        }
        if !any { return subject }
        let (b, _) = try subjectBytes(subject)
        if len > begin { out.append(contentsOf: UnsafeBufferPointer(start: b.baseAddress! + begin, count: len - begin)) }
        return isStr(subject) ? try newStr(out) : try newBytes(out)
    }

    /// Appends a replacement template with \N, \g<N>, \g<name> and \\ expanded.
    static func expandTemplate(_ t: UnsafeBufferPointer<UInt8>, _ r: Obj, _ p: UnsafePointer<UInt8>, _ slots: [Int],
                               ngroups: Int, into out: inout [UInt8]) throws {
        var i = 0
        let n = t.count
        while i < n {
            let c = t[i]
            if c != 92 { out.append(c); i += 1; continue }
            i += 1
            if i >= n { break }
            var e = t[i]
            var gFormat = false
            var groupNo = -1
            if e == UInt8(ascii: "g") && i + 1 < n && t[i + 1] == UInt8(ascii: "<") {
                i += 2
                gFormat = true
                if i < n { e = t[i] }
                if i < n && !(e >= 48 && e <= 57) {
                    // \g<name>
                    let s = i
                    while i < n && t[i] != UInt8(ascii: ">") { i += 1 }
                    let name = try newStr(Array(t[s..<i]))
                    if i < n { i += 1 }
                    let names = r.o(ReWord.names)
                    guard names.isType(.dict), let v = try dictMap(names).get(name) else { throw indexError("unknown group name") }
                    groupNo = v.smallInt
                }
            }
            if groupNo < 0 && i < n && t[i] >= 48 && t[i] <= 57 {
                var v = 0
                // saturates: no pattern has that many groups, so the number fails the group check
                while i < n && t[i] >= 48 && t[i] <= 57 { v = min(v * 10 + Int(t[i] - 48), 1 << 30); i += 1 }
                if gFormat && i < n && t[i] == UInt8(ascii: ">") { i += 1 }
                groupNo = v
            }
            if groupNo >= 0 {
                if groupNo > ngroups { throw PyErr(try newException(TypeID.IndexError.obj, args: try newTuple([try newInt(groupNo)]))) }
                let s = slots[2 * groupNo], e2 = slots[2 * groupNo + 1]
                if s >= 0 && e2 >= 0 { out.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e2 - s)) }
                continue
            }
            if i >= n { break }
            switch t[i] {
            case 92: out.append(92)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            default: out.append(t[i])     // MicroPython drops the backslash
            }
            i += 1
        }
    }
}
