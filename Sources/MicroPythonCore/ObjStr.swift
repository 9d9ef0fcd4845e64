// str: UTF-8 text, either a qstr or a heap object [type][hash][byte length][data] with the data inline.
// Indexing counts code points, as MicroPython's unicode build does.

enum ObjStr {
    static var def: BuiltinTypeDef {
        BuiltinTypeDef(id: .str, name: "str", base: .object, methods: strMethods)
    }

    static func make(_ a: Args) throws -> Obj {
        if a.count == 0 { return Obj(qstr: QID._empty.rawValue) }
        if a.count == 1 { return try pyStr(a[0]) }
        // str(bytes, encoding[, errors])
        let src = a[0]
        guard isBytesLike(src) else { throw typeError("decoding str is not supported") }
        return try decodeUTF8(strBytes(src))
    }
}

func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>) throws -> Obj {
    if !isValidUTF8(b) { throw pyErr(.UnicodeError) }
    return try newStr(b)
}

func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = b.count
    while i < n {
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        let len: Int
        if c >= 0xC2 && c < 0xE0 { len = 2 } else if c >= 0xE0 && c < 0xF0 { len = 3 } else if c >= 0xF0 && c < 0xF5 { len = 4 } else { return false }
        if i + len > n { return false }
        for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return false }
        i += len
    }
    return true
}

/// Number of code points.
func charCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for c in b where c & 0xC0 != 0x80 { n += 1 }
    return n
}

/// Byte offset of code point `index` (index may equal the count).
func byteOffset(_ b: UnsafeBufferPointer<UInt8>, charIndex: Int) -> Int {
    if charIndex <= 0 { return 0 }
    var seen = 0
    var i = 0
    while i < b.count {
        if b[i] & 0xC0 != 0x80 {
            if seen == charIndex { return i }
            seen += 1
        }
        i += 1
    }
    return b.count
}

@inline(__always) func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    for c in b where c >= 0x80 { return false }
    return true
}

func strSubscr(_ s: Obj, _ idx: Obj) throws -> Obj {
    let b = strBytes(s)
    let ascii = isASCII(b)
    let n = ascii ? b.count : charCount(b)
    if idx.isType(.slice) {
        let (start, _, step, count) = try sliceIndices(idx, n)
        if count <= 0 { return Obj(qstr: QID._empty.rawValue) }
        if ascii {
            if step == 1 { return try newStr(b.baseAddress! + start, count) }
            var out = [UInt8](repeating: 0, count: count)
            for k in 0..<count { out[k] = b[start + k * step] }
            return try newStr(out)
        }
        if step == 1 {
            let from = byteOffset(b, charIndex: start), to = byteOffset(b, charIndex: start + count)
            return try newStr(b.baseAddress! + from, to - from)
        }
        var out: [UInt8] = []
        for k in 0..<count {
            let off = byteOffset(b, charIndex: start + k * step)
            let l = utf8CharLen(b[off])
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[off..<min(off + l, b.count)]))
        }
        return try newStr(out)
    }
    let i = try seqIndex(idx, n, "string")
    if ascii { return try newStr(b.baseAddress! + i, 1) }
    let off = byteOffset(b, charIndex: i)
    return try newStr(b.baseAddress! + off, min(utf8CharLen(b[off]), b.count - off))
}

func strConcat(_ a: Obj, _ b: Obj) throws -> Obj {
    let x = strBytes(a), y = strBytes(b)
    if x.count == 0 { return b }
    if y.count == 0 { return a }
    let (o, d) = try newStrBuffer(.str, x.count + y.count)
    let x2 = strBytes(a), y2 = strBytes(b)
    d.update(from: x2.baseAddress!, count: x2.count)
    (d + x2.count).update(from: y2.baseAddress!, count: y2.count)
    return finishStr(o, d, x2.count + y2.count)
}

/// BUILD_STRING: concatenates n str values.
func joinStrings(_ p: UnsafeMutablePointer<Obj>, _ n: Int) throws -> Obj {
    var total = 0
    for i in 0..<n { total += strBytes(p[i]).count }
    if total == 0 { return Obj(qstr: QID._empty.rawValue) }
    let (o, d) = try newStrBuffer(.str, total)
    var off = 0
    for i in 0..<n {
        let b = strBytes(p[i])
        if b.count > 0 { (d + off).update(from: b.baseAddress!, count: b.count) }
        off += b.count
    }
    return finishStr(o, d, total)
}

/// FORMAT_VALUE: f-string field with optional !conversion and :spec.
func formatValue(_ v: Obj, conversion: UInt8, spec: Obj) throws -> Obj {
    var value = v
    switch conversion {
    case UInt8(ascii: "r"), UInt8(ascii: "a"): value = try pyRepr(v)
    case UInt8(ascii: "s"): value = try pyStr(v)
    default: break
    }
    if spec.isNull || strBytes(spec).count == 0 {
        return isStr(value) ? value : try pyStr(value)
    }
    return try formatWithSpec(value, spec)
}

/// format(value, spec) for builtin values and __format__.
func formatWithSpec(_ value: Obj, _ specObj: Obj) throws -> Obj {
    if isUserClassObj(value), let f = lookupInType(value.type, qobj(.__format__)) {
        return try callBound(f, value, [specObj])
    }
    let specBytes = Array(strBytes(specObj))
    let spec: FormatSpec
    do { spec = try FormatSpec.parse(specBytes) } catch { throw valueError(formatErrorMessage(error)) }
    try checkFormatSize(spec.width)
    try checkFormatSize(spec.precision)
    do {
        let v = nativeSelf(value)
        if isIntObj(v) {
            if let t = spec.type, "eEfFgG%".unicodeScalars.contains(t) {
                return try newStr(try formatDoubleBytes(try toDouble(v), spec: spec))
            }
            let big = bigOf(v)
            return try newStr(try formatIntegerBytes(negative: big.isNegative, magnitude: { base in big.abs.toString(base: base) },
                                                     spec: spec, typeName: v == .true || v == .false ? "bool" : "int"))
        }
        if v.isType(.float) {
            return try newStr(try formatDoubleBytes(floatValue(v), spec: spec))
        }
        if isStr(v) {
            return try newStr(try formatStringBytes(Array(strBytes(v)), spec: spec))
        }
        let s = try pyStr(v)
        return try newStr(try formatStringBytes(Array(strBytes(s)), spec: spec))
    } catch let e as PyErr {
        throw e
    } catch {
        throw valueError(formatErrorMessage(error))
    }
}

/// A width or precision too large for the heap: the result could never be allocated, so fail
/// before the formatter builds it in host memory.
func checkFormatSize(_ n: Int?) throws {
    if let n = n, n > rt.pointee.blockCount * blockBytes { throw pyErr(.MemoryError) }
}

func formatErrorMessage(_ e: Error) -> String {
    if let f = e as? FormatError { return f.message }
    return "invalid format specifier"
}
