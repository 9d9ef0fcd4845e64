// Methods of bytes and bytearray. The shared sequence helpers live in ObjStrMethods.swift;
// bytes methods return bytes, bytearray methods return bytearray (CPython's rules).

func bytesMethods(mutable: Bool) -> [NativeSpec] {
    var m: [NativeSpec] = [
        method("center", 2, 3) { a throws in try seqCenter(a, uni: false) },
        method("count", 2, 4) { a throws in try seqCount(a, uni: false) },
        method("decode", 1, 3, kw: true) { a throws in try bytesDecode(a) },
        method("endswith", 2, 4) { a throws in try seqTailMatch(a, uni: false, atEnd: true) },
        method("find", 2, 4) { a throws in try seqFind(a, uni: false, reverse: false, raise: false) },
        // MicroPython's bytes and bytearray share str's method table: format works on bytes only
        method("format", 1, NativeSpec.varArgs, kw: true) { a throws in
            guard a[0].isType(.bytes) else { throw typeError("argument has wrong type") }
            return try strFormatMethod(a)
        },
        classMethod("fromhex", 2) { a throws in try bytesFromHex(a[1], bytearray: mutable) },
        method("hex", 1, 3, kw: true) { a throws in
            let s = try seqSelf(a[0], uni: false)
            return try bytesHex(strBytes(s), a, argIndex: 1)
        },
        method("index", 2, 4) { a throws in try seqFind(a, uni: false, reverse: false, raise: true) },
        method("isalpha", 1) { a throws in try seqIsClass(a[0], uni: false, .alpha) },
        method("isdigit", 1) { a throws in try seqIsClass(a[0], uni: false, .digit) },
        method("islower", 1) { a throws in try seqIsCase(a[0], uni: false, lower: true) },
        method("isspace", 1) { a throws in try seqIsClass(a[0], uni: false, .space) },
        method("isupper", 1) { a throws in try seqIsCase(a[0], uni: false, lower: false) },
        method("join", 2) { a throws in try seqJoin(a, uni: false) },
        method("lower", 1) { a throws in try seqCaseConv(a[0], uni: false, upper: false) },
        method("lstrip", 1, 2) { a throws in try seqStrip(a, uni: false, left: true, right: false) },
        method("partition", 2) { a throws in try seqPartition(a, uni: false, reverse: false) },
        method("replace", 3, 4) { a throws in try seqReplace(a, uni: false) },
        method("rfind", 2, 4) { a throws in try seqFind(a, uni: false, reverse: true, raise: false) },
        method("rindex", 2, 4) { a throws in try seqFind(a, uni: false, reverse: true, raise: true) },
        method("rpartition", 2) { a throws in try seqPartition(a, uni: false, reverse: true) },
        method("rsplit", 1, 3, kw: true) { a throws in try seqSplit(a, uni: false, reverse: true) },
        method("rstrip", 1, 2) { a throws in try seqStrip(a, uni: false, left: false, right: true) },
        method("split", 1, 3, kw: true) { a throws in try seqSplit(a, uni: false, reverse: false) },
        method("splitlines", 1, 2, kw: true) { a throws in try seqSplitlines(a, uni: false) },
        method("startswith", 2, 4) { a throws in try seqTailMatch(a, uni: false, atEnd: false) },
        method("strip", 1, 2) { a throws in try seqStrip(a, uni: false, left: true, right: true) },
        method("upper", 1) { a throws in try seqCaseConv(a[0], uni: false, upper: true) },
    ]
    if mutable {
        m.append(method("append", 2) { a throws in
            let o = try selfBytearray(a[0])
            let x = try intToInt(a[1])
            guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
            let len = Int(o.w(2))
            if len < Int(o.w(1)) {
                hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self)[len] = UInt8(x)
                o.setW(2, UInt32(len + 1))
                return .none
            }
            try [UInt8(x)].withUnsafeBufferPointer { b throws in try bytearrayAppend(o, b) }
            return .none
        })
        m.append(method("extend", 2) { a throws in try bytearrayExtendFrom(try selfBytearray(a[0]), a[1]); return .none })
    }
    return m
}

@inline(__always) private func selfBytearray(_ o: Obj) throws -> Obj {
    if o.isType(.bytearray) { return o }
    let n = nativeSelf(o)
    if n.isType(.bytearray) { return n }
    throw typeError("descriptor requires a 'bytearray' object but received a '\(typeName(o))'")
}

/// bytearray.extend(x): x is a buffer (bytes, bytearray, memoryview) or an iterable of ints 0...255.
func bytearrayExtendFrom(_ o: Obj, _ src: Obj) throws {
    if let b = bytesLikeBuffer(src) { try bytearrayAppend(o, b); return }
    if isIntObj(src) || isStr(src) { throw typeError("can't extend bytearray with \(typeName(src))") }
    var data: [UInt8] = []
    let it = try getIter(src)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        let x = try intToInt(v)
        guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
        data.append(UInt8(x))
    }
    try data.withUnsafeBufferPointer { b throws in try bytearrayAppend(o, b) }
}

// MARK: - decode

/// bytes.decode(encoding='utf-8', errors='strict'): 'strict' raises UnicodeError on invalid UTF-8,
/// 'ignore' drops invalid bytes, 'replace' puts U+FFFD for each maximal invalid subsequence.
func bytesDecode(_ a: Args) throws -> Obj {
    let s = try seqSelf(a[0], uni: false)
    var mode = 0    // 0 strict, 1 ignore, 2 replace
    if let e = a.arg(1, "encoding"), !isStr(e) {
        throw typeError("decode() argument 'encoding' must be str, not \(typeName(e))")
    }
    if let e = a.arg(2, "errors") {
        guard isStr(e) else { throw typeError("decode() argument 'errors' must be str, not \(typeName(e))") }
        let eb = strBytes(e)
        if bytesEqual(eb, "ignore") { mode = 1 } else if bytesEqual(eb, "replace") { mode = 2 }
    }
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    // fast path: valid UTF-8 (checked with CPython's strict rules)
    var i = 0
    while i < n {
        if p[i] < 0x80 { i += 1; continue }
        let l = utf8SeqLen(p, i, n)
        if l <= 0 { break }
        i += l
    }
    if i == n { return try newStr(p, n) }
    if mode == 0 { throw pyErr(.UnicodeError, "'utf-8' codec can't decode byte 0x\(String(p[i], radix: 16)) in position \(i): invalid start byte") }
    var out: [UInt8] = []
    out.reserveCapacity(n + 8)
    out.append(contentsOf: UnsafeBufferPointer(start: p, count: i))
    while i < n {
        if p[i] < 0x80 { out.append(p[i]); i += 1; continue }
        let l = utf8SeqLen(p, i, n)
        if l > 0 {
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: l))
            i += l
        } else {
            if mode == 2 { out.append(0xEF); out.append(0xBF); out.append(0xBD) }
            i += -l
        }
    }
    return try newStr(out)
}

/// Length of the valid UTF-8 sequence at p[i] (lead byte >= 0x80), or minus the length of the
/// maximal invalid subpart to skip (at least 1).
@inline(__always) private func utf8SeqLen(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
    let c = p[i]
    var need: Int
    var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
    switch c {
    case 0xC2...0xDF: need = 1
    case 0xE0: need = 2; lo = 0xA0
    case 0xE1...0xEC, 0xEE, 0xEF: need = 2
    case 0xED: need = 2; hi = 0x9F
    case 0xF0: need = 3; lo = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4: need = 3; hi = 0x8F
    default: return -1
    }
    var k = 1
    while k <= need {
        if i + k >= n { return -k }
        let d = p[i + k]
        if d < lo || d > hi { return -k }
        lo = 0x80; hi = 0xBF
        k += 1
    }
    return need + 1
}

@inline(__always) private func bytesEqual(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
    if b.count != s.utf8CodeUnitCount { return false }
    let q = s.utf8Start
    for k in 0..<b.count where b[k] != q[k] { return false }
    return true
}

// MARK: - hex / fromhex

private let hexDigitsLower: [UInt8] = Array("0123456789abcdef".utf8)

/// bytes.hex([sep[, bytes_per_sep]]): the optional arguments are at a[argIndex], a[argIndex + 1].
func bytesHex(_ data: UnsafeBufferPointer<UInt8>, _ a: Args, argIndex: Int) throws -> Obj {
    var sepByte: UInt8? = nil
    var per = 1
    if let sepObj = a.arg(argIndex, "sep") {
        let sb: UnsafeBufferPointer<UInt8>
        if isStr(sepObj) { sb = strBytes(sepObj) } else if let x = bytesLikeBuffer(sepObj) { sb = x } else {
            throw typeError("sep must be str or bytes.")
        }
        if sb.count != 1 { throw valueError("sep must be length 1.") }
        if sb[0] >= 0x80 { throw valueError("sep must be ASCII.") }
        sepByte = sb[0]
    }
    if let perObj = a.arg(argIndex + 1, "bytes_per_sep") { per = try intToInt(perObj) }
    let n = data.count
    if n == 0 { return Obj(qstr: QID._empty.rawValue) }
    var groupEvery = 0
    if sepByte != nil && per != 0 { groupEvery = Int(clamping: per.magnitude) }   // -2**63 has no Int magnitude
    let seps = groupEvery > 0 ? (n - 1) / groupEvery : 0
    let total = 2 * n + seps
    let (r, d) = try newStrBuffer(.str, total)
    d[total] = 0
    let p2 = bufBase(data)
    var o = 0
    hexDigitsLower.withUnsafeBufferPointer { hx in
        for k in 0..<n {
            if groupEvery > 0 && k > 0 {
                // per > 0 groups from the right, per < 0 from the left
                let boundary = per > 0 ? (n - k) % groupEvery == 0 : k % groupEvery == 0
                if boundary { d[o] = sepByte!; o += 1 }
            }
            let c = p2[k]
            d[o] = hx[Int(c >> 4)]
            d[o + 1] = hx[Int(c & 15)]
            o += 2
        }
    }
    return r
}

@inline(__always) private func hexValue(_ c: UInt8) -> Int {
    if c &- 48 < 10 { return Int(c - 48) }
    let l = c | 0x20
    if l &- 97 < 6 { return Int(l - 87) }
    return -1
}

/// bytes.fromhex(s) / bytearray.fromhex(s): pairs of hex digits, whitespace allowed between pairs.
func bytesFromHex(_ src: Obj, bytearray: Bool) throws -> Obj {
    let b: UnsafeBufferPointer<UInt8>
    if isStr(src) { b = strBytes(src) } else if let x = bytesLikeBuffer(src) { b = x } else {
        throw typeError("fromhex() argument must be str, not \(typeName(src))")
    }
    var out: [UInt8] = []
    out.reserveCapacity(b.count / 2)
    let p = bufBase(b), n = b.count
    var i = 0
    while i < n {
        let c = p[i]
        if c == 32 || (c >= 9 && c <= 13) { i += 1; continue }
        let hi = hexValue(c)
        if hi < 0 { throw valueError("non-hexadecimal number found in fromhex() arg at position \(i)") }
        if i + 1 >= n { throw valueError("fromhex() arg must contain an even number of hexadecimal digits") }
        let lo = hexValue(p[i + 1])
        if lo < 0 {
            if p[i + 1] == 32 || (p[i + 1] >= 9 && p[i + 1] <= 13) {
                throw valueError("fromhex() arg must contain an even number of hexadecimal digits")
            }
            throw valueError("non-hexadecimal number found in fromhex() arg at position \(i + 1)")
        }
        out.append(UInt8(hi << 4 | lo))
        i += 2
    }
    return bytearray ? try newBytearray(out) : try newBytes(out)
}
