// int (small and arbitrary precision), bool, float and complex arithmetic.
// Big ints live in the heap as [type][negative << 31 | limb count][limbs...]; arithmetic
// goes through BigInt and results that fit 31 bits become small ints again.

// MARK: construction and conversion

@inline(__always) func newInt(_ v: Int) throws -> Obj {
    if Obj.fitsSmall(v) { return Obj(small: v) }
    return try storeBig(BigInt(v))
}

func newInt(_ v: Int64) throws -> Obj { try newInt(Int(v)) }

func newInt(_ b: BigInt) throws -> Obj {
    if let v = b.asInt, Obj.fitsSmall(v) { return Obj(small: v) }
    return try storeBig(b)
}

private func storeBig(_ b: BigInt) throws -> Obj {
    let n = b.magnitude.count
    let o = try allocObj(TypeID.int.addr, words: 2 + n)
    o.setW(1, UInt32(n) | (b.isNegative ? 0x8000_0000 : 0))
    let p = o.words + 2
    for i in 0..<n { p[i] = b.magnitude[i] }
    return o
}

@inline(__always) func isIntObj(_ o: Obj) -> Bool { o.isSmallInt || o == .true || o == .false || o.isType(.int) }

func bigOf(_ o: Obj) -> BigInt {
    if o.isSmallInt { return BigInt(o.smallInt) }
    if o == .true { return BigInt(1) }
    if o == .false { return BigInt(0) }
    let h = o.w(1)
    let n = Int(h & 0x7FFF_FFFF)
    let p = o.words + 2
    var mag = [UInt32](repeating: 0, count: n)
    for i in 0..<n { mag[i] = p[i] }
    return BigInt(uncheckedNegative: h & 0x8000_0000 != 0, magnitude: mag)
}

func bigIsZero(_ o: Obj) -> Bool { o.w(1) & 0x7FFF_FFFF == 0 }
func bigHash(_ o: Obj) -> Int { bigOf(o).pythonHash & 0x3FFF_FFFF }

/// The Int value of an int-like object (int, bool, or an object with __index__).
func intToInt(_ o: Obj) throws -> Int {
    if o.isSmallInt { return o.smallInt }
    if o == .true { return 1 }
    if o == .false { return 0 }
    if o.isType(.int) {
        guard let v = bigOf(o).asInt else { throw overflowError("overflow converting long int to machine word") }
        return v
    }
    if isUserClassObj(o) {
        if let f = lookupInType(o.type, qobj(.__index__)) { return try intToInt(try callBound(f, o, [])) }
        let n = nativeSelf(o)
        if n != o { return try intToInt(n) }
    }
    throw typeError("can't convert \(typeName(o)) to int")
}

/// Index argument: like intToInt with MicroPython's message for non-integers.
func indexValue(_ o: Obj, _ what: String) throws -> Int {
    if o.isSmallInt { return o.smallInt }
    if isIntObj(o) || isUserClassObj(o) { return try intToInt(o) }
    throw typeError("\(what) indices must be integers, not \(typeName(o))")
}

/// float value of int, bool or float (and __float__).
func toDouble(_ o: Obj) throws -> Double {
    if o.isSmallInt { return Double(o.smallInt) }
    if o == .true { return 1 }
    if o == .false { return 0 }
    if o.isType(.float) { return floatValue(o) }
    if o.isType(.int) {
        let d = bigOf(o).toDouble()
        if d.isInfinite { throw overflowError("int too big to convert to float") }
        return d
    }
    if isUserClassObj(o) {
        if let f = lookupInType(o.type, qobj(.__float__)) { return try toDouble(try callBound(f, o, [])) }
        if let f = lookupInType(o.type, qobj(.__index__)) { return try toDouble(try callBound(f, o, [])) }
        let n = nativeSelf(o)
        if n != o { return try toDouble(n) }
    }
    throw typeError("can't convert \(typeName(o)) to float")
}

func complexParts(_ o: Obj) throws -> (Double, Double) {
    if o.isType(.complex) { return complexValue(o) }
    return (try toDouble(o), 0)
}

// MARK: int

func intCompare(_ a: Obj, _ b: Obj) -> Int {
    if (a.isSmallInt || a == .true || a == .false) && (b.isSmallInt || b == .true || b == .false) {
        let x = a.isSmallInt ? a.smallInt : (a == .true ? 1 : 0)
        let y = b.isSmallInt ? b.smallInt : (b == .true ? 1 : 0)
        return x < y ? -1 : (x > y ? 1 : 0)
    }
    return bigOf(a).compare(bigOf(b))
}

@inline(__always) func smallOrBool(_ o: Obj) -> Int? {
    if o.isSmallInt { return o.smallInt }
    if o == .true { return 1 }
    if o == .false { return 0 }
    return nil
}

func intBinaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    if let x = smallOrBool(a), let y = smallOrBool(b) {
        switch op {
        case .add: return try newInt(x + y)
        case .sub: return try newInt(x - y)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o { return try newInt(r) }
        case .floordiv:
            if y == 0 { throw zeroDivision() }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return try newInt(q)
        case .mod:
            if y == 0 { throw zeroDivision() }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return Obj(small: r)
        case .truediv:
            if y == 0 { throw zeroDivision() }
            return try newFloat(Double(x) / Double(y))
        case .pow:
            if y < 0 {
                if x == 0 { throw zeroDivision() }
                return try newFloat(Foundation_pow(Double(x), Double(y)))
            }
            var r = 1, base = x, e = y
            var overflow = false
            while e > 0 {
                if e & 1 == 1 {
                    let m = r.multipliedReportingOverflow(by: base)
                    if m.overflow { overflow = true; break }
                    r = m.partialValue
                }
                e >>= 1
                if e > 0 {
                    let m = base.multipliedReportingOverflow(by: base)
                    if m.overflow { overflow = true; break }
                    base = m.partialValue
                }
            }
            if !overflow { return try newInt(r) }
        case .lshift:
            if y < 0 { throw valueError("negative shift count") }
            if y < 32 { return try newInt(x << y) }
            if x == 0 { return Obj(small: 0) }
        case .rshift:
            if y < 0 { throw valueError("negative shift count") }
            return Obj(small: x >> min(y, 63))
        case .and, .or, .xor:
            let r = op == .and ? x & y : (op == .or ? x | y : x ^ y)
            if !a.isSmallInt && !b.isSmallInt { return .bool(r != 0) }   // bool op bool stays bool
            return Obj(small: r)
        case .matmul: throw unsupportedBinary(op, a, b)
        default: break
        }
    }
    let x = bigOf(a), y = bigOf(b)
    switch op {
    case .add: return try newInt(x + y)
    case .sub: return try newInt(x - y)
    case .mul:
        try checkBigSize(x.bitLength &+ y.bitLength)
        return try newInt(x * y)
    case .floordiv:
        if y.isZero { throw zeroDivision() }
        return try newInt(x.floorDiv(y))
    case .mod:
        if y.isZero { throw zeroDivision() }
        return try newInt(x.floorMod(y))
    case .truediv:
        guard let d = x.truediv(y) else { throw zeroDivision() }
        if d.isInfinite { throw overflowError("int too big to convert to float") }
        return try newFloat(d)
    case .pow:
        if y.isNegative {
            if x.isZero { throw zeroDivision() }
            return try newFloat(Foundation_pow(try toDouble(a), try toDouble(b)))
        }
        guard let e = y.asInt else { throw pyErr(.MemoryError) }
        if x.isZero || x == BigInt(1) { return try newInt(x) }
        if x == BigInt(-1) { return Obj(small: e & 1 == 0 ? 1 : -1) }
        let (bits, over) = x.bitLength.multipliedReportingOverflow(by: e)
        if over { throw pyErr(.MemoryError) }
        try checkBigSize(bits)
        return try newInt(x.pow(e))
    case .lshift:
        guard let s = y.asInt, s >= 0 else {
            if y.isNegative { throw valueError("negative shift count") }
            throw overflowError("shift too large")
        }
        if x.isZero { return Obj(small: 0) }
        let (bits, over) = x.bitLength.addingReportingOverflow(s)
        if over { throw pyErr(.MemoryError) }
        try checkBigSize(bits)
        return try newInt(x << s)
    case .rshift:
        if y.isNegative { throw valueError("negative shift count") }
        guard let s = y.asInt else { return Obj(small: x.isNegative ? -1 : 0) }
        return try newInt(x >> s)
    case .and: return try newInt(x & y)
    case .or: return try newInt(x | y)
    case .xor: return try newInt(x ^ y)
    default: throw unsupportedBinary(op, a, b)
    }
}

/// Refuses results that could never fit the heap, before computing them in host memory.
func checkBigSize(_ bits: Int) throws {
    if bits / 8 > rt.pointee.blockCount * blockBytes { throw pyErr(.MemoryError) }
}

func intUnaryOp(_ op: UnaryOpCode, _ a: Obj) throws -> Obj {
    if let x = smallOrBool(a) {
        switch op {
        case .neg: return try newInt(-x)
        case .pos: return Obj(small: x)
        case .invert: return Obj(small: ~x)
        case .not: return .bool(x == 0)
        }
    }
    let x = bigOf(a)
    switch op {
    case .neg: return try newInt(x.negated)
    case .pos: return a
    case .invert: return try newInt(~x)
    case .not: return .bool(x.isZero)
    }
}

func intPowMod(_ a: Obj, _ b: Obj, _ m: Obj) throws -> Obj {
    guard isIntObj(a), isIntObj(b), isIntObj(m) else { throw typeError("pow() 3rd argument not allowed unless all arguments are integers") }
    let mod = bigOf(m)
    if mod.isZero { throw valueError("pow() 3rd argument cannot be 0") }
    guard let r = bigOf(a).powMod(exp: bigOf(b), mod: mod) else { throw valueError("base is not invertible for the given modulus") }
    return try newInt(r)
}

func intToString(_ o: Obj, base: Int = 10) -> String {
    if o.isSmallInt { return String(o.smallInt, radix: base) }
    if o == .true { return "1" }
    if o == .false { return "0" }
    return bigOf(o).toString(base: base)
}

// MARK: float

func Foundation_pow(_ a: Double, _ b: Double) -> Double { powDouble(a, b) }

func floatCompare(_ op: CmpOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    // compare exactly when one side is a big int
    if a.isType(.int) || b.isType(.int) {
        let fa = a.isType(.float), d = fa ? floatValue(a) : floatValue(b)
        let i = fa ? bigOf(b) : bigOf(a)
        if d.isNaN { return .bool(op == .ne) }
        guard let c0 = i.compare(toDouble: d) else { return .bool(op == .ne) }
        let c = fa ? -c0 : c0
        switch op {
        case .lt: return .bool(c < 0)
        case .le: return .bool(c <= 0)
        case .eq: return .bool(c == 0)
        case .ne: return .bool(c != 0)
        case .gt: return .bool(c > 0)
        case .ge: return .bool(c >= 0)
        }
    }
    let x = try toDouble(a), y = try toDouble(b)
    switch op {
    case .lt: return .bool(x < y)
    case .le: return .bool(x <= y)
    case .eq: return .bool(x == y)
    case .ne: return .bool(x != y)
    case .gt: return .bool(x > y)
    case .ge: return .bool(x >= y)
    }
}

func floatBinaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    let x = try toDouble(a), y = try toDouble(b)
    switch op {
    case .add: return try newFloat(x + y)
    case .sub: return try newFloat(x - y)
    case .mul: return try newFloat(x * y)
    case .truediv:
        if y == 0 { throw zeroDivision() }
        return try newFloat(x / y)
    case .floordiv:
        if y == 0 { throw zeroDivision() }
        return try newFloat(floorDivDouble(x, y))
    case .mod:
        if y == 0 { throw zeroDivision() }
        return try newFloat(floorModDouble(x, y))
    case .pow:
        if x == 0 && y < 0 { throw zeroDivision() }
        if x < 0 && y != y.rounded() {
            return try complexPow((x, 0), (y, 0))
        }
        return try newFloat(powDouble(x, y))
    default:
        throw unsupportedBinary(op, a, b)
    }
}

func floorModDouble(_ x: Double, _ y: Double) -> Double {
    var m = fmodDouble(x, y)
    if m != 0 {
        if (y < 0) != (m < 0) { m += y }
    } else {
        m = y < 0 ? -0.0 : 0.0
    }
    return m
}

func floorDivDouble(_ x: Double, _ y: Double) -> Double {
    let m = fmodDouble(x, y)
    var div = (x - m) / y
    if m != 0 && ((y < 0) != (m < 0)) { div -= 1 }
    if div != 0 {
        var f = div.rounded(.down)
        if div - f > 0.5 { f += 1 }
        return f
    }
    return 0.0 * (x / y).sign.multiplier
}

extension FloatingPointSign { var multiplier: Double { self == .minus ? -1 : 1 } }

// MARK: complex

func complexBinaryOp(_ op: BinOpCode, _ a: Obj, _ b: Obj) throws -> Obj {
    let (ar, ai) = try complexParts(a), (br, bi) = try complexParts(b)
    switch op {
    case .add: return try newComplex(ar + br, ai + bi)
    case .sub: return try newComplex(ar - br, ai - bi)
    case .mul: return try newComplex(ar * br - ai * bi, ar * bi + ai * br)
    case .truediv:
        let d = br * br + bi * bi
        if d == 0 { throw zeroDivision() }
        return try newComplex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
    case .pow:
        return try complexPow((ar, ai), (br, bi))
    default:
        throw unsupportedBinary(op, a, b)
    }
}

func complexPow(_ a: (Double, Double), _ b: (Double, Double)) throws -> Obj {
    if b.0 == 0 && b.1 == 0 { return try newComplex(1, 0) }
    if a.0 == 0 && a.1 == 0 {
        if b.1 != 0 || b.0 < 0 { throw zeroDivision() }
        return try newComplex(0, 0)
    }
    let absA = (a.0 * a.0 + a.1 * a.1).squareRoot()
    let arg = atan2Double(a.1, a.0)
    let lnr = logDouble(absA)
    let re = b.0 * lnr - b.1 * arg
    let im = b.1 * lnr + b.0 * arg
    let mag = expDouble(re)
    return try newComplex(mag * cosDouble(im), mag * sinDouble(im))
}
