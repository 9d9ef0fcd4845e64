// The buffer protocol as the standard-library modules (struct, binascii, hashlib, array) see it:
// str, bytes, bytearray, memoryview and array objects expose their bytes, as in MicroPython
// (where str has the buffer protocol too). Pointers returned here point into the heap object:
// copy the bytes before anything allocates if the object may be resized.

/// Types whose buffer protocol exposes another object's buffer (framebuf.FrameBuffer, board
/// types): each maps an object to the buffer object behind it, or nil if it is not theirs.
nonisolated(unsafe) var bufferForwarders: [(Obj) -> Obj?] = []

/// The buffer object behind `o` if a forwarder claims it.
func forwardedBuffer(_ o: Obj) -> Obj? {
    if !o.isPtr || bufferForwarders.isEmpty { return nil }
    for f in bufferForwarders { if let b = f(o), b != o { return b } }
    return nil
}

/// The bytes of an object with the buffer protocol, or nil.
func stdBufferPointer(_ o: Obj) -> UnsafeBufferPointer<UInt8>? {
    if o.isQstr || o.isType(.str) || o.isType(.bytes) || o.isType(.bytearray) { return strBytes(o) }
    if o.isType(.array) { return UnsafeBufferPointer(arrayBytesPointer(o)) }
    if o.isType(.memoryview) {
        guard let (p, n) = memoryviewRange(o) else { return nil }
        return UnsafeBufferPointer(start: p, count: n)
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { return stdBufferPointer(n) }
    }
    if let b = forwardedBuffer(o) { return stdBufferPointer(b) }
    return nil
}

/// The bytes of an object with the buffer protocol; TypeError otherwise.
func stdBuffer(_ o: Obj) throws -> [UInt8] {
    guard let b = stdBufferPointer(o) else { throw typeError("object with buffer protocol required") }
    return Array(b)
}

/// A writable view of a bytearray, array or writable memoryview; TypeError otherwise.
func stdWritableBuffer(_ o: Obj) throws -> UnsafeMutableBufferPointer<UInt8> {
    if o.isType(.bytearray) {
        return UnsafeMutableBufferPointer(start: hostPtr(o.w(3)).assumingMemoryBound(to: UInt8.self), count: Int(o.w(2)))
    }
    if o.isType(.array) { return arrayBytesPointer(o) }
    if o.isType(.memoryview), o.w(3) & 0x8000_0000 == 0, !o.o(1).isType(.bytes), let (p, n) = memoryviewRange(o) {
        return UnsafeMutableBufferPointer(start: p, count: n)
    }
    if isUserClassObj(o) {
        let n = nativeSelf(o)
        if n != o { return try stdWritableBuffer(n) }
    }
    if let b = forwardedBuffer(o) { return try stdWritableBuffer(b) }
    throw typeError("object with buffer protocol required")
}

/// Start and byte count of the memory a memoryview covers (offset and length are in items of
/// the view's item size, clamped to the underlying object's bytes).
private func memoryviewRange(_ mv: Obj) -> (UnsafeMutablePointer<UInt8>, Int)? {
    let src = mv.o(1)
    let base: UnsafeMutablePointer<UInt8>
    let total: Int
    if src.isType(.array) {
        let b = arrayBytesPointer(src)
        base = b.baseAddress!
        total = b.count
    } else if src.isType(.bytes) || src.isType(.bytearray) || src.isType(.str) {
        let b = strBytes(src)
        base = UnsafeMutablePointer(mutating: b.baseAddress ?? UnsafePointer(bitPattern: 8)!)
        total = b.count
    } else {
        return nil
    }
    let isz = max(1, Int((mv.w(3) >> 28) & 7))
    let off = Int(mv.w(2)) * isz
    let n = Int(mv.w(3) & 0x0FFF_FFFF) * isz
    let lo = min(off, total), hi = min(off + n, total)
    return (base + lo, hi - lo)
}
