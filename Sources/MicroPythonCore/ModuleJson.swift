// The json module, as MicroPython's extmod/modjson.c: dumps/dump with the separators keyword,
// loads/load. Output follows MicroPython: non-ASCII text is written as UTF-8 (no \uXXXX escapes),
// control characters other than \n \r \t as \u00XX, tuples as lists, dict keys that are not
// strings in quotes, bytes as strings. Malformed input raises ValueError("syntax error in JSON").
//
// Both directions work on UTF-8 bytes: the encoder builds its output in one [UInt8] buffer, the
// decoder reads the str/bytes data in place and keeps unfinished containers on the VM stack
// (so the collector sees them and nesting depth does not use the native stack).

enum ModuleJson {
    static func register() {
        moduleAliases["ujson"] = "json"
        registerModule("json") {
            [
                ("dumps", .function(fn("dumps", 1, 1, kw: true) { a throws in
                    var enc = try JsonEncoder(a)
                    try enc.encode(a[0], depth: 0)
                    return try newStr(enc.out)
                })),
                ("dump", .function(fn("dump", 2, 2, kw: true) { a throws in
                    var enc = try JsonEncoder(a)
                    try enc.encode(a[0], depth: 0)
                    let s = try newStr(enc.out)
                    let keep = pushRoot(s)
                    defer { popRoots(to: keep) }
                    _ = try callMethodNamed(a[1], "write", [s])
                    return .none
                })),
                ("loads", .function(fn("loads", 1) { a throws in try jsonLoads(a[0]) })),
                ("load", .function(fn("load", 1) { a throws in
                    let data = try readWholeStream(a[0])
                    let keep = pushRoot(data)
                    defer { popRoots(to: keep) }
                    return try jsonLoads(data)
                })),
            ]
        }
    }
}

/// Everything a stream has left: stream.read(), or readinto() loops for streams without read.
func readWholeStream(_ s: Obj) throws -> Obj {
    if try findAttr(s, qobj("read")) != nil { return try callMethodNamed(s, "read", []) }
    var out: [UInt8] = []
    let buf = try callObjectArgs(TypeID.bytearray.obj, [Obj(small: 256)], stackTop: rt.pointee.vmStackTop)
    let keep = pushRoot(buf)
    defer { popRoots(to: keep) }
    while true {
        let r = try callMethodNamed(s, "readinto", [buf])
        let n = r == .none ? 0 : try intToInt(r)
        if n <= 0 { break }
        out.append(contentsOf: strBytes(buf)[0..<min(n, 256)])
    }
    return try newBytes(out)
}

// MARK: - encoding

private let hexLower: [UInt8] = Array("0123456789abcdef".utf8)

struct JsonEncoder {
    var out: [UInt8] = []
    var itemSep: [UInt8] = [44, 32]     // ", "
    var keySep: [UInt8] = [58, 32]      // ": "

    init(_ a: Args) throws {
        out.reserveCapacity(256)
        for i in 0..<a.kwCount {
            let name = tupleItems(a.kwnames)[i]
            let v = a[a.count + i]
            guard name == qobj("separators") else {
                throw typeError("unexpected keyword argument '\(qstrString(name.qstr))'")
            }
            if v == .none { continue }
            let l = try iterateToList(v)
            guard listLen(l) == 2 else { throw valueError("requested length 2 but object has length \(listLen(l))") }
            let s0 = listItems(l)[0], s1 = listItems(l)[1]
            guard isStr(s0), isStr(s1) else { throw typeError("can't convert to str implicitly") }
            itemSep = Array(strBytes(s0))
            keySep = Array(strBytes(s1))
        }
    }

    mutating func appendInt(_ v: Int) {
        if v >= 0 && v < 10 { out.append(48 + UInt8(v)); return }
        var x = v.magnitude
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes of digits
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { b in
            while x > 0 { b[23 - n] = 48 + UInt8(x % 10); x /= 10; n += 1 }
        }
        if v < 0 { out.append(45) }
        withUnsafeBytes(of: &tmp) { b in out.append(contentsOf: b[(24 - n)...]) }
    }

    mutating func appendString(_ s: UnsafeBufferPointer<UInt8>, bytes: Bool = false) {
        out.append(34)
        guard let p = s.baseAddress else { out.append(34); return }
        let n = s.count
        var runStart = 0
        var i = 0
        while i < n {
            let c = p[i]
            if c >= 32 && c != 34 && c != 92 && (!bytes || c < 0x80) { i += 1; continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart)) }
            out.append(92)
            switch c {
            case 34: out.append(34)
            case 92: out.append(92)
            case 10: out.append(110)
            case 13: out.append(114)
            case 9: out.append(116)
            default:
                out.append(117); out.append(48); out.append(48)
                out.append(hexLower[Int(c >> 4)]); out.append(hexLower[Int(c & 15)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: n - runStart)) }
        out.append(34)
    }

    mutating func encode(_ o: Obj, depth: Int) throws {
        if o.isSmallInt { appendInt(o.smallInt); return }
        if o.isQstr { appendString(strBytes(o)); return }
        switch o {
        case .none: out.append(contentsOf: [110, 117, 108, 108]); return
        case .true: out.append(contentsOf: [116, 114, 117, 101]); return
        case .false: out.append(contentsOf: [102, 97, 108, 115, 101]); return
        default: break
        }
        guard o.isPtr else { throw notSerializable(o) }
        switch TypeID.from(addr: o.words[0]) {
        case .str?:
            appendString(strBytes(o))
        case .int?:
            out.append(contentsOf: intToString(o).utf8)
        case .float?:
            appendFloat(floatValue(o), &out)
        case .bytes?, .bytearray?:
            appendString(strBytes(o), bytes: true)
        case .list?, .tuple?:
            if depth > 0 && depth & 31 == 0 { try checkNativeStack() }
            out.append(91)
            var i = 0
            while true {
                let isList = o.isType(.list)
                let n = isList ? listLen(o) : tupleLen(o)
                if i >= n { break }
                if i > 0 { out.append(contentsOf: itemSep) }
                try encode(isList ? listItems(o)[i] : tupleItems(o)[i], depth: depth + 1)
                try checkHostText(out.count)
                i += 1
            }
            out.append(93)
        case .dict?:
            if depth > 0 && depth & 31 == 0 { try checkNativeStack() }
            out.append(123)
            let m = dictMap(o)
            var i = 0
            var first = true
            while let j = m.next(from: i) {
                if !first { out.append(contentsOf: itemSep) }
                first = false
                let k = isUserClassObj(m.key(j)) ? nativeSelf(m.key(j)) : m.key(j)
                if isStr(k) {
                    appendString(strBytes(k))
                } else if isBytesLike(k) {
                    appendString(strBytes(k), bytes: true)
                } else {
                    out.append(34)
                    try encode(k, depth: depth + 1)
                    out.append(34)
                }
                out.append(contentsOf: keySep)
                try encode(m.value(j), depth: depth + 1)
                try checkHostText(out.count)
                i = j + 1
            }
            out.append(125)
        default:
            if isUserClassObj(o) {
                let n = nativeSelf(o)
                if n != o { try encode(n, depth: depth + 1); return }
            }
            throw notSerializable(o)
        }
    }

    func notSerializable(_ o: Obj) -> PyErr {
        typeError("Object of type \(typeName(o)) is not JSON serializable")
    }
}

// MARK: - decoding

@inline(never) func jsonSyntaxError() -> PyErr { valueError("syntax error in JSON") }

func jsonLoads(_ src: Obj) throws -> Obj {
    var buf: UnsafeBufferPointer<UInt8>
    if isStr(src) {
        buf = strBytes(src)
    } else if let b = bytesLikeBuffer(src) {
        buf = b
    } else {
        let n = nativeSelf(src)
        guard isStr(n) else { throw typeError("object with buffer protocol required") }
        buf = strBytes(n)
    }
    guard let base = buf.baseAddress, buf.count > 0 else { throw jsonSyntaxError() }
    // bytearray/memoryview data could move if anything resized it; nothing runs Python code here,
    // but copy them anyway so the parser always reads stable memory
    if !isStr(src) && !src.isType(.bytes) {
        let copy = try newBytes(base, buf.count)
        let keep = pushRoot(copy)
        defer { popRoots(to: keep) }
        var p = JsonParser(strBytes(copy))
        return try p.parse()
    }
    _ = base
    var p = JsonParser(buf)
    return try p.parse()
}

struct JsonParser {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0
    var scratch: [UInt8] = []

    init(_ b: UnsafeBufferPointer<UInt8>) {
        p = b.baseAddress!
        n = b.count
    }

    @inline(__always) mutating func skipWS() {
        while i < n {
            let c = p[i]
            if c == 32 || c == 10 || c == 13 || c == 9 { i += 1 } else { break }
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws {
        skipWS()
        guard i < n && p[i] == c else { throw jsonSyntaxError() }
        i += 1
    }

    @inline(__always) mutating func matchWord(_ w: StaticString) -> Bool {
        let len = w.utf8CodeUnitCount
        if i + len > n { return false }
        let wp = w.utf8Start
        for k in 0..<len where p[i + k] != wp[k] { return false }
        i += len
        return true
    }

    /// Parses the whole document; unfinished containers (and pending dict keys) sit on the VM stack.
    mutating func parse() throws -> Obj {
        // base[0] roots the value just parsed; open containers (and pending keys) follow it
        let base = rt.pointee.vmStackTop
        let limit = rt.pointee.vmStackLimit
        guard base + 2 < limit else { throw runtimeError("maximum recursion depth exceeded") }
        base.pointee = .null
        var sp = base + 1
        rt.pointee.vmStackTop = sp
        defer { rt.pointee.vmStackTop = base }
        var value = Obj.null

        @inline(__always) func push(_ o: Obj, _ sp: inout UnsafeMutablePointer<Obj>) throws {
            guard sp + 1 < limit else { throw runtimeError("maximum recursion depth exceeded") }
            sp.pointee = o
            sp += 1
            if sp > rt.pointee.vmStackTop { rt.pointee.vmStackTop = sp }
        }

        parseValue: while true {
            skipWS()
            guard i < n else { throw jsonSyntaxError() }
            let c = p[i]
            switch c {
            case 123:   // {
                i += 1
                let d = try newDict()
                skipWS()
                if i < n && p[i] == 125 {
                    i += 1
                    value = d
                } else {
                    try push(d, &sp)
                    let k = try parseKey()
                    try push(k, &sp)
                    try expect(58)
                    continue parseValue
                }
            case 91:    // [
                i += 1
                let l = try newList(count: 0)
                skipWS()
                if i < n && p[i] == 93 {
                    i += 1
                    value = l
                } else {
                    try push(l, &sp)
                    continue parseValue
                }
            case 34:
                i += 1
                value = try parseString()
            case 116:
                guard matchWord("true") else { throw jsonSyntaxError() }
                value = .true
            case 102:
                guard matchWord("false") else { throw jsonSyntaxError() }
                value = .false
            case 110:
                guard matchWord("null") else { throw jsonSyntaxError() }
                value = .none
            case 78:
                guard matchWord("NaN") else { throw jsonSyntaxError() }
                value = try newFloat(.nan)
            case 73:
                guard matchWord("Infinity") else { throw jsonSyntaxError() }
                value = try newFloat(.infinity)
            case 45, 48...57:
                value = try parseNumber()
            default:
                throw jsonSyntaxError()
            }
            // attach the finished value to the innermost open container
            while true {
                base.pointee = value
                if sp == base + 1 {
                    skipWS()
                    if i != n { throw jsonSyntaxError() }
                    return value
                }
                let top = sp[-1]
                if top.isType(.list) {
                    try listAppend(top, value)
                    skipWS()
                    guard i < n else { throw jsonSyntaxError() }
                    if p[i] == 44 {
                        i += 1
                        continue parseValue
                    }
                    guard p[i] == 93 else { throw jsonSyntaxError() }
                    i += 1
                    sp -= 1
                    value = top
                    continue
                }
                // a pending key above its dict
                let d = sp[-2]
                try dictMap(d).set(top, value)
                sp -= 1
                skipWS()
                guard i < n else { throw jsonSyntaxError() }
                if p[i] == 44 {
                    i += 1
                    let k = try parseKey()
                    try push(k, &sp)
                    try expect(58)
                    continue parseValue
                }
                guard p[i] == 125 else { throw jsonSyntaxError() }
                i += 1
                sp -= 1
                value = d
            }
        }
    }

    mutating func parseKey() throws -> Obj {
        try expect(34)
        return try parseString()
    }

    /// A string body after its opening quote.
    mutating func parseString() throws -> Obj {
        let start = i
        while i < n {
            let c = p[i]
            if c == 34 {
                let s = try newStr(p + start, i - start)
                i += 1
                return s
            }
            if c == 92 { break }
            i += 1
        }
        guard i < n else { throw jsonSyntaxError() }
        // escapes: build the text in the scratch buffer
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
        while i < n {
            let c = p[i]
            if c == 34 {
                i += 1
                return try newStr(scratch)
            }
            if c != 92 { scratch.append(c); i += 1; continue }
            i += 1
            guard i < n else { throw jsonSyntaxError() }
            let e = p[i]
            i += 1
            switch e {
            case 34, 92, 47: scratch.append(e)
            case 98: scratch.append(8)
            case 102: scratch.append(12)
            case 110: scratch.append(10)
            case 114: scratch.append(13)
            case 116: scratch.append(9)
            case 117:
                var cp = try hex4()
                if cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n && p[i] == 92 && p[i + 1] == 117 {
                    let save = i
                    i += 2
                    let lo = try hex4()
                    if lo >= 0xDC00 && lo < 0xE000 {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        i = save
                    }
                }
                appendCodePoint(cp, &scratch)
            default:
                throw jsonSyntaxError()
            }
        }
        throw jsonSyntaxError()
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= n else { throw jsonSyntaxError() }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw jsonSyntaxError()
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func parseNumber() throws -> Obj {
        let start = i
        var neg = false
        if p[i] == 45 {
            neg = true
            i += 1
            if i < n && p[i] == 73 {
                guard matchWord("Infinity") else { throw jsonSyntaxError() }
                return try newFloat(-.infinity)
            }
        }
        guard i < n, p[i] >= 48 && p[i] <= 57 else { throw jsonSyntaxError() }
        let digitsStart = i
        if p[i] == 48 {
            i += 1
        } else {
            while i < n && p[i] >= 48 && p[i] <= 57 { i += 1 }
        }
        let digitsEnd = i
        var isFloat = false
        if i < n && p[i] == 46 {
            i += 1
            guard i < n, p[i] >= 48 && p[i] <= 57 else { throw jsonSyntaxError() }
            while i < n && p[i] >= 48 && p[i] <= 57 { i += 1 }
            isFloat = true
        }
        if i < n && (p[i] == 101 || p[i] == 69) {
            i += 1
            if i < n && (p[i] == 43 || p[i] == 45) { i += 1 }
            guard i < n, p[i] >= 48 && p[i] <= 57 else { throw jsonSyntaxError() }
            while i < n && p[i] >= 48 && p[i] <= 57 { i += 1 }
            isFloat = true
        }
        if isFloat {
            guard let d = parseDouble(buffer: UnsafeBufferPointer(start: p + start, count: i - start)) else {
                throw jsonSyntaxError()
            }
            return try newFloat(d)
        }
        let nd = digitsEnd - digitsStart
        if nd <= 18 {
            var v = 0
            for k in digitsStart..<digitsEnd { v = v * 10 + Int(p[k] - 48) }
            return try newInt(neg ? -v : v)
        }
        return try parseIntText(Array(UnsafeBufferPointer(start: p + start, count: i - start)), base: 10)
    }
}
