// The array module, as MicroPython's py/objarray.c: array.array(typecode[, initializer]) with
// typecodes b B h H i I l L q Q f d. An array shares the bytearray layout:
//   [type][typecode << 24 | allocated bytes][length in items][data address]
// Items are stored little-endian with their C sizes ('l'/'L' follow the port's long, as struct).
// As in MicroPython: integers written into an array are truncated to the item size, `+` and
// extend() accept anything with the buffer protocol (copied as raw bytes), slice assignment
// takes an array, bytearray, memoryview or bytes of the same item size. Beyond MicroPython
// (which raises NotImplementedError there), comparisons between different typecodes and
// `x in array` (through iteration) work as in CPython, and slices may have a step.

/// The item size of an array typecode, or nil for an unknown code.
func arrayItemSize(code: UInt8) -> Int? {
    switch code {
    case UInt8(ascii: "b"), UInt8(ascii: "B"): return 1
    case UInt8(ascii: "h"), UInt8(ascii: "H"): return 2
    case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"): return 4
    case UInt8(ascii: "l"), UInt8(ascii: "L"): return nativeWordSize
    case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "d"): return 8
    default: return nil
    }
}

@inline(__always) func arrayTypecode(_ o: Obj) -> UInt8 { UInt8(truncatingIfNeeded: o.w(1) >> 24) }
@inline(__always) func arrayItemSize(_ o: Obj) -> Int { arrayItemSize(code: arrayTypecode(o)) ?? 1 }
@inline(__always) func arrayCount(_ o: Obj) -> Int { Int(o.w(2)) }
@inline(__always) private func arrayAlloc(_ o: Obj) -> Int { Int(o.w(1) & 0x00FF_FFFF) }
@inline(__always) private func arrayData(_ o: Obj) -> UnsafeMutablePointer<UInt8> {
    hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self)
}
/// The number of bytes an array's items occupy (its buffer length).
@inline(__always) func arrayByteCount(_ o: Obj) -> Int { arrayCount(o) * arrayItemSize(o) }

/// The bytes of an array's items (valid until the array is resized).
func arrayBytesPointer(_ o: Obj) -> UnsafeMutableBufferPointer<UInt8> {
    UnsafeMutableBufferPointer(start: arrayData(o), count: arrayByteCount(o))
}

/// The bytes of an array's items, copied (for bytes(arr), memoryview and file writes).
func arrayRawBytes(_ o: Obj) -> [UInt8] { Array(arrayBytesPointer(o)) }

private let maxArrayBytes = 0x00FF_FFFF

/// A new array of n zeroed items.
func newArray(_ code: UInt8, count n: Int) throws -> Obj {
    guard let sz = arrayItemSize(code: code) else { throw valueError("bad typecode") }
    let bytes = n * sz
    if n < 0 || bytes > maxArrayBytes { throw pyErr(.MemoryError) }
    let o = try allocObj(TypeID.array.addr, words: 4)
    let keep = pushRoot(o)
    defer { popRoots(to: keep) }
    let cap = max(bytes, 4)
    let data = try gcAlloc(cap)
    o.setW(1, UInt32(code) << 24 | UInt32(cap))
    o.setW(2, UInt32(n))
    o.setW(3, data)
    return o
}

/// Makes room for `extra` more items (the data may move). The array must be reachable.
private func arrayReserve(_ o: Obj, _ extra: Int) throws {
    let sz = arrayItemSize(o)
    let need = (arrayCount(o) + extra) * sz
    let cap = arrayAlloc(o)
    if need <= cap { return }
    if need > maxArrayBytes { throw pyErr(.MemoryError) }
    let newCap = min(max(need, cap + cap / 2, 8 * sz), maxArrayBytes)
    let a = try gcRealloc(o.w(3), newCap)
    o.setW(3, a)
    o.setW(1, (o.w(1) & 0xFF00_0000) | UInt32(newCap))
}

@inline(__always) private func arrayGet(_ o: Obj, _ i: Int) throws -> Obj {
    let sz = arrayItemSize(o)
    return try structUnpackValue(arrayTypecode(o), sz, arrayData(o) + i * sz, bigEndian: false)
}

/// Converts v for the array and stores it at item i (i may equal the count after a reserve).
@inline(__always) private func arraySet(_ o: Obj, _ i: Int, _ v: Obj) throws {
    let code = arrayTypecode(o)
    let sz = arrayItemSize(o)
    // convert first: __index__ / __float__ may run code that resizes the array
    var tmp: (UInt64) = 0
    try withUnsafeMutableBytes(of: &tmp) { b in
        try structPackValue(code, sz, v, b.baseAddress!.assumingMemoryBound(to: UInt8.self), bigEndian: false)
    }
    guard i < arrayCount(o) || i * sz < arrayAlloc(o) else { throw indexError("array index out of range") }
    withUnsafeBytes(of: &tmp) { b in
        let d = arrayData(o) + i * sz
        for k in 0..<sz { d[k] = b[k] }
    }
}

func arrayAppend(_ o: Obj, _ v: Obj) throws {
    try arrayReserve(o, 1)
    let n = arrayCount(o)
    try arraySet(o, n, v)
    o.setW(2, UInt32(n + 1))
}

/// Appends raw bytes (whole items only).
private func arrayAppendBytes(_ o: Obj, _ bytes: [UInt8]) throws {
    let sz = arrayItemSize(o)
    let items = bytes.count / sz
    if items == 0 { return }
    try arrayReserve(o, items)
    let n = arrayCount(o)
    let d = arrayData(o) + n * sz
    for k in 0..<(items * sz) { d[k] = bytes[k] }
    o.setW(2, UInt32(n + items))
}

/// extend(): raw bytes of a buffer object, else the items of an iterable.
func arrayExtend(_ o: Obj, _ src: Obj) throws {
    if let b = stdBufferPointer(src), !isStr(src) {
        try arrayAppendBytes(o, Array(b))
        return
    }
    let it = try getIter(src)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        try arrayAppend(o, v)
    }
}

/// array(typecode[, initializer])
private func makeArray(_ a: Args) throws -> Obj {
    if a.kwCount > 0 { throw typeError("function doesn't take keyword arguments") }
    guard a.count >= 1 && a.count <= 2 else {
        throw typeError("function expected at most 2 arguments, got \(a.count)")
    }
    guard isStr(a[0]) else { throw typeError("can't convert '\(typeName(a[0]))' object to str implicitly") }
    let tb = strBytes(a[0])
    guard let code = tb.first, arrayItemSize(code: code) != nil else { throw valueError("bad typecode") }
    if a.count == 1 { return try newArray(code, count: 0) }
    let initial = a[1]
    if initial.isType(.bytes) || initial.isType(.bytearray) {
        let sz = arrayItemSize(code: code)!
        let bytes = Array(strBytes(initial))
        if bytes.count % sz != 0 { throw valueError("bytes length not a multiple of item size") }
        let o = try newArray(code, count: bytes.count / sz)
        let d = arrayData(o)
        for (k, b) in bytes.enumerated() { d[k] = b }
        return o
    }
    if initial.isType(.list) || initial.isType(.tuple) {
        let isList = initial.isType(.list)
        let n = isList ? listLen(initial) : tupleLen(initial)
        let o = try newArray(code, count: n)
        let keep = pushRoot(o)
        defer { popRoots(to: keep) }
        var i = 0
        while i < n && i < (isList ? listLen(initial) : n) {
            let v = isList ? listItems(initial)[i] : tupleItems(initial)[i]
            try arraySet(o, i, v)
            i += 1
        }
        return o
    }
    let o = try newArray(code, count: 0)
    let keep = pushRoot(o)
    defer { popRoots(to: keep) }
    let it = try getIter(initial)
    _ = pushRoot(it)
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        try arrayAppend(o, v)
    }
    return o
}

/// A new array holding items [start, start+step, ...) of o.
private func arraySlice(_ o: Obj, _ start: Int, _ step: Int, _ count: Int) throws -> Obj {
    let r = try newArray(arrayTypecode(o), count: count)
    let sz = arrayItemSize(o)
    let src = arrayData(o), dst = arrayData(r)
    for k in 0..<count {
        let s = src + (start + k * step) * sz, d = dst + k * sz
        for b in 0..<sz { d[b] = s[b] }
    }
    return r
}

func arraySubscrLoadImpl(_ o: Obj, _ idx: Obj) throws -> Obj {
    let n = arrayCount(o)
    if idx.isType(.slice) {
        let (start, _, step, count) = try sliceIndices(idx, n)
        return try arraySlice(o, start, step, count)
    }
    let i = try seqIndex(idx, n, "array")
    return try arrayGet(o, i)
}

/// The raw items for a slice assignment: an array/bytearray/memoryview/bytes of the same item size.
private func sliceSource(_ o: Obj, _ v: Obj) throws -> [UInt8] {
    let sz = arrayItemSize(o)
    if v.isType(.array) {
        if arrayItemSize(v) != sz { throw valueError("lhs and rhs should be compatible") }
        return arrayRawBytes(v)
    }
    if v.isType(.bytearray) || v.isType(.memoryview) || v.isType(.bytes) {
        if sz != 1 { throw valueError("lhs and rhs should be compatible") }
        return try stdBuffer(v)
    }
    throw notImplemented("array/bytes required on right side")
}

func arraySubscrStoreImpl(_ o: Obj, _ idx: Obj, _ v: Obj) throws {
    let n = arrayCount(o)
    if idx.isType(.slice) {
        let (start, stop, step, count) = try sliceIndices(idx, n)
        let src = try sliceSource(o, v)
        let sz = arrayItemSize(o)
        let srcCount = src.count / sz
        if step != 1 {
            if srcCount != count {
                throw valueError("attempt to assign array of size \(srcCount) to extended slice of size \(count)")
            }
            let d = arrayData(o)
            for k in 0..<count {
                let p = d + (start + k * step) * sz
                for b in 0..<sz { p[b] = src[k * sz + b] }
            }
            return
        }
        let end = max(start, stop)
        let removed = end - start
        let newCount = n - removed + srcCount
        if srcCount > removed { try arrayReserve(o, srcCount - removed) }
        let d = arrayData(o)
        let tail = (n - end) * sz
        if tail > 0 {
            (d + (start + srcCount) * sz).update(from: d + end * sz, count: tail)
        }
        for k in 0..<(srcCount * sz) { d[start * sz + k] = src[k] }
        o.setW(2, UInt32(newCount))
        return
    }
    let i = try seqIndex(idx, n, "array")
    try arraySet(o, i, v)
}

// MARK: printing, operators and comparison (called from the core)

/// repr/str of an array: array('i', [1, 2]) or array('i').
func appendArrayRepr(_ o: Obj, _ buf: inout [UInt8]) {
    let code = arrayTypecode(o)
    let sz = arrayItemSize(o)
    append("array('", &buf)
    buf.append(code)
    buf.append(UInt8(ascii: "'"))
    let n = arrayCount(o)
    if n > 0 {
        append(", [", &buf)
        let d = arrayData(o)
        for i in 0..<n {
            if i > 0 { append(", ", &buf) }
            let bits = loadBits(d + i * sz, sz, bigEndian: false)
            switch code {
            case UInt8(ascii: "f"): appendFloat(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))), &buf)
            case UInt8(ascii: "d"): appendFloat(Double(bitPattern: bits), &buf)
            default:
                if code >= UInt8(ascii: "a") {
                    let shift = UInt64(64 - 8 * sz)
                    append(String(Int64(bitPattern: bits << shift) >> Int64(shift)), &buf)
                } else {
                    append(String(bits), &buf)
                }
            }
        }
        append("]", &buf)
    }
    append(")", &buf)
}

/// An array op another object: +, +=, *, *= (and int * array); nil when not supported.
func arrayBinaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj? {
    let base = op.base
    if !a.isType(.array) {
        // int * array
        if base == .mul && b.isType(.array) && isIntObj(a) { return try arrayRepeat(b, try intToInt(a)) }
        return nil
    }
    switch base {
    case .add:
        if op.isInplace {
            try arrayExtend(a, b)
            return a
        }
        guard let bb = stdBufferPointer(b), !isStr(b) else {
            throw typeError("object with buffer protocol required")
        }
        let rhs = Array(bb)
        let sz = arrayItemSize(a)
        let rn = rhs.count / sz
        let n = arrayCount(a)
        let r = try newArray(arrayTypecode(a), count: n + rn)
        let d = arrayData(r)
        let s = arrayData(a)
        for k in 0..<(n * sz) { d[k] = s[k] }
        for k in 0..<(rn * sz) { d[n * sz + k] = rhs[k] }
        return r
    case .mul:
        guard isIntObj(b) else { return nil }
        let times = try intToInt(b)
        if op.isInplace {
            let bytes = arrayRawBytes(a)
            a.setW(2, 0)
            if times > 0 && !bytes.isEmpty {
                let (total, o) = bytes.count.multipliedReportingOverflow(by: times)
                if o || total > maxArrayBytes { throw pyErr(.MemoryError) }
                for _ in 0..<times { try arrayAppendBytes(a, bytes) }
            }
            return a
        }
        return try arrayRepeat(a, times)
    default:
        return nil
    }
}

private func arrayRepeat(_ a: Obj, _ times: Int) throws -> Obj {
    let t = max(times, 0)
    let sz = arrayItemSize(a)
    let n = arrayCount(a)
    let (total, o) = (n * sz).multipliedReportingOverflow(by: t)
    if o || total > maxArrayBytes { throw pyErr(.MemoryError) }
    let r = try newArray(arrayTypecode(a), count: total / sz)
    if total == 0 { return r }        // no copying loop for an empty array, however large t
    let s = arrayData(a), d = arrayData(r)
    for k in 0..<t { (d + k * n * sz).update(from: s, count: n * sz) }
    return r
}

/// Comparison with an array on either side; nil when the operands cannot be ordered.
func arrayCompare(_ op: CmpOpCode, _ a: Obj, _ b: Obj) throws -> Obj? {
    if !a.isType(.array) {
        guard b.isType(.array) else { return nil }
        let swapped: [CmpOpCode] = [.gt, .ge, .eq, .ne, .lt, .le]
        return try arrayCompare(swapped[Int(op.rawValue)], b, a)
    }
    func result(_ c: Int) -> Obj {
        switch op {
        case .lt: return .bool(c < 0)
        case .le: return .bool(c <= 0)
        case .eq: return .bool(c == 0)
        case .ne: return .bool(c != 0)
        case .gt: return .bool(c > 0)
        case .ge: return .bool(c >= 0)
        }
    }
    let ca = arrayTypecode(a)
    let lower = { (c: UInt8) -> UInt8 in c < 97 ? c + 32 : c }
    if b.isType(.array) {
        let cb = arrayTypecode(b)
        // same integer representation: compare bytes for equality
        if lower(ca) == lower(cb) && ca != UInt8(ascii: "f") && ca != UInt8(ascii: "d") && (op == .eq || op == .ne) {
            let x = arrayBytesPointer(a), y = arrayBytesPointer(b)
            let eq = x.count == y.count && memcmpEqual(x, y)
            return .bool(op == .eq ? eq : !eq)
        }
        // item by item, as sequences
        let na = arrayCount(a), nb = arrayCount(b)
        if (op == .eq || op == .ne) && na != nb { return .bool(op == .ne) }
        var i = 0
        while i < na && i < nb && i < arrayCount(a) && i < arrayCount(b) {
            let x = try arrayGet(a, i)
            let keep = pushRoot(x)
            let y = try arrayGet(b, i)
            _ = pushRoot(y)
            let eq = try pyEqual(x, y)
            if !eq {
                let r: Obj
                if op == .eq { r = .false } else if op == .ne { r = .true } else { r = try compareOp(op, x, y) }
                popRoots(to: keep)
                return r
            }
            popRoots(to: keep)
            i += 1
        }
        return result(na == nb ? 0 : (na < nb ? -1 : 1))
    }
    if isBytesLike(b) || b.isType(.memoryview) {
        // as MicroPython: bytes-like objects compare by content with 1-byte integer arrays
        if lower(ca) == UInt8(ascii: "b"), let y = stdBufferPointer(b) {
            let x = UnsafeBufferPointer(arrayBytesPointer(a))
            let c = compareBytes(x, y)
            if op == .eq || op == .ne || ca == UInt8(ascii: "B") { return result(c) }
        }
    }
    if op == .eq { return .false }
    if op == .ne { return .true }
    return nil
}

private func memcmpEqual(_ x: UnsafeMutableBufferPointer<UInt8>, _ y: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    for i in 0..<x.count where x[i] != y[i] { return false }
    return true
}

// MARK: module

enum ModuleArray {
    nonisolated(unsafe) static var installed = false

    static let methods: [NativeSpec] = [
        method("append", 2) { a in
            guard a[0].isType(.array) else { throw typeError("array required") }
            try arrayAppend(a[0], a[1])
            return .none
        },
        method("extend", 2) { a in
            guard a[0].isType(.array) else { throw typeError("array required") }
            try arrayExtend(a[0], a[1])
            return .none
        },
        method("decode", 1, 3) { a in
            guard a[0].isType(.array) else { throw typeError("array required") }
            return try newStr(arrayRawBytes(a[0]))
        },
    ]

    static func register() {
        if !installed {
            installed = true
            let wasBuilding = buildingRom
            buildingRom = true
            let locals = dictMap(TypeID.array.obj.o(TypeWord.locals))
            for m in methods { try! locals.set(qobj(m.name), makeNative(m)) }
            buildingRom = wasBuilding
            typeMakers[TypeID.array.rawValue] = makeArray
            arrayLoadHook = arraySubscrLoadImpl
            arrayStoreHook = arraySubscrStoreImpl
        }
        registerModule("array") { [("array", .type(.array))] }
    }
}
