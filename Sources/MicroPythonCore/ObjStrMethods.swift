// Methods of str (and the shared search/split helpers bytes uses too).
//
// Every method works on the UTF-8 bytes directly. Sequence methods shared by str, bytes and
// bytearray take `uni`: true for str (indices count code points, arguments must be str),
// false for bytes/bytearray (indices count bytes, arguments are any buffer: bytes, bytearray,
// memoryview). Results of bytes methods have the type of self (bytes or bytearray).

import Glibc

let strMethods: [NativeSpec] = [
    method("center", 2, 3) { a throws in try seqCenter(a, uni: true) },
    method("count", 2, 4) { a throws in try seqCount(a, uni: true) },
    method("encode", 1, 3, kw: true) { a throws in
        let s = try seqSelf(a[0], uni: true)
        let b = strBytes(s)
        return try newBytes(b.baseAddress, b.count)
    },
    method("endswith", 2, 4) { a throws in try seqTailMatch(a, uni: true, atEnd: true) },
    method("find", 2, 4) { a throws in try seqFind(a, uni: true, reverse: false, raise: false) },
    method("format", 1, NativeSpec.varArgs, kw: true) { a throws in try strFormatMethod(a) },
    method("index", 2, 4) { a throws in try seqFind(a, uni: true, reverse: false, raise: true) },
    method("isalpha", 1) { a throws in try seqIsClass(a[0], uni: true, .alpha) },
    method("isdigit", 1) { a throws in try seqIsClass(a[0], uni: true, .digit) },
    method("islower", 1) { a throws in try seqIsCase(a[0], uni: true, lower: true) },
    method("isspace", 1) { a throws in try seqIsClass(a[0], uni: true, .space) },
    method("isupper", 1) { a throws in try seqIsCase(a[0], uni: true, lower: false) },
    method("join", 2) { a throws in try seqJoin(a, uni: true) },
    method("lower", 1) { a throws in try seqCaseConv(a[0], uni: true, upper: false) },
    method("lstrip", 1, 2) { a throws in try seqStrip(a, uni: true, left: true, right: false) },
    method("partition", 2) { a throws in try seqPartition(a, uni: true, reverse: false) },
    method("replace", 3, 4) { a throws in try seqReplace(a, uni: true) },
    method("rfind", 2, 4) { a throws in try seqFind(a, uni: true, reverse: true, raise: false) },
    method("rindex", 2, 4) { a throws in try seqFind(a, uni: true, reverse: true, raise: true) },
    method("rpartition", 2) { a throws in try seqPartition(a, uni: true, reverse: true) },
    method("rsplit", 1, 3, kw: true) { a throws in try seqSplit(a, uni: true, reverse: true) },
    method("rstrip", 1, 2) { a throws in try seqStrip(a, uni: true, left: false, right: true) },
    method("split", 1, 3, kw: true) { a throws in try seqSplit(a, uni: true, reverse: false) },
    method("splitlines", 1, 2, kw: true) { a throws in try seqSplitlines(a, uni: true) },
    method("startswith", 2, 4) { a throws in try seqTailMatch(a, uni: true, atEnd: false) },
    method("strip", 1, 2) { a throws in try seqStrip(a, uni: true, left: true, right: true) },
    method("upper", 1) { a throws in try seqCaseConv(a[0], uni: true, upper: true) },
]

// MARK: - self, arguments and results

private nonisolated(unsafe) let emptyBytePtr: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
    p.initialize(repeating: 0, count: 8)
    return p
}()

/// The base pointer of a buffer (never nil, even when empty).
@inline(__always) func bufBase(_ b: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
    b.baseAddress ?? UnsafePointer(emptyBytePtr)
}

/// self of a str method (str, or the native str of a str subclass instance) or of a bytes method
/// (bytes or bytearray, or a subclass instance's native value).
@inline(__always) func seqSelf(_ o: Obj, uni: Bool) throws -> Obj {
    if uni {
        if isStr(o) { return o }
        let n = nativeSelf(o)
        if isStr(n) { return n }
        throw typeError("descriptor requires a 'str' object but received a '\(typeName(o))'")
    }
    if isBytesLike(o) { return o }
    let n = nativeSelf(o)
    if isBytesLike(n) { return n }
    throw typeError("descriptor requires a 'bytes' object but received a '\(typeName(o))'")
}

/// The bytes a memoryview covers.
func memoryviewBuffer(_ mv: Obj) -> UnsafeBufferPointer<UInt8> {
    let src = mv.o(1)
    let off = Int(mv.w(2))
    let n = memoryviewLen(mv)
    let base: UnsafeBufferPointer<UInt8> = src.isType(.array)
        ? UnsafeBufferPointer(start: hostPtr(src.w(3)).assumingMemoryBound(to: UInt8.self), count: arrayByteCount(src))
        : strBytes(src)
    let lo = min(off, base.count), hi = min(off + n, base.count)
    return UnsafeBufferPointer(start: bufBase(base) + lo, count: hi - lo)
}

/// The buffer of a bytes-like object (bytes, bytearray, memoryview), or nil.
@inline(__always) func bytesLikeBuffer(_ o: Obj) -> UnsafeBufferPointer<UInt8>? {
    if isBytesLike(o) { return strBytes(o) }
    if o.isType(.memoryview) { return memoryviewBuffer(o) }
    let n = nativeSelf(o)
    if n != o { return bytesLikeBuffer(n) }
    return nil
}

/// An argument of a sequence method: a str for str methods, a bytes-like object for bytes methods.
@inline(__always) func seqArg(_ o: Obj, uni: Bool) throws -> UnsafeBufferPointer<UInt8> {
    if uni {
        if isStr(o) { return strBytes(o) }
        let n = nativeSelf(o)
        if isStr(n) { return strBytes(n) }
        throw typeError("must be str, not \(typeName(o))")
    }
    if let b = bytesLikeBuffer(o) { return b }
    throw typeError("a bytes-like object is required, not '\(typeName(o))'")
}

/// A new object of self's kind (str, bytes or bytearray) holding n bytes from p.
@inline(__always) func newSeqLike(_ selfObj: Obj, _ p: UnsafePointer<UInt8>, _ n: Int) throws -> Obj {
    if selfObj.isQstr || selfObj.isType(.str) { return try newStr(p, n) }
    if selfObj.isType(.bytearray) {
        let o = try newBytearray(count: n)
        if n > 0 { hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self).update(from: p, count: n) }
        return o
    }
    return try newBytes(p, n)
}

/// Like newSeqLike, but a str of more than one byte is not looked up among the qstrs
/// (for the many pieces of split, where the lookup rarely succeeds).
@inline(__always) func newSeqPiece(_ selfObj: Obj, _ p: UnsafePointer<UInt8>, _ n: Int) throws -> Obj {
    if n > 1 && (selfObj.isQstr || selfObj.isType(.str)) {
        let (o, d) = try newStrBuffer(.str, n)
        d.update(from: p, count: n)
        d[n] = 0
        return o
    }
    return try newSeqLike(selfObj, p, n)
}

/// A new object of self's kind with n uninitialised bytes for the caller to fill.
@inline(__always) func newSeqBuffer(_ selfObj: Obj, _ n: Int) throws -> (Obj, UnsafeMutablePointer<UInt8>) {
    if selfObj.isType(.bytearray) {
        let o = try newBytearray(count: n)
        return (o, hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self))
    }
    let (o, d) = try newStrBuffer(selfObj.isType(.bytes) ? .bytes : .str, n)
    d[n] = 0
    return (o, d)
}

/// Self unchanged: str and bytes are returned as they are, a bytearray is copied.
@inline(__always) func seqSame(_ selfObj: Obj) throws -> Obj {
    if selfObj.isType(.bytearray) {
        let b = strBytes(selfObj)
        return try newSeqLike(selfObj, bufBase(b), b.count)
    }
    return selfObj
}

/// The empty value of self's kind.
@inline(__always) func seqEmpty(_ selfObj: Obj) throws -> Obj {
    if selfObj.isQstr || selfObj.isType(.str) { return Obj(qstr: QID._empty.rawValue) }
    return try newSeqLike(selfObj, UnsafePointer(emptyBytePtr), 0)
}

// MARK: - index ranges

/// The byte window [lo, hi) of `b` selected by optional start/end arguments at a[i], a[i+1]
/// (CPython's slice-like adjustment; for str they count code points). nil when start > len.
func seqWindow(_ b: UnsafeBufferPointer<UInt8>, uni: Bool, _ a: Args, _ i: Int) throws -> (Int, Int)? {
    let hasStart = i < a.count && a[i] != .none
    let hasEnd = i + 1 < a.count && a[i + 1] != .none
    if !hasStart && !hasEnd { return (0, b.count) }
    var start = hasStart ? try clampedIndex(a[i]) : 0
    var end = hasEnd ? try clampedIndex(a[i + 1]) : Int.max
    let ascii = !uni || isASCII(b)
    let len = ascii ? b.count : charCount(b)
    if end > len { end = len } else if end < 0 { end += len; if end < 0 { end = 0 } }
    if start < 0 { start += len; if start < 0 { start = 0 } }
    if start > len { return nil }
    if ascii { return (start, end) }
    let lo = byteOffset(b, charIndex: start)
    if end < start { return (lo, lo - 1) }
    return (lo, byteOffset(b, charIndex: end))
}

/// An index argument; big ints are clamped (they are out of range anyway), as CPython does.
@inline(__always) func clampedIndex(_ o: Obj) throws -> Int {
    if o.isSmallInt { return o.smallInt }
    if o.isType(.int) { return bigOf(o).isNegative ? Int.min / 4 : Int.max / 4 }
    return try intToInt(o)
}

/// The code point index of byte offset `off` (the byte offset itself for bytes).
@inline(__always) func charIndexOf(_ b: UnsafeBufferPointer<UInt8>, _ off: Int, uni: Bool) -> Int {
    if !uni { return off }
    var n = 0
    let p = bufBase(b)
    for i in 0..<off where p[i] & 0xC0 != 0x80 { n += 1 }
    return n
}

// MARK: - searching

/// First occurrence of needle (n bytes) in h[lo..<hi], or -1.
@inline(__always)
func memFind(_ h: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, _ nd: UnsafePointer<UInt8>, _ n: Int) -> Int {
    if n == 0 { return lo <= hi ? lo : -1 }
    if hi - lo < n { return -1 }
    let first = Int32(nd[0])
    let last = hi - n
    var i = lo
    while i <= last {
        guard let q = memchr(h + i, first, last - i + 1) else { return -1 }
        let j = UnsafePointer<UInt8>(q.assumingMemoryBound(to: UInt8.self)) - h
        if n == 1 || memcmp(h + j + 1, nd + 1, n - 1) == 0 { return j }
        i = j + 1
    }
    return -1
}

/// Last occurrence of needle (n bytes) in h[lo..<hi], or -1.
@inline(__always)
func memRFind(_ h: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int, _ nd: UnsafePointer<UInt8>, _ n: Int) -> Int {
    if n == 0 { return lo <= hi ? hi : -1 }
    if hi - lo < n { return -1 }
    let first = nd[0]
    var i = hi - n
    while i >= lo {
        if h[i] == first && (n == 1 || memcmp(h + i + 1, nd + 1, n - 1) == 0) { return i }
        i -= 1
    }
    return -1
}

/// The needle of find/count/index: a str, a buffer, or (bytes methods) an int 0...255.
@inline(__always) func seqNeedle(_ o: Obj, uni: Bool, _ holder: inout Obj) throws -> UnsafeBufferPointer<UInt8> {
    if !uni && isIntObj(o) {
        let x = try intToInt(o)
        guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
        holder = try newBytes([UInt8(x)])
        return strBytes(holder)
    }
    return try seqArg(o, uni: uni)
}

func seqFind(_ a: Args, uni: Bool, reverse: Bool, raise: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    var holder = Obj.none
    let nb = try seqNeedle(a[1], uni: uni, &holder)
    let b = strBytes(s)
    var r = -1
    if let (lo, hi) = try seqWindow(b, uni: uni, a, 2) {
        r = reverse ? memRFind(bufBase(b), lo, hi, bufBase(nb), nb.count)
                    : memFind(bufBase(b), lo, hi, bufBase(nb), nb.count)
    }
    withExtendedLifetime(holder) {}
    if r < 0 {
        if raise { throw valueError("substring not found") }
        return Obj(small: -1)
    }
    return Obj(small: charIndexOf(b, r, uni: uni))
}

func seqCount(_ a: Args, uni: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    var holder = Obj.none
    let nb = try seqNeedle(a[1], uni: uni, &holder)
    let b = strBytes(s)
    guard let (lo, hi) = try seqWindow(b, uni: uni, a, 2) else { return Obj(small: 0) }
    if hi < lo { return Obj(small: 0) }
    let n = nb.count
    if n == 0 {
        let chars = uni ? charCount(UnsafeBufferPointer(rebasing: b[lo..<hi])) : hi - lo
        return Obj(small: chars + 1)
    }
    let h = bufBase(b), nd = bufBase(nb)
    var count = 0
    var i = lo
    while true {
        let j = memFind(h, i, hi, nd, n)
        if j < 0 { break }
        count += 1
        i = j + n
    }
    withExtendedLifetime(holder) {}
    return Obj(small: count)
}

/// startswith / endswith with a str/buffer or a tuple of them.
func seqTailMatch(_ a: Args, uni: Bool, atEnd: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    let b = strBytes(s)
    guard let (lo, hi) = try seqWindow(b, uni: uni, a, 2) else { return .false }
    let h = bufBase(b)
    @inline(__always) func match(_ nb: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = nb.count
        if hi - lo < n { return false }
        if n == 0 { return true }
        return memcmp(h + (atEnd ? hi - n : lo), bufBase(nb), n) == 0
    }
    let x = a[1]
    if x.isType(.tuple) {
        for k in 0..<tupleLen(x) {
            let item = tupleItems(x)[k]
            let nb: UnsafeBufferPointer<UInt8>
            do { nb = try seqArg(item, uni: uni) } catch {
                throw typeError(uni ? "tuple for \(atEnd ? "endswith" : "startswith") must only contain str, not \(typeName(item))"
                                    : "a bytes-like object is required, not '\(typeName(item))'")
            }
            if match(nb) { return .true }
        }
        return .false
    }
    let nb: UnsafeBufferPointer<UInt8>
    do { nb = try seqArg(x, uni: uni) } catch {
        throw typeError("\(atEnd ? "endswith" : "startswith") first arg must be \(uni ? "str" : "bytes") or a tuple of \(uni ? "str" : "bytes"), not \(typeName(x))")
    }
    return .bool(match(nb))
}

// MARK: - whitespace and character classes

/// ASCII whitespace as str methods see it (CPython: \t\n\v\f\r, \x1c-\x1f, space) and as bytes
/// methods see it (\t\n\v\f\r and space).
private nonisolated(unsafe) let strSpaceTable: UnsafeMutablePointer<Bool> = {
    let t = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for c in 0..<256 { t[c] = c == 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31) }
    return t
}()
private nonisolated(unsafe) let bytesSpaceTable: UnsafeMutablePointer<Bool> = {
    let t = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for c in 0..<256 { t[c] = c == 32 || (c >= 9 && c <= 13) }
    return t
}()

@inline(__always) func isUniSpaceScalar(_ c: UInt32) -> Bool {
    switch c {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

/// Steps over the characters of one buffer (code points for str, bytes for bytes) and
/// recognises whitespace; lengths are in bytes.
struct CharScanner {
    let p: UnsafePointer<UInt8>
    let n: Int
    let uni: Bool
    let table: UnsafePointer<Bool>

    @inline(__always) init(_ b: UnsafeBufferPointer<UInt8>, uni: Bool) {
        p = bufBase(b)
        n = b.count
        self.uni = uni
        table = UnsafePointer(uni ? strSpaceTable : bytesSpaceTable)
    }

    /// Length of the whitespace character starting at i, or 0.
    @inline(__always) func spaceAt(_ i: Int) -> Int {
        let c = p[i]
        if c < 0x80 { return table[Int(c)] ? 1 : 0 }
        if !uni || c < 0xC2 { return 0 }
        let l = utf8CharLen(c)
        if i + l > n { return 0 }
        return isUniSpaceScalar(decodeScalar(UnsafeBufferPointer(start: p, count: n), i)) ? l : 0
    }
    /// Length of the character ending just before i (i > 0).
    @inline(__always) func charLenBefore(_ i: Int) -> Int {
        if !uni || p[i - 1] < 0x80 { return 1 }
        var k = i - 1
        while k > 0 && p[k] & 0xC0 == 0x80 && i - k < 4 { k -= 1 }
        return i - k
    }
    /// Length of the character starting at i.
    @inline(__always) func charLenAt(_ i: Int) -> Int {
        if !uni || p[i] < 0x80 { return 1 }
        return min(utf8CharLen(p[i]), n - i)
    }
}

enum CharClass { case alpha, digit, space }

@inline(__always) private func asciiIsAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 97 < 26 }
@inline(__always) private func asciiIsDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
@inline(__always) private func asciiIsUpper(_ c: UInt8) -> Bool { c &- 65 < 26 }
@inline(__always) private func asciiIsLower(_ c: UInt8) -> Bool { c &- 97 < 26 }

private func scalarIsAlpha(_ c: UInt32) -> Bool {
    guard let u = Unicode.Scalar(c) else { return false }
    switch u.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

private func scalarIsDigit(_ c: UInt32) -> Bool {
    guard let u = Unicode.Scalar(c), let t = u.properties.numericType else { return false }
    return t == .decimal || t == .digit
}

/// isalpha / isdigit / isspace: non-empty and every character in the class.
func seqIsClass(_ o: Obj, uni: Bool, _ cls: CharClass) throws -> Obj {
    let s = try seqSelf(o, uni: uni)
    let b = strBytes(s)
    if b.count == 0 { return .false }
    let p = bufBase(b), n = b.count
    if cls == .space {
        let sc = CharScanner(b, uni: uni)
        var i = 0
        while i < n {
            let l = sc.spaceAt(i)
            if l == 0 { return .false }
            i += l
        }
        return .true
    }
    var i = 0
    while i < n {
        let c = p[i]
        if c < 0x80 {
            if !(cls == .alpha ? asciiIsAlpha(c) : asciiIsDigit(c)) { return .false }
            i += 1
            continue
        }
        if !uni { return .false }
        let v = decodeScalar(b, i)
        if !(cls == .alpha ? scalarIsAlpha(v) : scalarIsDigit(v)) { return .false }
        i += utf8CharLen(c)
    }
    return .true
}

/// islower / isupper: at least one cased character and none of the other case.
func seqIsCase(_ o: Obj, uni: Bool, lower: Bool) throws -> Obj {
    let s = try seqSelf(o, uni: uni)
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    var cased = false
    var i = 0
    while i < n {
        let c = p[i]
        if c < 0x80 || !uni {
            if lower {
                if asciiIsUpper(c) { return .false }
                if asciiIsLower(c) { cased = true }
            } else {
                if asciiIsLower(c) { return .false }
                if asciiIsUpper(c) { cased = true }
            }
            i += 1
            continue
        }
        if let u = Unicode.Scalar(decodeScalar(b, i)) {
            let pr = u.properties
            let isUp = pr.isUppercase, isLo = pr.isLowercase, isTitle = pr.generalCategory == .titlecaseLetter
            if lower {
                if isUp || isTitle { return .false }
                if isLo { cased = true }
            } else {
                if isLo || isTitle { return .false }
                if isUp { cased = true }
            }
        }
        i += utf8CharLen(c)
    }
    return .bool(cased)
}

/// lower() / upper(): ASCII fast path; other code points use Unicode's full case mappings (str only).
func seqCaseConv(_ o: Obj, uni: Bool, upper: Bool) throws -> Obj {
    let s = try seqSelf(o, uni: uni)
    let b = strBytes(s)
    let n = b.count
    if n == 0 { return try seqSame(s) }
    if !uni || isASCII(b) {
        let (r, d) = try newSeqBuffer(s, n)
        let p = bufBase(strBytes(s))
        if upper {
            for i in 0..<n { let c = p[i]; d[i] = asciiIsLower(c) ? c &- 32 : c }
        } else {
            for i in 0..<n { let c = p[i]; d[i] = asciiIsUpper(c) ? c &+ 32 : c }
        }
        return r
    }
    var out: [UInt8] = []
    out.reserveCapacity(n + 8)
    let p = bufBase(b)
    var i = 0
    while i < n {
        let c = p[i]
        if c < 0x80 {
            out.append(upper ? (asciiIsLower(c) ? c &- 32 : c) : (asciiIsUpper(c) ? c &+ 32 : c))
            i += 1
            continue
        }
        let l = min(utf8CharLen(c), n - i)
        if let u = Unicode.Scalar(decodeScalar(b, i)) {
            let m = upper ? u.properties.uppercaseMapping : u.properties.lowercaseMapping
            out.append(contentsOf: m.utf8)
        } else {
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: l))
        }
        i += l
    }
    return try newStr(out)
}

// MARK: - split

/// split / rsplit (sep=None, maxsplit=-1).
func seqSplit(_ a: Args, uni: Bool, reverse: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    var sepObj: Obj = .none
    var maxsplit = -1
    if let x = a.arg(1, "sep") { sepObj = x }
    if let x = a.arg(2, "maxsplit") { maxsplit = try intToInt(x) }
    if maxsplit < 0 { maxsplit = Int.max }
    let result = try newList(count: 0)
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    if sepObj == .none {
        do {
            let sc = CharScanner(b, uni: uni)
            var left = maxsplit
            if !reverse {
                var i = 0
                while left > 0 {
                    while i < n { let l = sc.spaceAt(i); if l == 0 { break }; i += l }
                    if i == n { break }
                    let j = i
                    i += sc.charLenAt(i)
                    while i < n && sc.spaceAt(i) == 0 { i += sc.charLenAt(i) }
                    try listAppend(result, try newSeqPiece(s, p + j, i - j))
                    left -= 1
                }
                if i < n {
                    while i < n { let l = sc.spaceAt(i); if l == 0 { break }; i += l }
                    if i < n { try listAppend(result, try newSeqPiece(s, p + i, n - i)) }
                }
            } else {
                var i = n      // exclusive end of the unscanned part
                while left > 0 {
                    while i > 0 { let l = sc.charLenBefore(i); if sc.spaceAt(i - l) == 0 { break }; i -= l }
                    if i == 0 { break }
                    let j = i
                    i -= sc.charLenBefore(i)
                    while i > 0 { let l = sc.charLenBefore(i); if sc.spaceAt(i - l) != 0 { break }; i -= l }
                    try listAppend(result, try newSeqPiece(s, p + i, j - i))
                    left -= 1
                }
                if i > 0 {
                    while i > 0 { let l = sc.charLenBefore(i); if sc.spaceAt(i - l) == 0 { break }; i -= l }
                    if i > 0 { try listAppend(result, try newSeqPiece(s, p, i)) }
                }
                listReverse(result)
            }
        }
        return result
    }
    let sb = try seqArg(sepObj, uni: uni)
    let m = sb.count
    if m == 0 { throw valueError("empty separator") }
    let sp = bufBase(sb)
    var left = maxsplit
    if !reverse {
        var i = 0
        while left > 0 {
            let j = memFind(p, i, n, sp, m)
            if j < 0 { break }
            try listAppend(result, try newSeqPiece(s, p + i, j - i))
            i = j + m
            left -= 1
        }
        if i == 0 { try listAppend(result, try seqSame(s)) } else { try listAppend(result, try newSeqPiece(s, p + i, n - i)) }
    } else {
        var j = n
        while left > 0 {
            let k = memRFind(p, 0, j, sp, m)
            if k < 0 { break }
            try listAppend(result, try newSeqPiece(s, p + k + m, j - k - m))
            j = k
            left -= 1
        }
        if j == n { try listAppend(result, try seqSame(s)) } else { try listAppend(result, try newSeqPiece(s, p, j)) }
        listReverse(result)
    }
    return result
}

@inline(__always) func listReverse(_ l: Obj) {
    let p = listItems(l), n = listLen(l)
    var i = 0, j = n - 1
    while i < j { let t = p[i]; p[i] = p[j]; p[j] = t; i += 1; j -= 1 }
}

/// splitlines(keepends=False). str breaks at \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029,
/// bytes at \n \r \r\n.
func seqSplitlines(_ a: Args, uni: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    var keep = false
    if let x = a.arg(1, "keepends") {
        guard isIntObj(x) else { throw typeError("'\(typeName(x))' object cannot be interpreted as an integer") }
        keep = try pyTruthy(x)
    }
    let result = try newList(count: 0)
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    var i = 0
    var start = 0
    while i < n {
        let c = p[i]
        var eol = 0
        if c == 10 || c == 13 {
            eol = (c == 13 && i + 1 < n && p[i + 1] == 10) ? 2 : 1
        } else if uni {
            if c == 11 || c == 12 || (c >= 28 && c <= 30) { eol = 1 }
            else if c == 0xC2 && i + 1 < n && p[i + 1] == 0x85 { eol = 2 }
            else if c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) { eol = 3 }
        }
        if eol == 0 { i += 1; continue }
        let end = keep ? i + eol : i
        try listAppend(result, try newSeqPiece(s, p + start, end - start))
        i += eol
        start = i
    }
    if start < n {
        if start == 0 { try listAppend(result, try seqSame(s)) } else { try listAppend(result, try newSeqPiece(s, p + start, n - start)) }
    }
    return result
}

// MARK: - strip

/// A set of characters for strip(chars): ASCII/bytes in a bitmap, other code points in a list.
struct CharSet {
    var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var others: [UInt32] = []

    init(_ b: UnsafeBufferPointer<UInt8>, uni: Bool) {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 || !uni { add(c); i += 1; continue }
            others.append(decodeScalar(b, i))
            i += utf8CharLen(c)
        }
    }
    @inline(__always) mutating func add(_ c: UInt8) {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 {
        case 0: bits.0 |= bit
        case 1: bits.1 |= bit
        case 2: bits.2 |= bit
        default: bits.3 |= bit
        }
    }
    @inline(__always) func hasByte(_ c: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(c & 63)
        switch c >> 6 {
        case 0: return bits.0 & bit != 0
        case 1: return bits.1 & bit != 0
        case 2: return bits.2 & bit != 0
        default: return bits.3 & bit != 0
        }
    }
}

func seqStrip(_ a: Args, uni: Bool, left: Bool, right: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    var lo = 0, hi = n
    if a.count < 2 || a[1] == .none {
        do {
            let sc = CharScanner(b, uni: uni)
            if left { while lo < hi { let l = sc.spaceAt(lo); if l == 0 { break }; lo += l } }
            if right { while hi > lo { let l = sc.charLenBefore(hi); if sc.spaceAt(hi - l) == 0 { break }; hi -= l } }
        }
    } else {
        let cb = try seqArg(a[1], uni: uni)
        let set = CharSet(cb, uni: uni)
        let sc = CharScanner(b, uni: uni)
        @inline(__always) func has(_ i: Int, _ l: Int) -> Bool {
            if l == 1 { return set.hasByte(p[i]) }
            return set.others.contains(decodeScalar(b, i))
        }
        if left { while lo < hi { let l = sc.charLenAt(lo); if !has(lo, l) { break }; lo += l } }
        if right { while hi > lo { let l = sc.charLenBefore(hi); if !has(hi - l, l) { break }; hi -= l } }
    }
    if lo == 0 && hi == n { return try seqSame(s) }
    return try newSeqLike(s, p + lo, hi - lo)
}

// MARK: - partition, replace, join, center

func seqPartition(_ a: Args, uni: Bool, reverse: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    let sb = try seqArg(a[1], uni: uni)
    if sb.count == 0 { throw valueError("empty separator") }
    let b = strBytes(s)
    let p = bufBase(b), n = b.count, m = sb.count
    let t = try newTuple(count: 3)
    let items = tupleItems(t)
    for k in 0..<3 { items[k] = .none }
    let j = reverse ? memRFind(p, 0, n, bufBase(sb), m) : memFind(p, 0, n, bufBase(sb), m)
    if j < 0 {
        let e1 = try seqEmpty(s)
        items[1] = e1
        let e2 = try seqEmpty(s)
        let whole = try seqSame(s)
        if reverse { items[0] = e2; items[2] = whole } else { items[0] = whole; items[2] = e2 }
        return t
    }
    items[0] = try newSeqLike(s, p, j)
    if (uni && isStr(a[1])) || (s.isType(.bytes) && a[1].isType(.bytes)) {
        items[1] = a[1]
    } else {
        items[1] = try newSeqLike(s, bufBase(sb), m)
    }
    items[2] = try newSeqLike(s, p + j + m, n - j - m)
    return t
}

func seqReplace(_ a: Args, uni: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    let ob = try seqArg(a[1], uni: uni)
    let nb = try seqArg(a[2], uni: uni)
    var maxCount = a.count > 3 ? try intToInt(a[3]) : -1
    if maxCount < 0 { maxCount = Int.max }
    let b = strBytes(s)
    let p = bufBase(b), n = b.count
    let op = bufBase(ob), m = ob.count
    let np = bufBase(nb), k = nb.count
    if maxCount == 0 { return try seqSame(s) }
    if m == 0 {
        // insert `new` before every character and at the end, up to maxCount times
        let chars = uni ? charCount(b) : n
        let times = min(maxCount, chars + 1)
        let (r, d) = try newSeqBuffer(s, n + times * k)
        var i = 0, o = 0
        for t in 0..<times {
            if k > 0 { (d + o).update(from: np, count: k); o += k }
            if t < chars && i < n {
                let l = uni ? min(utf8CharLen(p[i]), n - i) : 1
                (d + o).update(from: p + i, count: l)
                o += l
                i += l
            }
        }
        if i < n { (d + o).update(from: p + i, count: n - i) }
        return r
    }
    // count the occurrences first, then fill a buffer of the exact size
    var count = 0
    var i = 0
    while count < maxCount {
        let j = memFind(p, i, n, op, m)
        if j < 0 { break }
        count += 1
        i = j + m
    }
    if count == 0 { return try seqSame(s) }
    let total = n + count * (k - m)
    let (r, d) = try newSeqBuffer(s, total)
    i = 0
    var o = 0
    for _ in 0..<count {
        let j = memFind(p, i, n, op, m)
        if j > i { (d + o).update(from: p + i, count: j - i); o += j - i }
        if k > 0 { (d + o).update(from: np, count: k); o += k }
        i = j + m
    }
    if i < n { (d + o).update(from: p + i, count: n - i) }
    return r
}

func seqJoin(_ a: Args, uni: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    var seq = a[1]
    let keep = rt.pointee.vmStackTop
    defer { popRoots(to: keep) }
    if !seq.isType(.list) && !seq.isType(.tuple) {
        seq = try iterateToList(seq)
        _ = pushRoot(seq)
    }
    let items = seq.isType(.list) ? listItems(seq) : tupleItems(seq)
    let count = seq.isType(.list) ? listLen(seq) : tupleLen(seq)
    let sepLen = strBytes(s).count
    var total = count > 1 ? sepLen * (count - 1) : 0
    for i in 0..<count {
        let x = items[i]
        if uni {
            if isStr(x) { total += strBytes(x).count; continue }
            let nx = nativeSelf(x)
            if isStr(nx) { total += strBytes(nx).count; continue }
            throw typeError("sequence item \(i): expected str instance, \(typeName(x)) found")
        }
        guard let xb = bytesLikeBuffer(x) else {
            throw typeError("sequence item \(i): expected a bytes-like object, \(typeName(x)) found")
        }
        total += xb.count
    }
    if count == 0 { return try seqEmpty(s) }
    if count == 1 && uni && isStr(items[0]) { return items[0] }
    if count == 1 && !uni && s.isType(.bytes) && items[0].isType(.bytes) { return items[0] }
    let (r, d) = try newSeqBuffer(s, total)
    // the sequence may not be changed by the allocation (no Python code runs), so `items` stays valid
    let items2 = seq.isType(.list) ? listItems(seq) : tupleItems(seq)
    let sp = bufBase(strBytes(s))
    var o = 0
    for i in 0..<count {
        if i > 0 && sepLen > 0 { (d + o).update(from: sp, count: sepLen); o += sepLen }
        let x = items2[i]
        let xb: UnsafeBufferPointer<UInt8> = uni ? strBytes(isStr(x) ? x : nativeSelf(x)) : bytesLikeBuffer(x)!
        if xb.count > 0 { (d + o).update(from: bufBase(xb), count: xb.count); o += xb.count }
    }
    return r.isType(.str) ? finishStr(r, d, total) : r
}

func seqCenter(_ a: Args, uni: Bool) throws -> Obj {
    let s = try seqSelf(a[0], uni: uni)
    let width = try intToInt(a[1])
    var fill: UnsafeBufferPointer<UInt8>
    if a.count > 2 {
        if uni {
            guard isStr(a[2]) || isStr(nativeSelf(a[2])) else {
                throw typeError("The fill character must be a unicode character, not \(typeName(a[2]))")
            }
            fill = strBytes(isStr(a[2]) ? a[2] : nativeSelf(a[2]))
            if charCount(fill) != 1 { throw typeError("The fill character must be exactly one character long") }
        } else {
            guard let fb = bytesLikeBuffer(a[2]), !a[2].isType(.memoryview) else {
                throw typeError("center() argument 2 must be a byte string of length 1, not \(typeName(a[2]))")
            }
            if fb.count != 1 { throw typeError("center() argument 2 must be a byte string of length 1, not \(typeName(a[2]))") }
            fill = fb
        }
    } else {
        fill = UnsafeBufferPointer(start: UnsafePointer(spacePtr), count: 1)
    }
    let b = strBytes(s)
    let len = uni && !isASCII(b) ? charCount(b) : b.count
    if width <= len { return try seqSame(s) }
    let marg = width - len
    let leftN = marg / 2 + (marg & width & 1)
    let rightN = marg - leftN
    let f = fill.count
    let (padBytes, overflow) = marg.multipliedReportingOverflow(by: f)
    if overflow { throw memoryError(Int.max, locked: false) }
    let total = b.count + padBytes
    let (r, d) = try newSeqBuffer(s, total)
    let fp = bufBase(fill)
    var o = 0
    if f == 1 {
        let c = fp[0]
        (d).initialize(repeating: c, count: leftN)
        o = leftN
    } else {
        for _ in 0..<leftN { (d + o).update(from: fp, count: f); o += f }
    }
    let b2 = strBytes(s)
    if b2.count > 0 { (d + o).update(from: bufBase(b2), count: b2.count) }
    o += b2.count
    if f == 1 {
        (d + o).initialize(repeating: fp[0], count: rightN)
    } else {
        for _ in 0..<rightN { (d + o).update(from: fp, count: f); o += f }
    }
    return r
}

private nonisolated(unsafe) let spacePtr: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 32)
    return p
}()
