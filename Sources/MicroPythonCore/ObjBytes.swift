// bytes (immutable, data inline like str), bytearray [type][allocated][length][data address],
// and memoryview [type][object][offset][length | itemsize << 28 | readonly << 31].

enum ObjBytes {
    static func makeBytes(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newBytes(nil, 0) }
        let data = try bytesFromArgs(a, what: "bytes")
        return try newBytes(data)
    }

    static func makeBytearray(_ a: Args) throws -> Obj {
        if a.count == 0 { return try newBytearray(count: 0) }
        return try newBytearray(try bytesFromArgs(a, what: "bytearray"))
    }

    static func makeMemoryview(_ a: Args) throws -> Obj {
        guard a.count == 1 else { throw typeError("memoryview() takes 1 argument") }
        return try memoryviewOf(a[0])
    }

    static func memoryviewOf(_ src: Obj) throws -> Obj {
        if src.isType(.memoryview) { return src }
        if let b = forwardedBuffer(src) { return try memoryviewOf(b) }
        guard src.isType(.bytes) || src.isType(.bytearray) || src.isType(.array) else {
            throw typeError("object with buffer protocol required")
        }
        let mv = try allocObj(TypeID.memoryview.addr, words: 4)
        mv.setO(1, src)
        mv.setW(2, 0)
        let len = src.isType(.array) ? arrayByteCount(src) : strBytes(src).count
        mv.setW(3, UInt32(len) | 1 << 28 | (src.isType(.bytes) ? 1 << 31 : 0))
        return mv
    }
}

/// The bytes for bytes(x) / bytearray(x): a count, an iterable of ints, a buffer, or str + encoding.
func bytesFromArgs(_ a: Args, what: String) throws -> [UInt8] {
    let src = a[0]
    if isStr(src) {
        guard a.count >= 2 else { throw typeError("string argument without an encoding") }
        return Array(strBytes(src))
    }
    if isIntObj(src) {
        let n = try intToInt(src)
        if n < 0 { throw valueError("negative count") }
        if n > rt.pointee.blockCount * blockBytes { throw pyErr(.MemoryError) }
        return [UInt8](repeating: 0, count: n)
    }
    if isBytesLike(src) { return Array(strBytes(src)) }
    if src.isType(.memoryview) { return memoryviewBytes(src) }
    if src.isType(.array) { return arrayRawBytes(src) }
    if let b = forwardedBuffer(src), let p = stdBufferPointer(b) { return Array(p) }
    var out: [UInt8] = []
    let it = try getIter(src)
    let keep = pushRoot(it)
    defer { popRoots(to: keep) }
    while true {
        let v = try iterNext(it)
        if v == .stopIteration { break }
        let x = try intToInt(v)
        guard x >= 0 && x < 256 else { throw valueError("bytes must be in range(0, 256)") }
        out.append(UInt8(x))
    }
    return out
}

func newBytearray(count n: Int) throws -> Obj {
    let o = try allocObj(TypeID.bytearray.addr, words: 4)
    let keep = pushRoot(o)
    defer { popRoots(to: keep) }
    let data = try gcAlloc(max(n, 1))
    o.setW(1, UInt32(max(n, 1)))
    o.setW(2, UInt32(n))
    o.setW(3, data)
    return o
}

func newBytearray(_ bytes: [UInt8]) throws -> Obj {
    let o = try newBytearray(count: bytes.count)
    let p = hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self)
    for (i, b) in bytes.enumerated() { p[i] = b }
    return o
}

/// Appends raw bytes to a bytearray, growing its buffer.
func bytearrayAppend(_ o: Obj, _ p: UnsafeBufferPointer<UInt8>) throws {
    let len = Int(o.w(2)), cap = Int(o.w(1))
    let copy = Array(p)   // p may point into this bytearray
    if len + copy.count > cap {
        let newCap = max(len + copy.count, cap * 2, 8)
        o.setW(3, try gcRealloc(o.w(3), newCap))
        o.setW(1, UInt32(newCap))
    }
    let d = hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self) + len
    for (i, b) in copy.enumerated() { d[i] = b }
    o.setW(2, UInt32(len + copy.count))
}

func bytearrayExtend(_ o: Obj, _ src: Obj) throws {
    if isBytesLike(src) { try bytearrayAppend(o, strBytes(src)); return }
    if isIntObj(src) || isStr(src) { throw typeError("can't extend bytearray with \(typeName(src))") }
    let data = try withOneArg(src) { try bytesFromArgs($0, what: "bytearray") }
    try data.withUnsafeBufferPointer { b throws in try bytearrayAppend(o, b) }
}

func bytesConcat(_ a: Obj, _ b: Obj, resultType: TypeID) throws -> Obj {
    var data = Array(strBytes(a))
    data.append(contentsOf: b.isType(.memoryview) ? memoryviewBytes(b) : Array(strBytes(b)))
    return resultType == .bytearray ? try newBytearray(data) : try newBytes(data)
}

func bytearraySliceAssign(_ o: Obj, _ s: Obj, _ v: Obj) throws {
    let src: [UInt8]
    if isBytesLike(v) {
        src = Array(strBytes(v))
    } else if v.isType(.memoryview) {
        src = memoryviewBytes(v)
    } else {
        src = try withOneArg(v) { try bytesFromArgs($0, what: "bytearray") }
    }
    var data = Array(strBytes(o))
    let (start, stop, step, count) = try sliceIndices(s, data.count)
    if step != 1 {
        if src.count != count { throw valueError("attempt to assign sequence of size \(src.count) to extended slice of size \(count)") }
        for k in 0..<count { data[start + k * step] = src[k] }
    } else {
        data.replaceSubrange(start..<max(start, stop), with: src)
    }
    o.setW(2, 0)
    try data.withUnsafeBufferPointer { b throws in try bytearrayAppend(o, b) }
}

// MARK: memoryview

@inline(__always) func memoryviewLen(_ mv: Obj) -> Int { Int(mv.w(3) & 0x0FFF_FFFF) }

func memoryviewBytes(_ mv: Obj) -> [UInt8] {
    let src = mv.o(1)
    let off = Int(mv.w(2))
    let n = memoryviewLen(mv)
    let b = src.isType(.array) ? UnsafeBufferPointer(start: hostPtr(src.w(3)).assumingMemoryBound(to: UInt8.self), count: arrayByteCount(src)) : strBytes(src)
    return Array(b[off..<min(off + n, b.count)])
}

private func memoryviewData(_ mv: Obj) -> UnsafeMutablePointer<UInt8> {
    let src = mv.o(1)
    let base = src.isType(.bytes) ? src.w(3) : src.w(3)
    return hostPtr(base).assumingMemoryBound(to: UInt8.self) + Int(mv.w(2))
}

func memoryviewLoad(_ mv: Obj, _ idx: Obj) throws -> Obj {
    let n = memoryviewLen(mv)
    if idx.isType(.slice) {
        let (start, _, step, count) = try sliceIndices(idx, n)
        if step != 1 { throw notImplemented("only slices with step=1 (aka None) are supported") }
        let r = try allocObj(TypeID.memoryview.addr, words: 4)
        r.setO(1, mv.o(1))
        r.setW(2, mv.w(2) + UInt32(start))
        r.setW(3, UInt32(count) | (mv.w(3) & 0xF000_0000))
        return r
    }
    let i = try seqIndex(idx, n, "memoryview")
    return Obj(small: Int(memoryviewData(mv)[i]))
}

func memoryviewStore(_ mv: Obj, _ idx: Obj, _ v: Obj) throws {
    if mv.w(3) & 0x8000_0000 != 0 { throw typeError("'memoryview' object doesn't support item assignment") }
    let n = memoryviewLen(mv)
    if idx.isType(.slice) {
        let (start, _, _, count) = try sliceIndices(idx, n)
        let src: [UInt8] = isBytesLike(v) ? Array(strBytes(v)) : (v.isType(.memoryview) ? memoryviewBytes(v) : [])
        if src.count != count { throw valueError("memoryview assignment: lvalue and rvalue have different structures") }
        let d = memoryviewData(mv)
        for k in 0..<count { d[start + k] = src[k] }
        return
    }
    let i = try seqIndex(idx, n, "memoryview")
    let x = try intToInt(v)
    guard x >= 0 && x < 256 else { throw valueError("byte must be in range(0, 256)") }
    memoryviewData(mv)[i] = UInt8(x)
}

func appendBufferObject(_ o: Obj, _ buf: inout [UInt8]) throws {
    if o.isType(.array) { appendArrayRepr(o, &buf); return }
    append("<\(typeName(o))>", &buf)
}

// The array module's objects share the bytearray layout; their indexing lives with the module.
nonisolated(unsafe) var arrayLoadHook: ((Obj, Obj) throws -> Obj)? = nil
nonisolated(unsafe) var arrayStoreHook: ((Obj, Obj, Obj) throws -> Void)? = nil

func arraySubscrLoad(_ o: Obj, _ idx: Obj) throws -> Obj {
    guard let h = arrayLoadHook else { throw typeError("array not available") }
    return try h(o, idx)
}

func arraySubscrStore(_ o: Obj, _ idx: Obj, _ v: Obj) throws {
    guard let h = arrayStoreHook else { throw typeError("array not available") }
    try h(o, idx, v)
}

let memoryviewMethods: [NativeSpec] = [
    method("hex", 1) { a throws in
        var out: [UInt8] = []
        let digits = Array("0123456789abcdef".utf8)
        for b in memoryviewBytes(a[0]) { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return try newStr(out)
    },
]
