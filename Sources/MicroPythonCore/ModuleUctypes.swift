// The uctypes module, as MicroPython's extmod/moductypes.c documents it: C-like structure layouts
// (descriptor dicts whose values encode type and offset in one int) laid over memory at an address.
// Addresses are the board's emulated addresses: `addressof(buf)` is where the buffer lies in the
// emulated SRAM or flash, and every access is checked against the mapped regions, so a wild
// pointer raises ValueError instead of touching host memory.
//
// Encoding of a descriptor value (31-bit small int):
//   scalar:   type << 27 | offset                (type 0..7 integers, 14 FLOAT32, 15 FLOAT64)
//   bitfield: type << 27 | len << 22 | pos << 17 | offset   (types 8..13)
//   aggregate (first item of a tuple): kind << 29 | offset  (0 struct, 1 PTR, 2 ARRAY)
// A struct object is [type][map: 3 words][descriptor][address][layout].

private enum UCWord { static let desc = NativeClassWord.first, addr = desc + 1, layout = desc + 2, count = 3 }

private enum UCLayout { static let little = 0, big = 1, native = 2 }
private enum UCAgg { static let structure = 0, ptr = 1, array = 2 }

enum ModuleUctypes {
    nonisolated(unsafe) static var structClassObj = Obj.null

    // type << 27 as a signed 31-bit value (types >= 8 set the top bit, as the C encoding does)
    static func typeConst(_ t: Int) -> Int { Int(Int32(bitPattern: UInt32(t) << 28) >> 1) }
    static func aggConst(_ k: Int) -> Int { Int(Int32(bitPattern: UInt32(k) << 30) >> 1) }
    static func valType(_ v: Int) -> Int { (v >> 27) & 15 }
    static func aggKind(_ v: Int) -> Int { (v >> 29) & 3 }
    static func scalarOffset(_ v: Int) -> Int { v & 0x07FF_FFFF }
    static func aggOffset(_ v: Int) -> Int { v & 0x1FFF_FFFF }

    static func register() {
        registerModule("uctypes") {
            var e: [(String, ModuleEntry)] = [
                ("struct", .value((try? structClass()) ?? .none)),
                ("sizeof", .function(fn("sizeof", 1, 2) { a in
                    let layout = a.count > 1 ? try intToInt(a[1]) : UCLayout.native
                    if isNativeInstance(a[0], try structClass()) {
                        return Obj(small: try size(of: a[0].o(UCWord.desc), layout: Int(a[0].w(UCWord.layout))))
                    }
                    return Obj(small: try size(of: a[0], layout: layout))
                })),
                ("addressof", .function(fn("addressof", 1) { a in
                    if isNativeInstance(a[0], try structClass()) { return try newInt(Int(a[0].w(UCWord.addr))) }
                    guard let b = stdBufferPointer(a[0]) else { throw typeError("object with buffer protocol required") }
                    guard let base = b.baseAddress else { return Obj(small: 0) }
                    return try newInt(Int(emuAddr(base)))
                })),
                ("bytes_at", .function(fn("bytes_at", 2) { a in
                    let addr = try address(a[0]), n = try intToInt(a[1])
                    let p = try checkedPointer(addr, n, write: false)
                    return try newBytes(p, n)
                })),
                ("bytearray_at", .function(fn("bytearray_at", 2) { a in
                    let addr = try address(a[0]), n = try intToInt(a[1])
                    _ = try checkedPointer(addr, n, write: true)
                    // shares the memory, as MicroPython's bytearray_at does
                    let o = try allocObj(TypeID.bytearray.addr, words: 4)
                    o.setW(1, UInt32(n))
                    o.setW(2, UInt32(n))
                    o.setW(3, addr)
                    return o
                })),
                ("LITTLE_ENDIAN", .value(Obj(small: UCLayout.little))),
                ("BIG_ENDIAN", .value(Obj(small: UCLayout.big))),
                ("NATIVE", .value(Obj(small: UCLayout.native))),
                ("BF_POS", .value(Obj(small: 17))),
                ("BF_LEN", .value(Obj(small: 22))),
                ("PTR", .value(Obj(small: aggConst(UCAgg.ptr)))),
                ("ARRAY", .value(Obj(small: aggConst(UCAgg.array)))),
                ("VOID", .value(Obj(small: typeConst(0)))),
            ]
            let names = ["UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "UINT64", "INT64",
                         "BFUINT8", "BFINT8", "BFUINT16", "BFINT16", "BFUINT32", "BFINT32", "FLOAT32", "FLOAT64"]
            for (i, n) in names.enumerated() { e.append((n, .value(Obj(small: typeConst(i))))) }
            // the C-named aliases, with a 32-bit target's sizes (long is 32 bits), as moductypes.c
            let cNames: [(String, String)] = [("SHORT", "INT16"), ("USHORT", "UINT16"), ("INT", "INT32"), ("UINT", "UINT32"),
                                              ("LONG", "INT32"), ("ULONG", "UINT32"), ("LONGLONG", "INT64"), ("ULONGLONG", "UINT64")]
            for (alias, base) in cNames { e.append((alias, .value(Obj(small: typeConst(names.firstIndex(of: base)!))))) }
            return e
        }
    }

    static func structClass() throws -> Obj {
        if structClassObj.isNull { structClassObj = try makeNativeClass("struct", methods: methods) }
        return structClassObj
    }

    static func address(_ o: Obj) throws -> UInt32 {
        let v = try intToInt(o)
        guard v >= 0 && v <= 0xFFFF_FFFF else { throw valueError("invalid address") }
        return UInt32(v)
    }

    /// A host pointer to emulated memory [addr, addr + n), which must lie in one mapped region
    /// (SRAM for writes; SRAM, flash or runtime state for reads).
    static func checkedPointer(_ addr: UInt32, _ n: Int, write: Bool) throws -> UnsafeMutablePointer<UInt8> {
        if n < 0 { throw valueError("negative size") }
        let a = UInt64(addr), end = UInt64(addr) + UInt64(n)
        let inRAM = a >= UInt64(Region.ramBase) && end <= UInt64(rt.pointee.poolEnd)
        let inROM = a >= UInt64(Region.romBase) && end <= UInt64(rt.pointee.romTop)
        let inState = a >= UInt64(Region.stateBase) && end <= UInt64(Region.stateBase + Region.stateSize)
        if !(inRAM || (!write && (inROM || inState))) {
            throw valueError("invalid address 0x\(String(addr, radix: 16)) (\(n) bytes)")
        }
        return hostPtr(addr).assumingMemoryBound(to: UInt8.self)
    }

    // MARK: sizes

    static func scalarSize(_ t: Int) -> Int {
        if t == 14 { return 4 }        // FLOAT32
        return 1 << ((t & 7) >> 1)     // bit 0 is the sign; FLOAT64 (15) is 8 bytes
    }

    static func descError() -> PyErr { typeError("syntax error in uctypes descriptor") }

    static func size(of desc: Obj, layout: Int) throws -> Int {
        var align = 1
        let n: Int
        if desc.isType(.dict) {
            n = try structSize(desc, layout: layout, align: &align)
        } else if desc.isType(.tuple) {
            n = try aggregateSize(desc, layout: layout, align: &align)
        } else if desc.isSmallInt {
            return scalarSize(valType(desc.smallInt))
        } else {
            throw typeError("struct: cannot index")
        }
        if layout == UCLayout.native { return (n + align - 1) / align * align }
        return n
    }

    static func structSize(_ d: Obj, layout: Int, align: inout Int, depth: Int = 0) throws -> Int {
        // a descriptor that contains itself would recurse forever
        if depth > 32 { throw descError() }
        var total = 0
        let m = dictMap(d)
        for i in 0..<m.fill {
            let k = m.key(i)
            if k.isNull || k == .sentinel { continue }
            let v = m.value(i)
            if v.isSmallInt {
                let t = valType(v.smallInt)
                var off = scalarOffset(v.smallInt)
                if t >= 8 && t <= 13 { off &= 0x1FFFF }
                let s = scalarSize(t)
                align = max(align, s)
                total = max(total, off + s)
            } else if v.isType(.tuple) {
                guard tupleLen(v) >= 2, tupleItems(v)[0].isSmallInt else { throw descError() }
                let off = aggOffset(tupleItems(v)[0].smallInt)
                total = max(total, off &+ (try aggregateSize(v, layout: layout, align: &align, depth: depth + 1)))
            } else {
                throw descError()
            }
        }
        if layout == UCLayout.native { total = (total + align - 1) / align * align }
        return total
    }

    static func aggregateSize(_ t: Obj, layout: Int, align: inout Int, depth: Int = 0) throws -> Int {
        if depth > 32 { throw descError() }
        let n = tupleLen(t)
        let it = tupleItems(t)
        guard n >= 2, it[0].isSmallInt else { throw descError() }
        switch aggKind(it[0].smallInt) {
        case UCAgg.structure:
            guard it[1].isType(.dict) else { throw descError() }
            var inner = 1
            let s = try structSize(it[1], layout: layout, align: &inner, depth: depth + 1)
            align = max(align, inner)
            return s
        case UCAgg.ptr:
            align = max(align, 4)
            return 4
        case UCAgg.array:
            guard it[1].isSmallInt else { throw descError() }
            if n == 2 {
                let t = valType(it[1].smallInt)
                let s = scalarSize(t)
                align = max(align, s)
                return s &* scalarOffset(it[1].smallInt)
            }
            guard it[2].isType(.dict) else { throw descError() }
            var inner = 1
            var s = try structSize(it[2], layout: layout, align: &inner, depth: depth + 1)
            if layout == UCLayout.native { s = (s + inner - 1) / inner * inner }
            align = max(align, inner)
            return it[1].smallInt &* s
        default:
            throw descError()
        }
    }

    // MARK: scalar access

    static let codes: [UInt8] = Array("BbHhIiQq".utf8)

    static func readScalar(_ t: Int, _ addr: UInt32, _ layout: Int) throws -> Obj {
        let size = scalarSize(t)
        let p = try checkedPointer(addr, size, write: false)
        let big = layout == UCLayout.big
        if t == 14 { return try structUnpackValue(UInt8(ascii: "f"), 4, p, bigEndian: big) }
        if t == 15 { return try structUnpackValue(UInt8(ascii: "d"), 8, p, bigEndian: big) }
        return try structUnpackValue(codes[t & 7], size, p, bigEndian: big)
    }

    static func writeScalar(_ t: Int, _ addr: UInt32, _ layout: Int, _ v: Obj) throws {
        let size = scalarSize(t)
        let p = try checkedPointer(addr, size, write: true)
        let big = layout == UCLayout.big
        if t == 14 { return try structPackValue(UInt8(ascii: "f"), 4, v, p, bigEndian: big) }
        if t == 15 { return try structPackValue(UInt8(ascii: "d"), 8, v, p, bigEndian: big) }
        storeBits(p, size, try intBits(v), bigEndian: big)
    }

    static func newStruct(_ desc: Obj, _ addr: UInt32, _ layout: Int) throws -> Obj {
        let s = try allocNativeInstance(try structClass(), extra: UCWord.count)
        s.setO(UCWord.desc, desc)
        s.setW(UCWord.addr, addr)
        s.setW(UCWord.layout, UInt32(layout))
        return s
    }

    static func selfStruct(_ o: Obj) throws -> Obj {
        guard isNativeInstance(o, try structClass()) else { throw typeError("expected a uctypes struct") }
        return o
    }

    /// The field `name` of a struct: a value for scalars, a struct object for aggregates.
    static func field(_ s: Obj, _ name: Obj, set value: Obj?) throws -> Obj {
        let desc = s.o(UCWord.desc)
        guard desc.isType(.dict) else { throw typeError("struct: no fields") }
        guard let v = try dictMap(desc).get(name) else { throw attrError(s, name) }
        let base = s.w(UCWord.addr), layout = Int(s.w(UCWord.layout))
        if v.isSmallInt {
            let t = valType(v.smallInt)
            if t >= 8 && t <= 13 {
                let off = v.smallInt & 0x1FFFF
                let pos = (v.smallInt >> 17) & 31, len = (v.smallInt >> 22) & 31
                let ut = t & 6
                let addr = base &+ UInt32(off)
                let word = UInt64(truncatingIfNeeded: try intBits(try readScalar(ut, addr, layout)))
                let mask: UInt64 = len >= 64 ? ~0 : (1 << UInt64(len)) - 1
                if let nv = value {
                    let bits = (word & ~(mask << UInt64(pos))) | ((try intBits(nv) & mask) << UInt64(pos))
                    try writeScalar(ut, addr, layout, try newInt(Int(truncatingIfNeeded: bits)))
                    return .none
                }
                return try newInt(Int((word >> UInt64(pos)) & mask))
            }
            let addr = base &+ UInt32(scalarOffset(v.smallInt))
            if let nv = value {
                try writeScalar(t, addr, layout, nv)
                return .none
            }
            return try readScalar(t, addr, layout)
        }
        guard v.isType(.tuple), tupleLen(v) >= 2, tupleItems(v)[0].isSmallInt else { throw descError() }
        if value != nil { throw typeError("struct: cannot set aggregate field") }
        let first = tupleItems(v)[0].smallInt
        let addr = base &+ UInt32(aggOffset(first))
        if aggKind(first) == UCAgg.structure {
            guard tupleItems(v)[1].isType(.dict) else { throw descError() }
            return try newStruct(tupleItems(v)[1], addr, layout)
        }
        return try newStruct(v, addr, layout)
    }

    /// s[i] on an array or pointer field (get, or set when `value` is given).
    static func item(_ s: Obj, _ index: Obj, set value: Obj?) throws -> Obj {
        let desc = s.o(UCWord.desc)
        guard desc.isType(.tuple), tupleLen(desc) >= 2 else { throw typeError("struct: cannot index") }
        let it = tupleItems(desc)
        let layout = Int(s.w(UCWord.layout))
        var base = s.w(UCWord.addr)
        let kind = aggKind(it[0].smallInt)
        if kind == UCAgg.array && index.isType(.slice) {
            guard tupleLen(desc) == 2, valType(it[1].smallInt) == 0 else { throw typeError("struct: only byte arrays slice") }
            let n = scalarOffset(it[1].smallInt)
            let (start, stop, _, _) = try sliceIndices(index, n)
            let o = try allocObj(TypeID.bytearray.addr, words: 4)
            let len = max(0, stop - start)
            _ = try checkedPointer(base &+ UInt32(start), len, write: true)
            o.setW(1, UInt32(len)); o.setW(2, UInt32(len)); o.setW(3, base &+ UInt32(start))
            return o
        }
        var i = try intToInt(index)
        if kind == UCAgg.array {
            let n = tupleLen(desc) == 2 ? scalarOffset(it[1].smallInt) : it[1].smallInt
            if i < 0 { i += n }
            if i < 0 || i >= n { throw indexError("struct: index out of range") }
        } else if kind == UCAgg.ptr {
            // the field holds a 32-bit pointer; index from where it points
            base = UInt32(truncatingIfNeeded: try intBits(try readScalar(4, base, layout)))
        } else {
            throw typeError("struct: cannot index")
        }
        let elem = kind == UCAgg.array && tupleLen(desc) > 2 ? it[2] : it[1]
        if elem.isSmallInt {
            let t = valType(elem.smallInt)
            let addr = base &+ UInt32(truncatingIfNeeded: i &* scalarSize(t))
            if let v = value { try writeScalar(t, addr, layout, v); return .none }
            return try readScalar(t, addr, layout)
        }
        if value != nil { throw typeError("struct: cannot set aggregate item") }
        guard elem.isType(.dict) else { throw descError() }
        let size = try self.size(of: elem, layout: layout)
        return try newStruct(elem, base &+ UInt32(truncatingIfNeeded: i &* size), layout)
    }

    static let methods: [NativeSpec] = [
        fn("__new__", 3, 4) { a in
            let layout = a.count > 3 ? try intToInt(a[3]) : UCLayout.native
            guard layout >= 0 && layout <= 2 else { throw valueError("invalid layout") }
            guard a[2].isType(.dict) || a[2].isType(.tuple) else { throw typeError("struct: descriptor must be a dict or tuple") }
            return try newStruct(a[2], try address(a[1]), layout)
        },
        method("__init__", 1, 4) { _ in .none },
        method("__getattr__", 2) { a in try field(try selfStruct(a[0]), a[1], set: nil) },
        method("__setattr__", 3) { a in try field(try selfStruct(a[0]), a[1], set: a[2]) },
        method("__getitem__", 2) { a in try item(try selfStruct(a[0]), a[1], set: nil) },
        method("__setitem__", 3) { a in try item(try selfStruct(a[0]), a[1], set: a[2]) },
        method("__len__", 1) { a in
            let s = try selfStruct(a[0])
            let d = s.o(UCWord.desc)
            guard d.isType(.tuple), tupleLen(d) >= 2, aggKind(tupleItems(d)[0].smallInt) == UCAgg.array else {
                throw typeError("object of type 'struct' has no len()")
            }
            return Obj(small: tupleLen(d) == 2 ? scalarOffset(tupleItems(d)[1].smallInt) : tupleItems(d)[1].smallInt)
        },
        method("__int__", 1) { a in
            let s = try selfStruct(a[0])
            let d = s.o(UCWord.desc)
            if d.isType(.tuple), tupleLen(d) >= 2, aggKind(tupleItems(d)[0].smallInt) == UCAgg.ptr {
                return try readScalar(4, s.w(UCWord.addr), Int(s.w(UCWord.layout)))
            }
            throw typeError("can't convert struct to int")
        },
        method("__repr__", 1) { a in
            let s = try selfStruct(a[0])
            let d = s.o(UCWord.desc)
            var kind = "STRUCT"
            if d.isType(.tuple), tupleLen(d) >= 1, tupleItems(d)[0].isSmallInt {
                kind = ["STRUCT", "PTR", "ARRAY", "STRUCT"][aggKind(tupleItems(d)[0].smallInt)]
            }
            return try newStr("<struct \(kind) \(hexAddr(Obj(raw: s.w(UCWord.addr))))>")
        },
    ]
}
