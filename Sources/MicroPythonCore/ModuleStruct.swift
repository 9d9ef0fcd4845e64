// The struct module, as MicroPython's py/modstruct.c and py/binary.c: calcsize, pack, pack_into,
// unpack and unpack_from. Format: an optional byte order (@ native with alignment, = < > !
// standard sizes), then codes b B h H i I l L q Q e f d s P x with repeat counts. As in
// MicroPython: errors are ValueError (there is no struct.error), integers are truncated to the
// field size rather than range-checked, and unpack accepts a buffer longer than needed.
// Native sizes follow the port: 'l', 'L' and 'P' are 8 bytes on the 64-bit host runner.

/// Size of C long / void* for native formats (8 on a 64-bit port, 4 on a 32-bit board).
var nativeWordSize: Int { portInfo.maxsize > Int(Int32.max) ? 8 : 4 }

struct StructCode {
    let code: UInt8
    let count: Int
}

struct StructFormat {
    let order: UInt8          // '@', '<' or '>' ('=' and '!' are mapped)
    let codes: [StructCode]

    var native: Bool { order == UInt8(ascii: "@") }
    var bigEndian: Bool { order == UInt8(ascii: ">") }

    /// (size, alignment) of one value of `code`.
    func sizeAlign(_ code: UInt8) throws -> (Int, Int) {
        let size: Int
        switch code {
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "x"): size = 1
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "e"): size = 2
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "f"): size = 4
        case UInt8(ascii: "l"), UInt8(ascii: "L"): size = native ? nativeWordSize : 4
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "d"): size = 8
        case UInt8(ascii: "P"): size = nativeWordSize
        default: throw valueError("bad typecode")
        }
        return (size, native ? size : 1)
    }

    /// Total size in bytes and the number of values.
    func sizeAndCount() throws -> (Int, Int) {
        var size = 0, items = 0
        for c in codes {
            if c.code == UInt8(ascii: "s") {
                size += c.count
                items += 1
            } else if c.code == UInt8(ascii: "x") {
                size += c.count
            } else {
                let (sz, al) = try sizeAlign(c.code)
                items += c.count
                for _ in 0..<c.count { size = (size + al - 1) / al * al + sz }
            }
        }
        return (size, items)
    }
}

func parseStructFormat(_ fmtObj: Obj) throws -> StructFormat {
    guard isStr(fmtObj) || fmtObj.isType(.bytes) else {
        throw typeError("can't convert '\(typeName(fmtObj))' object to str implicitly")
    }
    let f = Array(strBytes(fmtObj))
    var i = 0
    var order = UInt8(ascii: "@")
    if let first = f.first {
        switch first {
        case UInt8(ascii: "@"): i = 1
        case UInt8(ascii: "="), UInt8(ascii: "<"): order = UInt8(ascii: "<"); i = 1
        case UInt8(ascii: ">"), UInt8(ascii: "!"): order = UInt8(ascii: ">"); i = 1
        default: break
        }
    }
    var codes: [StructCode] = []
    while i < f.count {
        let c = f[i]
        if c == 32 || (c >= 9 && c <= 13) { i += 1; continue }
        var count = 1
        if c >= 48 && c <= 57 {
            count = 0
            while i < f.count, f[i] >= 48, f[i] <= 57 {
                count = count * 10 + Int(f[i] - 48)
                if count > 1 << 28 { throw valueError("total struct size too long") }
                i += 1
            }
            if i >= f.count { throw valueError("bad typecode") }
        }
        let code = f[i]
        i += 1
        let fmt = StructFormat(order: order, codes: [])
        if code != UInt8(ascii: "s") { _ = try fmt.sizeAlign(code) }
        codes.append(StructCode(code: code, count: count))
    }
    return StructFormat(order: order, codes: codes)
}

/// The low 64 bits of an int argument (truncation as MicroPython's struct and array do).
func intBits(_ o: Obj) throws -> UInt64 {
    if o.isSmallInt { return UInt64(bitPattern: Int64(o.smallInt)) }
    if o == .true { return 1 }
    if o == .false { return 0 }
    if o.isType(.int) { return truncatedUInt64(bigOf(o)) }
    if o.isType(.float) { throw typeError("can't convert float to int") }
    return UInt64(bitPattern: Int64(try intToInt(o)))
}

/// IEEE half precision from a double (round to nearest even).
func halfBits(_ d: Double) -> UInt16 {
    let f = Float(d)
    let b = f.bitPattern
    let sign = UInt16((b >> 16) & 0x8000)
    if f.isNaN { return sign | 0x7E00 }
    let a = Swift.abs(d)
    if a >= 65520 { return sign | 0x7C00 }
    if a < 5.960464477539063e-08 / 2 { return sign }
    // scale to the half's unit in the last place and round to even
    let e = max(Int(a.exponent), -14)
    let ulp = Double(sign: .plus, exponent: e - 10, significand: 1)
    var q = (a / ulp).rounded(.toNearestOrEven)   // significand * 2^10 (with hidden bit)
    var exp = e
    if q >= 2048 { q /= 2; exp += 1 }
    if exp > 15 { return sign | 0x7C00 }
    if q < 1024 { return sign | UInt16(q) }       // subnormal
    return sign | UInt16(exp + 15) << 10 | (UInt16(q) & 0x3FF)
}

func halfToDouble(_ h: UInt16) -> Double {
    let sign: Double = h & 0x8000 != 0 ? -1 : 1
    let exp = Int((h >> 10) & 0x1F)
    let frac = Double(h & 0x3FF)
    if exp == 0 { return sign * frac * 5.960464477539063e-08 }
    if exp == 31 { return frac == 0 ? sign * Double.infinity : Double.nan }
    return sign * (1 + frac / 1024) * Double(sign: .plus, exponent: exp - 15, significand: 1)
}

/// Stores `bits` as `size` bytes.
@inline(__always) func storeBits(_ p: UnsafeMutablePointer<UInt8>, _ size: Int, _ bits: UInt64, bigEndian: Bool) {
    for k in 0..<size {
        let byte = UInt8(truncatingIfNeeded: bits >> UInt64(8 * k))
        p[bigEndian ? size - 1 - k : k] = byte
    }
}

@inline(__always) func loadBits(_ p: UnsafePointer<UInt8>, _ size: Int, bigEndian: Bool) -> UInt64 {
    var v: UInt64 = 0
    for k in 0..<size { v |= UInt64(p[bigEndian ? size - 1 - k : k]) << UInt64(8 * k) }
    return v
}

/// Packs one value of a numeric code at p.
func structPackValue(_ code: UInt8, _ size: Int, _ v: Obj, _ p: UnsafeMutablePointer<UInt8>, bigEndian: Bool) throws {
    switch code {
    case UInt8(ascii: "f"):
        storeBits(p, 4, UInt64(Float(try toDouble(v)).bitPattern), bigEndian: bigEndian)
    case UInt8(ascii: "d"):
        storeBits(p, 8, try toDouble(v).bitPattern, bigEndian: bigEndian)
    case UInt8(ascii: "e"):
        storeBits(p, 2, UInt64(halfBits(try toDouble(v))), bigEndian: bigEndian)
    default:
        storeBits(p, size, try intBits(v), bigEndian: bigEndian)
    }
}

/// Unpacks one value of a numeric code at p.
func structUnpackValue(_ code: UInt8, _ size: Int, _ p: UnsafePointer<UInt8>, bigEndian: Bool) throws -> Obj {
    let bits = loadBits(p, size, bigEndian: bigEndian)
    switch code {
    case UInt8(ascii: "f"): return try newFloat(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
    case UInt8(ascii: "d"): return try newFloat(Double(bitPattern: bits))
    case UInt8(ascii: "e"): return try newFloat(halfToDouble(UInt16(truncatingIfNeeded: bits)))
    default:
        let signed = code >= UInt8(ascii: "a")
        if signed {
            let shift = UInt64(64 - 8 * size)
            let v = Int64(bitPattern: bits << shift) >> Int64(shift)
            return try newInt(Int(v))
        }
        if bits <= UInt64(Int.max) { return try newInt(Int(bits)) }
        return try newInt(BigInt(bits))
    }
}

private func structUnpack(_ fmt: StructFormat, _ buf: UnsafeBufferPointer<UInt8>, offset: Int) throws -> Obj {
    let (size, count) = try fmt.sizeAndCount()
    var off = offset
    if off < 0 {
        off += buf.count
        if off < 0 { throw valueError("buffer too small") }
    }
    if off > buf.count - size { throw valueError("buffer too small") }
    // copy the bytes: allocating the results may run a collection
    let data = Array(buf[off..<(off + size)])
    let t = try newTuple(count: count)
    let keep = pushRoot(t)
    defer { popRoots(to: keep) }
    var pos = 0, i = 0
    try data.withUnsafeBufferPointer { d in
        let base = d.baseAddress ?? UnsafePointer(bitPattern: 8)!
        for c in fmt.codes {
            if c.code == UInt8(ascii: "x") { pos += c.count; continue }
            if c.code == UInt8(ascii: "s") {
                let b = try newBytes(base + pos, c.count)
                tupleItems(t)[i] = b
                i += 1
                pos += c.count
                continue
            }
            let (sz, al) = try fmt.sizeAlign(c.code)
            for _ in 0..<c.count {
                pos = (pos + al - 1) / al * al
                let v = try structUnpackValue(c.code, sz, base + pos, bigEndian: fmt.bigEndian)
                tupleItems(t)[i] = v
                i += 1
                pos += sz
            }
        }
    }
    return t
}

/// Writes the values into p (which has room for the whole format).
private func structPackInto(_ fmt: StructFormat, _ p: UnsafeMutablePointer<UInt8>, _ a: Args, first: Int) throws {
    let (_, count) = try fmt.sizeAndCount()
    let given = a.count - first
    if given != count {
        throw valueError("pack expected \(count) items for packing (got \(given))")
    }
    var pos = 0, i = first
    for c in fmt.codes {
        if c.code == UInt8(ascii: "x") {
            for k in 0..<c.count { p[pos + k] = 0 }
            pos += c.count
            continue
        }
        if c.code == UInt8(ascii: "s") {
            let src = try stdBuffer(a[i])
            i += 1
            for k in 0..<c.count { p[pos + k] = k < src.count ? src[k] : 0 }
            pos += c.count
            continue
        }
        let (sz, al) = try fmt.sizeAlign(c.code)
        for _ in 0..<c.count {
            let aligned = (pos + al - 1) / al * al
            while pos < aligned { p[pos] = 0; pos += 1 }
            try structPackValue(c.code, sz, a[i], p + pos, bigEndian: fmt.bigEndian)
            i += 1
            pos += sz
        }
    }
}

enum ModuleStruct {
    static func register() {
        moduleAliases["ustruct"] = "struct"
        registerModule("struct") {
            [
                ("calcsize", .function(fn("calcsize", 1) { a in
                    Obj(small: try parseStructFormat(a[0]).sizeAndCount().0)
                })),
                ("pack", .function(fn("pack", 1, NativeSpec.varArgs) { a in
                    let fmt = try parseStructFormat(a[0])
                    let (size, _) = try fmt.sizeAndCount()
                    var out = [UInt8](repeating: 0, count: size)
                    try out.withUnsafeMutableBufferPointer { b in
                        try structPackInto(fmt, b.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, a, first: 1)
                    }
                    return try newBytes(out)
                })),
                ("pack_into", .function(fn("pack_into", 3, NativeSpec.varArgs) { a in
                    let fmt = try parseStructFormat(a[0])
                    let (size, _) = try fmt.sizeAndCount()
                    let buf = try stdWritableBuffer(a[1])
                    var off = try intToInt(a[2])
                    if off < 0 {
                        off += buf.count
                        if off < 0 { throw valueError("buffer too small") }
                    }
                    if off > buf.count - size { throw valueError("buffer too small") }
                    // pack into a scratch copy: packing may call __index__ (which may allocate)
                    var out = [UInt8](repeating: 0, count: size)
                    try out.withUnsafeMutableBufferPointer { b in
                        try structPackInto(fmt, b.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, a, first: 3)
                    }
                    let dst = try stdWritableBuffer(a[1])
                    if off > dst.count - size { throw valueError("buffer too small") }
                    for k in 0..<size { dst[off + k] = out[k] }
                    return .none
                })),
                ("unpack", .function(fn("unpack", 2, 3) { a in
                    let fmt = try parseStructFormat(a[0])
                    guard let b = stdBufferPointer(a[1]) else { throw typeError("object with buffer protocol required") }
                    let off = a.count > 2 ? try intToInt(a[2]) : 0
                    return try structUnpack(fmt, b, offset: off)
                })),
                ("unpack_from", .function(fn("unpack_from", 2, 3, kw: true) { a in
                    let fmt = try parseStructFormat(a[0])
                    guard let bo = a.arg(1, "buffer") else { throw typeError("function missing required positional argument 'buffer'") }
                    guard let b = stdBufferPointer(bo) else { throw typeError("object with buffer protocol required") }
                    var off = 0
                    if let o = a.arg(2, "offset") { off = try intToInt(o) }
                    return try structUnpack(fmt, b, offset: off)
                })),
            ]
        }
    }
}
