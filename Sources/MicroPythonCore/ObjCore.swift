// Layouts and constructors of the core objects, in 32-bit words as on a 32-bit MicroPython heap.
//   str / bytes   [type][hash][len][data addr] + the bytes inline (NUL-terminated)
//   bytearray     [type][alloc][len][data addr]
//   tuple         [type][len][items...]
//   list          [type][alloc][len][items addr]
//   dict, set     [type][map: 3 words]
//   instance      [type][map: 3 words][native sub-object, for subclasses of builtins]
//   float         [type][unused][double]
//   int (big)     [type][negative << 31 | limb count][limbs...]
//   module        [type][globals dict]
//   cell          [type][contents]
//   bound method  [type][self][function]

@inline(__always) func allocObj(_ type: UInt32, words: Int) throws -> Obj {
    let a = try gcAlloc(words * 4)
    hostPtr(a).storeBytes(of: type, as: UInt32.self)
    return Obj(raw: a)
}

// MARK: str and bytes

/// Allocates a str or bytes object with uninitialised data of n bytes; the caller fills it.
@inline(__always) func newStrBuffer(_ type: TypeID, _ n: Int) throws -> (Obj, UnsafeMutablePointer<UInt8>) {
    let a = try gcAlloc(n < maxAllocBytes ? 16 + n + 1 : n)
    let w = hostPtr(a).assumingMemoryBound(to: UInt32.self)
    w[0] = type.addr
    w[1] = 0
    w[2] = UInt32(n)
    w[3] = a + 16
    return (Obj(raw: a), hostPtr(a + 16).assumingMemoryBound(to: UInt8.self))
}

/// A str from UTF-8 bytes; returns the qstr when the text is already interned, as MicroPython does.
func newStr(_ p: UnsafePointer<UInt8>, _ n: Int) throws -> Obj {
    if n == 0 { return Obj(qstr: QID._empty.rawValue) }
    if n <= 64, let q = qstrs.find(p, n) { return Obj(qstr: q) }
    let (o, d) = try newStrBuffer(.str, n)
    d.update(from: p, count: n)
    return o
}

/// Finishes a str built in place by newStrBuffer (concatenation, join, f-strings): when its text
/// is already a qstr the buffer is freed and the qstr returned, as py/objstr.c's
/// mp_obj_new_str_from_vstr does, so `is` and identity map lookups hold for run-time strings.
/// Otherwise the hash computed for the lookup is kept in the object.
func finishStr(_ o: Obj, _ d: UnsafeMutablePointer<UInt8>, _ n: Int) -> Obj {
    d[n] = 0
    guard n <= 64 else { return o }
    let h = QstrPool.hash(d, n)
    if let q = qstrs.find(d, n, hash: h) {
        gcFree(o.raw)
        return Obj(qstr: q)
    }
    o.words[1] = h
    return o
}

func newStr(_ b: UnsafeBufferPointer<UInt8>) throws -> Obj {
    guard let base = b.baseAddress, b.count > 0 else { return Obj(qstr: QID._empty.rawValue) }
    return try newStr(base, b.count)
}

func newStr(_ bytes: [UInt8]) throws -> Obj {
    var r: Result<Obj, Error> = .success(.null)
    bytes.withUnsafeBufferPointer { b in
        do { r = .success(try newStr(b)) } catch { r = .failure(error) }
    }
    return try r.get()
}

func newStr(_ s: String) throws -> Obj {
    var s = s
    var r: Result<Obj, Error> = .success(.null)
    s.withUTF8 { b in
        do { r = .success(try newStr(b)) } catch { r = .failure(error) }
    }
    return try r.get()
}

func newBytes(_ p: UnsafePointer<UInt8>?, _ n: Int) throws -> Obj {
    if n == 0, getRoot(.emptyBytes) != .null { return getRoot(.emptyBytes) }
    let (o, d) = try newStrBuffer(.bytes, n)
    if n > 0, let p = p { d.update(from: p, count: n) }
    d[n] = 0
    return o
}

func newBytes(_ bytes: [UInt8]) throws -> Obj {
    var r: Result<Obj, Error> = .success(.null)
    bytes.withUnsafeBufferPointer { b in
        do { r = .success(try newBytes(b.baseAddress, b.count)) } catch { r = .failure(error) }
    }
    return try r.get()
}

/// The bytes of a str (qstr or heap), bytes or bytearray. Caller guarantees the type.
@inline(__always) func strBytes(_ o: Obj) -> UnsafeBufferPointer<UInt8> {
    if o.isQstr { return qstrBytes(o.qstr) }
    let w = o.words
    return UnsafeBufferPointer(start: hostPtr(w[3]).assumingMemoryBound(to: UInt8.self), count: Int(w[2]))
}

@inline(__always) func isStr(_ o: Obj) -> Bool { o.isQstr || o.isType(.str) }
@inline(__always) func isBytesLike(_ o: Obj) -> Bool { o.isType(.bytes) || o.isType(.bytearray) }

func swiftString(_ o: Obj) -> String { String(decoding: strBytes(o), as: UTF8.self) }

/// Hash of str/bytes content; cached in the object's hash word.
@inline(__always) func strHash(_ o: Obj) -> Int {
    if o.isQstr { return Int(qstrs.hashOf(o.qstr)) }
    let w = o.words
    if w[1] != 0 { return Int(w[1]) }
    let b = strBytes(o)
    let h = b.count == 0 ? QstrPool.hash(UnsafePointer(bitPattern: 8)!, 0) : QstrPool.hash(b.baseAddress!, b.count)
    if o.isType(.str) || o.isType(.bytes) { w[1] = h }
    return Int(h)
}

/// Interns a str object's text (for attribute names given as strings).
func internStr(_ o: Obj) -> Obj {
    if o.isQstr { return o }
    let b = strBytes(o)
    guard let base = b.baseAddress else { return Obj(qstr: QID._empty.rawValue) }
    return Obj(qstr: qstrs.intern(base, b.count))
}

// MARK: tuple

func newTuple(count n: Int) throws -> Obj {
    if n == 0, getRoot(.emptyTuple) != .null { return getRoot(.emptyTuple) }
    let o = try allocObj(TypeID.tuple.addr, words: 2 + n)
    o.setW(1, UInt32(n))
    return o
}

func newTuple(_ items: [Obj]) throws -> Obj {
    let t = try newTuple(count: items.count)
    let p = tupleItems(t)
    for (i, v) in items.enumerated() { p[i] = v }
    return t
}

func newTuple(_ p: UnsafePointer<Obj>, _ n: Int) throws -> Obj {
    let t = try newTuple(count: n)
    if n > 0 { tupleItems(t).update(from: p, count: n) }
    return t
}

@inline(__always) func tupleLen(_ t: Obj) -> Int { Int(t.w(1)) }
@inline(__always) func tupleItems(_ t: Obj) -> UnsafeMutablePointer<Obj> { t.slots + 2 }

// MARK: list

func newList(count n: Int, capacity: Int? = nil) throws -> Obj {
    let cap = max(capacity ?? n, n, 4)
    let o = try allocObj(TypeID.list.addr, words: 4)
    let keep = pushRoot(o)
    defer { popRoots(to: keep) }
    let items = try gcAlloc(cap * 4)
    o.setW(1, UInt32(cap))
    o.setW(2, UInt32(n))
    o.setW(3, items)
    return o
}

func newList(_ items: [Obj]) throws -> Obj {
    let l = try newList(count: items.count)
    let p = listItems(l)
    for (i, v) in items.enumerated() { p[i] = v }
    return l
}

func newList(_ p: UnsafePointer<Obj>, _ n: Int) throws -> Obj {
    let l = try newList(count: n)
    if n > 0 { listItems(l).update(from: p, count: n) }
    return l
}

@inline(__always) func listLen(_ l: Obj) -> Int { Int(l.w(2)) }
@inline(__always) func listItems(_ l: Obj) -> UnsafeMutablePointer<Obj> { hostPtr(l.w(3)).assumingMemoryBound(to: Obj.self) }

/// Ensures room for `extra` more items (items pointer may change).
func listReserve(_ l: Obj, _ extra: Int) throws {
    let len = listLen(l), cap = Int(l.w(1))
    if len + extra <= cap { return }
    let newCap = max(len + extra, cap * 2, 4)
    let a = try gcRealloc(l.w(3), newCap * 4)
    l.setW(3, a)
    l.setW(1, UInt32(newCap))
}

@inline(__always) func listAppend(_ l: Obj, _ v: Obj) throws {
    let len = Int(l.w(2))
    if _slowPath(len >= Int(l.w(1))) { try listReserve(l, 1) }
    listItems(l)[len] = v
    l.setW(2, UInt32(len + 1))
}

/// Sets the length; slots past a shrunk length are cleared so the GC does not keep dropped items.
@inline(__always) func listSetLen(_ l: Obj, _ n: Int) {
    let old = Int(l.w(2))
    if n < old { (listItems(l) + n).update(repeating: .null, count: old - n) }
    l.setW(2, UInt32(n))
}

// MARK: dict, set, instance

func newDict() throws -> Obj { try allocObj(TypeID.dict.addr, words: 4) }
@inline(__always) func dictMap(_ d: Obj) -> MapRef { MapRef(d.raw + 4) }

func newSet(_ t: TypeID = .set) throws -> Obj { try allocObj(t.addr, words: 4) }
@inline(__always) func setMap(_ s: Obj) -> MapRef { MapRef(s.raw + 4) }

// MARK: float

@inline(__always) func newFloat(_ d: Double) throws -> Obj {
    let o = try allocObj(TypeID.float.addr, words: 4)
    let v = rt.pointee.floatIsSingle ? Double(Float(d)) : d
    o.ptr.storeBytes(of: v, toByteOffset: 8, as: Double.self)
    return o
}

@inline(__always) func floatValue(_ o: Obj) -> Double { o.ptr.load(fromByteOffset: 8, as: Double.self) }

// MARK: complex  [type][unused][real][imag]

func newComplex(_ re: Double, _ im: Double) throws -> Obj {
    let o = try allocObj(TypeID.complex.addr, words: 6)
    o.ptr.storeBytes(of: re, toByteOffset: 8, as: Double.self)
    o.ptr.storeBytes(of: im, toByteOffset: 16, as: Double.self)
    return o
}

@inline(__always) func complexValue(_ o: Obj) -> (Double, Double) {
    (o.ptr.load(fromByteOffset: 8, as: Double.self), o.ptr.load(fromByteOffset: 16, as: Double.self))
}

// MARK: small objects

func newCell(_ v: Obj) throws -> Obj {
    let o = try allocObj(TypeID.cell.addr, words: 2)
    o.setO(1, v)
    return o
}

func newBoundMethod(_ selfObj: Obj, _ fn: Obj) throws -> Obj {
    let o = try allocObj(TypeID.boundMethod.addr, words: 3)
    o.setO(1, selfObj)
    o.setO(2, fn)
    return o
}

func newModule(name: Obj) throws -> Obj {
    let d = try newDict()
    let keep = pushRoot(d)
    defer { popRoots(to: keep) }
    let m = try allocObj(TypeID.module.addr, words: 2)
    m.setO(1, d)
    try dictMap(d).set(qobj(.__name__), name)
    return m
}

@inline(__always) func moduleDict(_ m: Obj) -> Obj { m.o(1) }

// MARK: exceptions  [type][args][traceback block][traceback count][cause][context][flags][dict]

enum ExcWord { static let args = 1, tb = 2, tbCount = 3, cause = 4, context = 5, flags = 6, dict = 7 }

func newException(_ type: Obj, args: Obj) throws -> Obj {
    let o = try allocObj(type.raw, words: 8)
    o.setO(ExcWord.args, args)
    return o
}

@inline(__always) func isExceptionType(_ t: Obj) -> Bool { t.w(TypeWord.flags) & TypeFlag.exception != 0 }
@inline(__always) func isException(_ o: Obj) -> Bool { o.isPtr && isExceptionType(o.type) }

/// Appends (file, line, function) to an exception's traceback, as MicroPython records it.
func addTraceback(_ exc: Obj, file: UInt32, line: Int, function: UInt32) {
    guard isException(exc), isHeapAddr(exc.raw) else { return }
    let n = Int(exc.w(ExcWord.tbCount))
    let old = exc.w(ExcWord.tb)
    var block = old
    // capacity doubles at powers of two, so deep tracebacks cost few reallocations
    if n == 0 || n & (n - 1) == 0 {
        guard let b = try? gcRealloc(old, max(n * 2, 4) * 12) else { return }
        block = b
    }
    let p = hostPtr(block).assumingMemoryBound(to: UInt32.self)
    // qstrs stored as values so the conservative scan never mistakes them for pointers
    p[3 * n] = Obj(qstr: file).raw
    p[3 * n + 1] = Obj(small: line).raw
    p[3 * n + 2] = Obj(qstr: function).raw
    exc.setW(ExcWord.tb, block)
    exc.setW(ExcWord.tbCount, UInt32(n + 1))
}

func excArgs(_ exc: Obj) -> Obj { exc.o(ExcWord.args) }
