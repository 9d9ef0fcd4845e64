import CSupport

// Helpers shared by the standard-library modules (json, re, collections, io, time, platform).
//
// Native classes: types such as deque, StringIO or re's match objects are built as classes in the
// heap whose dictionaries hold native functions (so repr goes through __repr__, instances can carry
// an instance dict, and Python code may subclass them). Each class is created once, on first import
// of its module, and kept alive by a word in flash, which every collection scans. Instances are
// allocated by the class's native __new__ with extra words after the instance map:
//   [type][instance map: 3 words][native words...]

enum NativeClassWord { static let first = 4 }

/// A flash word that keeps a heap object alive for the rest of the session.
func flashRootSlot() -> UnsafeMutablePointer<Obj> {
    hostPtr(romAllocRaw(bytes: 4)).assumingMemoryBound(to: Obj.self)
}

/// The flash object for a native function, wrapped as classmethod/staticmethod as its kind says.
func nativeClassEntry(_ spec: NativeSpec) -> Obj {
    let f = makeNative(spec)
    switch spec.kind {
    case .classMethod: return romWrap(.classmethod, f)
    case .staticMethod: return romWrap(.staticmethod, f)
    default: return f
    }
}

/// Creates a class in the heap with native methods and attributes, rooted in flash.
func makeNativeClass(_ name: String, bases: [Obj] = [], methods: [NativeSpec], attrs: [(String, Obj)] = []) throws -> Obj {
    let slot = flashRootSlot()
    let d = try newDict()
    slot.pointee = d
    for m in methods { try dictMap(d).set(qobj(m.name), nativeClassEntry(m)) }
    for (k, v) in attrs { try dictMap(d).set(qobj(k), v) }
    let cls = try newClass(name: qobj(name), bases: bases, dict: d)
    slot.pointee = cls
    return cls
}

/// Allocates an instance of a native class (or of a Python subclass of it) with `extra` native words.
func allocNativeInstance(_ cls: Obj, extra: Int) throws -> Obj {
    try allocObj(cls.raw, words: NativeClassWord.first + extra)
}

/// `native.__new__(cls)`: cls must be the native class or a subclass of it, or the instance
/// would have another type's layout.
func allocNativeInstance(_ cls: Obj, of native: Obj, extra: Int) throws -> Obj {
    guard isTypeObj(cls) else { throw typeError("__new__(X): X is not a type object") }
    guard cls == native || isSubclassRaw(cls, native) else {
        throw typeError("__new__(\(typeNameOf(cls))): \(typeNameOf(cls)) is not a subtype of \(typeNameOf(native))")
    }
    return try allocNativeInstance(cls, extra: extra)
}

/// True if `o` is an instance of the native class `cls` or of a subclass.
@inline(__always) func isNativeInstance(_ o: Obj, _ cls: Obj) -> Bool {
    o.isPtr && (o.words[0] == cls.raw || (isHeapAddr(o.words[0]) && isUserClass(o.type) && isSubclassRaw(o.type, cls)))
}

/// obj.name(*argv) for any attribute name.
func callMethodNamed(_ o: Obj, _ name: String, _ argv: [Obj]) throws -> Obj {
    let n = qobj(name)
    guard let found = try findAttr(o, n) else { throw attrError(o, n) }
    if !found.1.isNull { return try callObjectArgs(found.0, [found.1] + argv, stackTop: rt.pointee.vmStackTop) }
    return try callObjectArgs(found.0, argv, stackTop: rt.pointee.vmStackTop)
}

/// The bytes of a str or of a bytes-like object (bytes, bytearray, memoryview).
func readableBytes(_ o: Obj) throws -> [UInt8] {
    if isStr(o) { return Array(strBytes(o)) }
    if let b = bytesLikeBuffer(o) { return Array(b) }
    let n = nativeSelf(o)
    if n != o && isStr(n) { return Array(strBytes(n)) }
    throw typeError("object with buffer protocol required")
}

/// Appends the UTF-8 encoding of a code point (surrogates encoded as themselves, as MicroPython).
@inline(__always) func appendCodePoint(_ cp: UInt32, _ out: inout [UInt8]) {
    if cp < 0x80 {
        out.append(UInt8(cp))
    } else if cp < 0x800 {
        out.append(UInt8(0xC0 | (cp >> 6)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    } else if cp < 0x10000 {
        out.append(UInt8(0xE0 | (cp >> 12)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (cp >> 18)))
        out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    }
}

/// Decodes the code point at byte offset i of UTF-8 text (lenient: a stray byte is itself).
@inline(__always) func codePointAt(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
    let c = p[i]
    if c < 0x80 { return (UInt32(c), 1) }
    let len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1))
    if len == 1 || i + len > end { return (UInt32(c), 1) }
    var cp = UInt32(c) & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07))
    for k in 1..<len { cp = (cp << 6) | (UInt32(p[i + k]) & 0x3F) }
    return (cp, len)
}

/// Number of code points in p[from..<to].
func charsBetween(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
    var n = 0
    var i = from
    while i < to { if p[i] & 0xC0 != 0x80 { n += 1 }; i += 1 }
    return n
}

/// Polls Ctrl-C and scheduled callbacks from long-running native loops.
@inline(__always) func pollInterrupts() throws {
    if mb_sigint_pending != 0 || rt.pointee.pendingInterrupt { try handlePendingInterrupt() }
}

/// A new str or bytes object like `kind` (str for str, else bytes) from p[from..<to].
func newStrOrBytes(like kind: Obj, _ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) throws -> Obj {
    if isStr(kind) { return try newStr(p + from, to - from) }
    return try newBytes(p + from, to - from)
}
