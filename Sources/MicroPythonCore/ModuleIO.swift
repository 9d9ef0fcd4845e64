// The io module: StringIO and BytesIO (in-memory streams, as MicroPython's py/objstringio.c),
// open (the builtin), IOBase (a base class for streams written in Python: define readinto,
// write and ioctl, or read/readline/write), and the file types TextIOWrapper and FileIO.
//
// StringIO positions (seek/tell) count bytes of the UTF-8 text, as in MicroPython; read(n) and
// readline(n) count characters.
//   stream: [type][map][data block][length][capacity][position][flags: 1 closed, 2 binary]

enum SIOWord { static let data = 4, len = 5, cap = 6, pos = 7, flags = 8 }

enum ModuleIO {
    nonisolated(unsafe) static var stringIOClassObj = Obj.null
    nonisolated(unsafe) static var bytesIOClassObj = Obj.null
    nonisolated(unsafe) static var ioBaseClassObj = Obj.null

    static func register() {
        moduleAliases["uio"] = "io"
        registerModule("io") {
            var entries: [(String, ModuleEntry)] = []
            if let f = try? dictMap(getRoot(.builtinsDict)).get(qobj("open")) { entries.append(("open", .value(f))) }
            entries += [
                ("StringIO", .value((try? stringIOClass()) ?? .none)),
                ("BytesIO", .value((try? bytesIOClass()) ?? .none)),
                ("IOBase", .value((try? ioBaseClass()) ?? .none)),
                ("TextIOWrapper", .value(ObjFile.textType.isNull ? .none : ObjFile.textType)),
                ("FileIO", .value(ObjFile.binaryType.isNull ? .none : ObjFile.binaryType)),
                ("SEEK_SET", .value(Obj(small: 0))),
                ("SEEK_CUR", .value(Obj(small: 1))),
                ("SEEK_END", .value(Obj(small: 2))),
            ]
            return entries
        }
    }

    static func stringIOClass() throws -> Obj {
        if stringIOClassObj.isNull { stringIOClassObj = try makeNativeClass("StringIO", methods: streamMethods) }
        return stringIOClassObj
    }

    static func bytesIOClass() throws -> Obj {
        if bytesIOClassObj.isNull { bytesIOClassObj = try makeNativeClass("BytesIO", methods: streamMethods) }
        return bytesIOClassObj
    }

    static func ioBaseClass() throws -> Obj {
        if ioBaseClassObj.isNull {
            ioBaseClassObj = try makeNativeClass("IOBase", methods: [
                method("__enter__", 1) { a throws in a[0] },
                method("__exit__", 1, 4) { a throws in
                    if try findAttr(a[0], qobj("close")) != nil { _ = try callMethodNamed(a[0], "close", []) }
                    return .none
                },
            ])
        }
        return ioBaseClassObj
    }

    // MARK: buffer management

    @inline(__always) static func dataPtr(_ s: Obj) -> UnsafeMutablePointer<UInt8> {
        hostPtr(s.w(SIOWord.data)).assumingMemoryBound(to: UInt8.self)
    }
    @inline(__always) static func length(_ s: Obj) -> Int { Int(s.w(SIOWord.len)) }
    @inline(__always) static func position(_ s: Obj) -> Int { Int(s.w(SIOWord.pos)) }
    @inline(__always) static func isBinary(_ s: Obj) -> Bool { s.w(SIOWord.flags) & 2 != 0 }

    static func selfStream(_ o: Obj) throws -> Obj {
        let sc = try stringIOClass(), bc = try bytesIOClass()
        guard isNativeInstance(o, sc) || isNativeInstance(o, bc) else { throw typeError("expected a StringIO or BytesIO") }
        return o
    }

    /// The stream, raising ValueError when it is closed.
    static func openStream(_ o: Obj) throws -> Obj {
        let s = try selfStream(o)
        if s.w(SIOWord.flags) & 1 != 0 { throw valueError("I/O operation on closed file") }
        return s
    }

    static func reserve(_ s: Obj, _ need: Int) throws {
        let cap = Int(s.w(SIOWord.cap))
        if need <= cap { return }
        let newCap = max(need, cap * 2, 16)
        let a = s.w(SIOWord.data) == 0 ? try gcAlloc(newCap) : try gcRealloc(s.w(SIOWord.data), newCap)
        s.setW(SIOWord.data, a)
        s.setW(SIOWord.cap, UInt32(newCap))
    }

    static func writeBytes(_ s: Obj, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let pos = position(s)
        let n = bytes.count
        try reserve(s, pos + n)
        let d = dataPtr(s)
        let len = length(s)
        if pos > len { (d + len).initialize(repeating: 0, count: pos - len) }
        if n > 0 { (d + pos).update(from: bytes.baseAddress!, count: n) }
        s.setW(SIOWord.pos, UInt32(pos + n))
        if pos + n > len { s.setW(SIOWord.len, UInt32(pos + n)) }
    }

    static func result(_ s: Obj, _ from: Int, _ to: Int) throws -> Obj {
        let p = dataPtr(s)
        if to <= from { return isBinary(s) ? try newBytes(nil, 0) : qobj(._empty) }
        return isBinary(s) ? try newBytes(p + from, to - from) : try newStr(p + from, to - from)
    }

    /// End offset after advancing n characters (text) or bytes (binary) from pos; n < 0 = to the end.
    static func advance(_ s: Obj, _ pos: Int, _ n: Int) -> Int {
        let len = length(s)
        if n < 0 || pos >= len { return max(pos, len) }
        if isBinary(s) { return n >= len - pos ? len : pos + n }     // no pos + n overflow for huge n
        let p = dataPtr(s)
        var i = pos
        var k = 0
        while i < len && k < n {
            i += 1
            while i < len && p[i] & 0xC0 == 0x80 { i += 1 }
            k += 1
        }
        return i
    }

    static func readLine(_ s: Obj, limit: Int) throws -> Obj {
        let pos = position(s)
        let len = length(s)
        let stop = advance(s, pos, limit)
        let p = dataPtr(s)
        var i = pos
        while i < stop && i < len {
            if p[i] == 10 { i += 1; break }
            i += 1
        }
        let end = min(i, len)
        if end > pos { s.setW(SIOWord.pos, UInt32(end)) }
        return try result(s, pos, end)
    }

    // MARK: methods (shared by StringIO and BytesIO)

    static let streamMethods: [NativeSpec] = [
        fn("__new__", 1, NativeSpec.varArgs, kw: true) { a throws in
            // the initial value is set by __init__, so subclasses choose their own arguments
            let cls = a[0]
            guard isTypeObj(cls) else { throw typeError("__new__(X): X is not a type object") }
            let binary = isSubclassRaw(cls, try bytesIOClass())
            let s = try allocNativeInstance(cls, of: binary ? try bytesIOClass() : try stringIOClass(), extra: 5)
            let keep = pushRoot(s)
            defer { popRoots(to: keep) }
            s.setW(SIOWord.flags, binary ? 2 : 0)
            try reserve(s, 16)
            return s
        },
        method("__init__", 1, 2) { a throws in
            let s = try selfStream(a[0])
            s.setW(SIOWord.len, 0)
            s.setW(SIOWord.pos, 0)
            guard a.count > 1 && a[1] != .none else { return .none }
            let v = a[1]
            if isIntObj(v) {
                try reserve(s, max(try intToInt(v), 0))
            } else if isBinary(s) {
                guard let b = bytesLikeBuffer(v) else { throw typeError("object with buffer protocol required") }
                let copy = Array(b)
                try copy.withUnsafeBufferPointer { try writeBytes(s, $0) }
            } else {
                let sv = isStr(v) ? v : nativeSelf(v)
                guard isStr(sv) else { throw typeError("string argument expected, got '\(typeName(v))'") }
                let copy = Array(strBytes(sv))
                try copy.withUnsafeBufferPointer { try writeBytes(s, $0) }
            }
            s.setW(SIOWord.pos, 0)
            return .none
        },
        method("write", 2) { a throws in
            let s = try openStream(a[0])
            let v = a[1]
            if isBinary(s) {
                guard let b = bytesLikeBuffer(v) else { throw typeError("object with buffer protocol required") }
                let copy = Array(b)
                try copy.withUnsafeBufferPointer { try writeBytes(s, $0) }
                return Obj(small: copy.count)
            }
            let sv = isStr(v) ? v : nativeSelf(v)
            guard isStr(sv) else { throw typeError("string argument expected, got '\(typeName(v))'") }
            let copy = Array(strBytes(sv))
            try copy.withUnsafeBufferPointer { try writeBytes(s, $0) }
            return Obj(small: copy.withUnsafeBufferPointer { charCount($0) })
        },
        method("read", 1, 2) { a throws in
            let s = try openStream(a[0])
            let n = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
            let pos = position(s)
            let end = advance(s, pos, n)
            let r = try result(s, pos, min(end, length(s)))
            if end > pos { s.setW(SIOWord.pos, UInt32(min(end, length(s)))) }
            return r
        },
        method("readinto", 2, 3) { a throws in
            let s = try openStream(a[0])
            let buf = a[1]
            let dst: UnsafeMutablePointer<UInt8>
            var room: Int
            if buf.isType(.bytearray) {
                dst = hostPtr(buf.w(3)).assumingMemoryBound(to: UInt8.self)
                room = Int(buf.w(2))
            } else if buf.isType(.memoryview) {
                let b = memoryviewBuffer(buf)
                dst = UnsafeMutablePointer(mutating: b.baseAddress ?? UnsafePointer(bitPattern: 16)!)
                room = b.count
            } else {
                throw typeError("object with buffer protocol required")
            }
            if a.count > 2 { room = min(room, max(0, try intToInt(a[2]))) }
            let pos = position(s)
            let n = max(0, min(room, length(s) - pos))
            if n > 0 { dst.update(from: dataPtr(s) + pos, count: n) }
            s.setW(SIOWord.pos, UInt32(pos + n))
            return Obj(small: n)
        },
        method("readline", 1, 2) { a throws in
            let s = try openStream(a[0])
            let n = a.count > 1 && a[1] != .none ? try intToInt(a[1]) : -1
            return try readLine(s, limit: n)
        },
        method("readlines", 1, 2) { a throws in
            let s = try openStream(a[0])
            let l = try newList(count: 0)
            let keep = pushRoot(l)
            defer { popRoots(to: keep) }
            while position(s) < length(s) { try listAppend(l, try readLine(s, limit: -1)) }
            return l
        },
        method("seek", 2, 3) { a throws in
            let s = try openStream(a[0])
            let off = try intToInt(a[1])
            let whence = a.count > 2 ? try intToInt(a[2]) : 0
            let ref: Int
            switch whence {
            case 0: ref = 0
            case 1: ref = position(s)
            case 2: ref = length(s)
            default: throw valueError("invalid whence")
            }
            if whence == 0 && off < 0 { throw valueError("negative seek position \(off)") }
            let (sum, over) = ref.addingReportingOverflow(off)
            let np = max(0, sum)
            // positions are 32-bit words in the stream object (a board's off_t)
            if over || np > Int(Int32.max) { throw overflowError("seek position out of range") }
            s.setW(SIOWord.pos, UInt32(np))
            return try newInt(np)
        },
        method("tell", 1) { a throws in Obj(small: position(try openStream(a[0]))) },
        method("getvalue", 1) { a throws in
            let s = try openStream(a[0])
            return try result(s, 0, length(s))
        },
        method("flush", 1) { a throws in _ = try openStream(a[0]); return .none },
        method("close", 1) { a throws in
            let s = try selfStream(a[0])
            s.setW(SIOWord.flags, s.w(SIOWord.flags) | 1)
            return .none
        },
        method("__enter__", 1) { a throws in a[0] },
        method("__exit__", 1, 4) { a throws in
            let s = try selfStream(a[0])
            s.setW(SIOWord.flags, s.w(SIOWord.flags) | 1)
            return .none
        },
        method("__iter__", 1) { a throws in a[0] },
        method("__next__", 1) { a throws in
            let s = try openStream(a[0])
            let line = try readLine(s, limit: -1)
            if try !pyTruthy(line) { throw PyErr(try newException(TypeID.StopIteration.obj, args: getRoot(.emptyTuple))) }
            return line
        },
        method("__repr__", 1) { a throws in
            let s = try selfStream(a[0])
            return try newStr("<io.\(isBinary(s) ? "BytesIO" : "StringIO") \(hexAddr(s))>")
        },
    ]
}

// MARK: direct access for stream wrappers (StreamSupport.swift)

extension ModuleIO {
    /// For an open BytesIO: [] at its end, else its next byte (consumed); nil if `o` is not one.
    static func bytesIOReadByte(_ o: Obj) throws -> [UInt8]? {
        guard !bytesIOClassObj.isNull, isNativeInstance(o, bytesIOClassObj) else { return nil }
        let s = try openStream(o)
        let pos = position(s)
        if pos >= length(s) { return [] }
        s.setW(SIOWord.pos, UInt32(pos + 1))
        return [dataPtr(s)[pos]]
    }

    /// Writes to an open BytesIO; false if `o` is not one.
    static func bytesIOWrite(_ o: Obj, _ bytes: [UInt8]) throws -> Bool {
        guard !bytesIOClassObj.isNull, isNativeInstance(o, bytesIOClassObj) else { return false }
        let s = try openStream(o)
        try bytes.withUnsafeBufferPointer { try writeBytes(s, $0) }
        return true
    }
}
