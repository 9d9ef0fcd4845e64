// BigInt.swift — arbitrary-precision signed integers with Python `int` semantics.
//
// Used by the interpreter once a value leaves the small-int range. Pure Swift, no Foundation.
//
// Representation: a sign flag plus the magnitude as little-endian base-2^32 limbs, always
// normalized: no high zero limbs, and zero is non-negative with an empty magnitude.
//
// Conventions for callers (the VM turns these into Python exceptions):
//   * floorDiv / floorMod / divMod / quotientAndRemainder trap on a zero divisor: check first
//     and raise ZeroDivisionError.
//   * truediv returns nil for a zero divisor and ±infinity when the quotient is too large
//     (OverflowError "integer division result too large for a float").
//   * toDouble returns ±infinity when out of range (OverflowError "int too large to convert to float").
//   * powMod returns nil when the modulus is zero (check first: "pow() 3rd argument cannot be 0")
//     or when the exponent is negative and the base is not invertible
//     ("base is not invertible for the given modulus").
//   * toBytes returns nil when the value does not fit (OverflowError "int too big to convert"),
//     including a negative value with signed == false ("can't convert negative int to unsigned").
//   * Shift counts must be checked by the caller (negative count -> ValueError, absurdly
//     large left shifts -> MemoryError/OverflowError); here a negative count shifts the other way.

struct BigInt: Sendable, Hashable {
    /// True for values < 0. Always false for zero.
    private(set) var isNegative: Bool
    /// Little-endian base-2^32 limbs of |self|, without high zero limbs.
    private(set) var magnitude: [UInt32]

    // MARK: - Construction

    /// Trusted initializer: `magnitude` must already be normalized.
    @inline(__always)
    init(uncheckedNegative negative: Bool, magnitude: [UInt32]) {
        self.isNegative = negative && !magnitude.isEmpty
        self.magnitude = magnitude
    }

    /// Builds a value from possibly non-normalized limbs.
    init(negative: Bool, magnitude: [UInt32]) {
        var m = magnitude
        BigInt.normalize(&m)
        self.init(uncheckedNegative: negative, magnitude: m)
    }

    init() {
        isNegative = false
        magnitude = []
    }

    init(_ v: Int64) {
        self.init(uncheckedNegative: v < 0, magnitude: BigInt.limbs(v.magnitude))
    }

    init(_ v: Int) {
        self.init(Int64(v))
    }

    init(_ v: UInt64) {
        self.init(uncheckedNegative: false, magnitude: BigInt.limbs(v))
    }

    static let zero = BigInt()
    static let one = BigInt(1 as Int64)

    @inline(__always)
    static func limbs(_ m: UInt64) -> [UInt32] {
        if m == 0 { return [] }
        if m >> 32 == 0 { return [UInt32(truncatingIfNeeded: m)] }
        return [UInt32(truncatingIfNeeded: m), UInt32(truncatingIfNeeded: m >> 32)]
    }

    /// int(float) semantics: truncates toward zero. `d` must be finite (caller raises
    /// OverflowError for infinities and ValueError for NaN).
    init(truncating d: Double) {
        precondition(d.isFinite, "BigInt(truncating:) needs a finite value")
        if d.magnitude < 9.223372036854775808e18 {
            self.init(Int64(d))  // truncates toward zero (no libm needed)
            return
        }
        // |d| >= 2^63: d is an integer, significand * 2^(exponent - 52).
        let e = Int(d.exponent)
        let sig = UInt64(d.significandBitPattern) | (UInt64(1) << 52)
        let m = BigInt(sig) << (e - 52)
        self.init(uncheckedNegative: d < 0, magnitude: m.magnitude)
    }

    /// True when the finite double `d` has no fractional part.
    @inline(__always)
    static func isIntegral(_ d: Double) -> Bool {
        d.magnitude >= 4503599627370496.0 || Double(Int64(d)) == d  // every |d| >= 2^52 is integral
    }

    /// Exact conversion: nil when `d` is not finite or not integral.
    init?(exactly d: Double) {
        guard d.isFinite, BigInt.isIntegral(d) else { return nil }
        self.init(truncating: d)
    }

    // MARK: - Basic properties

    var isZero: Bool { magnitude.isEmpty }

    /// -1, 0 or 1.
    var signum: Int { magnitude.isEmpty ? 0 : (isNegative ? -1 : 1) }

    var isOdd: Bool { !magnitude.isEmpty && magnitude[0] & 1 == 1 }

    /// The value as Int64, or nil when it does not fit.
    var asInt64: Int64? {
        let n = magnitude.count
        if n == 0 { return 0 }
        if n > 2 { return nil }
        let u = n == 1 ? UInt64(magnitude[0]) : UInt64(magnitude[0]) | UInt64(magnitude[1]) << 32
        if isNegative {
            if u > UInt64(1) << 63 { return nil }
            return Int64(bitPattern: 0 &- u)
        }
        if u > UInt64(Int64.max) { return nil }
        return Int64(u)
    }

    /// The value as Int, or nil when it does not fit.
    var asInt: Int? {
        guard let v = asInt64 else { return nil }
        return Int(v)
    }

    /// Like int.bit_length(): number of bits of |self|, 0 for zero.
    var bitLength: Int { BigInt.bitLengthMag(magnitude) }

    /// Like int.bit_count(): number of one bits in |self|.
    var bitCount: Int {
        var c = 0
        for l in magnitude { c += l.nonzeroBitCount }
        return c
    }

    /// Number of trailing zero bits of |self| (0 for zero).
    var trailingZeroBitCount: Int {
        for (i, l) in magnitude.enumerated() where l != 0 {
            return i * 32 + l.trailingZeroBitCount
        }
        return 0
    }

    var negated: BigInt { BigInt(uncheckedNegative: !isNegative, magnitude: magnitude) }

    var abs: BigInt { BigInt(uncheckedNegative: false, magnitude: magnitude) }

    // MARK: - Magnitude helpers (all operate on normalized little-endian limb arrays)

    @inline(__always)
    static func normalize(_ m: inout [UInt32]) {
        while let last = m.last, last == 0 { m.removeLast() }
    }

    @inline(__always)
    static func bitLengthMag(_ m: [UInt32]) -> Int {
        guard let top = m.last else { return 0 }
        return m.count * 32 - top.leadingZeroBitCount
    }

    static func compareMag(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            let x = a[i], y = b[i]
            if x != y { return x < y ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.count < b.count { return addMag(b, a) }
        let na = a.count, nb = b.count
        if nb == 0 { return a }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                [UInt32](unsafeUninitializedCapacity: na + 1) { buf, count in
                    var carry: UInt64 = 0
                    var i = 0
                    while i < nb {
                        let s = UInt64(pa[i]) &+ UInt64(pb[i]) &+ carry
                        buf[i] = UInt32(truncatingIfNeeded: s)
                        carry = s >> 32
                        i += 1
                    }
                    while i < na {
                        let s = UInt64(pa[i]) &+ carry
                        buf[i] = UInt32(truncatingIfNeeded: s)
                        carry = s >> 32
                        i += 1
                    }
                    if carry != 0 {
                        buf[na] = UInt32(truncatingIfNeeded: carry)
                        count = na + 1
                    } else {
                        count = na
                    }
                }
            }
        }
    }

    /// a - b for |a| >= |b|; result normalized.
    static func subMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let na = a.count, nb = b.count
        if nb == 0 { return a }
        var r = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                [UInt32](unsafeUninitializedCapacity: na) { buf, count in
                    var borrow: UInt64 = 0
                    var i = 0
                    while i < nb {
                        let d = UInt64(pa[i]) &- UInt64(pb[i]) &- borrow
                        buf[i] = UInt32(truncatingIfNeeded: d)
                        borrow = d >> 63
                        i += 1
                    }
                    while i < na {
                        let d = UInt64(pa[i]) &- borrow
                        buf[i] = UInt32(truncatingIfNeeded: d)
                        borrow = d >> 63
                        i += 1
                    }
                    count = na
                }
            }
        }
        normalize(&r)
        return r
    }

    /// m + 1 on a magnitude.
    static func incrementMag(_ m: [UInt32]) -> [UInt32] {
        var r = m
        for i in 0..<r.count {
            if r[i] != UInt32.max {
                r[i] += 1
                return r
            }
            r[i] = 0
        }
        r.append(1)
        return r
    }

    /// m - 1 on a non-zero magnitude.
    static func decrementMag(_ m: [UInt32]) -> [UInt32] {
        var r = m
        for i in 0..<r.count {
            if r[i] != 0 {
                r[i] -= 1
                break
            }
            r[i] = UInt32.max
        }
        normalize(&r)
        return r
    }

    /// a * s for a single limb s.
    static func mulSmallMag(_ a: [UInt32], _ s: UInt32) -> [UInt32] {
        if s == 0 || a.isEmpty { return [] }
        if s == 1 { return a }
        let na = a.count
        let m = UInt64(s)
        return a.withUnsafeBufferPointer { pa in
            [UInt32](unsafeUninitializedCapacity: na + 1) { buf, count in
                var carry: UInt64 = 0
                for i in 0..<na {
                    let t = UInt64(pa[i]) &* m &+ carry
                    buf[i] = UInt32(truncatingIfNeeded: t)
                    carry = t >> 32
                }
                if carry != 0 {
                    buf[na] = UInt32(truncatingIfNeeded: carry)
                    count = na + 1
                } else {
                    count = na
                }
            }
        }
    }

    /// m = m * mul + add, in place.
    @inline(__always)
    static func mulAddSmallInPlace(_ m: inout [UInt32], _ mul: UInt32, _ add: UInt32) {
        var carry = UInt64(add)
        let k = UInt64(mul)
        let n = m.count
        m.withUnsafeMutableBufferPointer { p in
            for i in 0..<n {
                let t = UInt64(p[i]) &* k &+ carry
                p[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
        }
        if carry != 0 { m.append(UInt32(truncatingIfNeeded: carry)) }
    }

    /// Limb count from which multiplication switches to Karatsuba.
    static let karatsubaThreshold = 40

    static func mulMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let na = a.count, nb = b.count
        if na == 0 || nb == 0 { return [] }
        if nb == 1 { return mulSmallMag(a, b[0]) }
        if na == 1 { return mulSmallMag(b, a[0]) }
        var r = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                [UInt32](unsafeUninitializedCapacity: na + nb) { buf, count in
                    mulInto(buf.baseAddress!, pa.baseAddress!, na, pb.baseAddress!, nb)
                    count = na + nb
                }
            }
        }
        normalize(&r)
        return r
    }

    /// r[0..<na+nb] = a * b (r may be uninitialized; it is fully written).
    static func mulInto(_ r: UnsafeMutablePointer<UInt32>, _ a: UnsafePointer<UInt32>, _ na: Int,
                        _ b: UnsafePointer<UInt32>, _ nb: Int) {
        if na < nb {
            mulInto(r, b, nb, a, na)
            return
        }
        if nb < karatsubaThreshold {
            schoolbookMul(r, a, na, b, nb)
            return
        }
        if na >= 2 * nb {
            // Unbalanced: cut `a` into nb-limb slices.
            r.initialize(repeating: 0, count: na + nb)
            let tmp = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * nb)
            defer { tmp.deallocate() }
            var off = 0
            while off < na {
                let len = Swift.min(nb, na - off)
                mulInto(tmp, a + off, len, b, nb)
                addInPlace(r + off, na + nb - off, tmp, len + nb)
                off += len
            }
            return
        }
        // Karatsuba: a = a1*B^m + a0, b = b1*B^m + b0 with nb > m.
        let m = na / 2
        let na1 = na - m, nb1 = nb - m
        mulInto(r, a, m, b, m)                       // z0 -> r[0..<2m]
        mulInto(r + 2 * m, a + m, na1, b + m, nb1)   // z2 -> r[2m..<na+nb]
        let nsa = na1 + 1
        let nsb = Swift.max(m, nb1) + 1
        let sa = UnsafeMutablePointer<UInt32>.allocate(capacity: nsa)
        let sb = UnsafeMutablePointer<UInt32>.allocate(capacity: nsb)
        let nz = nsa + nsb
        let z1 = UnsafeMutablePointer<UInt32>.allocate(capacity: nz)
        defer {
            sa.deallocate()
            sb.deallocate()
            z1.deallocate()
        }
        addLimbs(sa, a, m, a + m, na1)
        addLimbs(sb, b, m, b + m, nb1)
        mulInto(z1, sa, nsa, sb, nsb)
        subInPlace(z1, nz, r, 2 * m)
        subInPlace(z1, nz, r + 2 * m, na + nb - 2 * m)
        addInPlace(r + m, na + nb - m, z1, nz)
    }

    @inline(__always)
    static func schoolbookMul(_ r: UnsafeMutablePointer<UInt32>, _ a: UnsafePointer<UInt32>, _ na: Int,
                              _ b: UnsafePointer<UInt32>, _ nb: Int) {
        r.initialize(repeating: 0, count: na + nb)
        for j in 0..<nb {
            let bj = UInt64(b[j])
            if bj == 0 { continue }
            var carry: UInt64 = 0
            let rj = r + j
            for i in 0..<na {
                let t = UInt64(a[i]) &* bj &+ UInt64(rj[i]) &+ carry
                rj[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            rj[na] = UInt32(truncatingIfNeeded: carry)
        }
    }

    /// r[0..<max(nx,ny)+1] = x + y.
    static func addLimbs(_ r: UnsafeMutablePointer<UInt32>, _ x: UnsafePointer<UInt32>, _ nx: Int,
                         _ y: UnsafePointer<UInt32>, _ ny: Int) {
        if nx < ny {
            addLimbs(r, y, ny, x, nx)
            return
        }
        var carry: UInt64 = 0
        var i = 0
        while i < ny {
            let s = UInt64(x[i]) &+ UInt64(y[i]) &+ carry
            r[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
            i += 1
        }
        while i < nx {
            let s = UInt64(x[i]) &+ carry
            r[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
            i += 1
        }
        r[nx] = UInt32(truncatingIfNeeded: carry)
    }

    /// d[0..<nd] += s[0..<ns]; limbs of s at or beyond nd must be zero and the sum must fit.
    static func addInPlace(_ d: UnsafeMutablePointer<UInt32>, _ nd: Int, _ s: UnsafePointer<UInt32>, _ ns: Int) {
        let n = Swift.min(nd, ns)
        var carry: UInt64 = 0
        var i = 0
        while i < n {
            let t = UInt64(d[i]) &+ UInt64(s[i]) &+ carry
            d[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
            i += 1
        }
        while carry != 0 && i < nd {
            let t = UInt64(d[i]) &+ carry
            d[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
            i += 1
        }
    }

    /// d[0..<nd] -= s[0..<ns] with ns <= nd; the result must be non-negative.
    static func subInPlace(_ d: UnsafeMutablePointer<UInt32>, _ nd: Int, _ s: UnsafePointer<UInt32>, _ ns: Int) {
        var borrow: UInt64 = 0
        var i = 0
        while i < ns {
            let t = UInt64(d[i]) &- UInt64(s[i]) &- borrow
            d[i] = UInt32(truncatingIfNeeded: t)
            borrow = t >> 63
            i += 1
        }
        while borrow != 0 && i < nd {
            let t = UInt64(d[i]) &- borrow
            d[i] = UInt32(truncatingIfNeeded: t)
            borrow = t >> 63
            i += 1
        }
    }

    /// Truncating division of a magnitude by one non-zero limb.
    static func divRemSmall(_ a: [UInt32], _ d: UInt32) -> (q: [UInt32], r: UInt32) {
        precondition(d != 0, "division by zero")
        var q = a
        var rem: UInt32 = 0
        let n = q.count
        q.withUnsafeMutableBufferPointer { p in
            var i = n - 1
            while i >= 0 {
                let (qq, rr) = d.dividingFullWidth((high: rem, low: p[i]))
                p[i] = qq
                rem = rr
                i -= 1
            }
        }
        normalize(&q)
        return (q, rem)
    }

    /// Truncating division of magnitudes (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
    static func divModMag(_ a: [UInt32], _ b: [UInt32]) -> (q: [UInt32], r: [UInt32]) {
        precondition(!b.isEmpty, "division by zero")
        if compareMag(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divRemSmall(a, b[0])
            return (q, r == 0 ? [] : [r])
        }
        let n = b.count
        let na = a.count
        let m = na - n
        let s = b[n - 1].leadingZeroBitCount
        var vn = [UInt32](repeating: 0, count: n)
        var un = [UInt32](repeating: 0, count: na + 1)
        if s > 0 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                vn[i] = (b[i] << s) | (b[i - 1] >> (32 - s))
            }
            vn[0] = b[0] << s
            un[na] = a[na - 1] >> (32 - s)
            for i in stride(from: na - 1, to: 0, by: -1) {
                un[i] = (a[i] << s) | (a[i - 1] >> (32 - s))
            }
            un[0] = a[0] << s
        } else {
            for i in 0..<n { vn[i] = b[i] }
            for i in 0..<na { un[i] = a[i] }
        }
        var q = [UInt32](repeating: 0, count: m + 1)
        vn.withUnsafeBufferPointer { v in
            un.withUnsafeMutableBufferPointer { u in
                q.withUnsafeMutableBufferPointer { qp in
                    let vTop = UInt64(v[n - 1])
                    let vNext = UInt64(v[n - 2])
                    var j = m
                    while j >= 0 {
                        let num = UInt64(u[j + n]) << 32 | UInt64(u[j + n - 1])
                        var qhat = num / vTop
                        var rhat = num &- qhat &* vTop
                        while qhat > 0xFFFF_FFFF || qhat &* vNext > (rhat << 32 | UInt64(u[j + n - 2])) {
                            qhat -= 1
                            rhat += vTop
                            if rhat > 0xFFFF_FFFF { break }
                        }
                        // Multiply and subtract.
                        var k: Int64 = 0
                        for i in 0..<n {
                            let p = qhat &* UInt64(v[i])
                            let t = Int64(u[i + j]) &- k &- Int64(p & 0xFFFF_FFFF)
                            u[i + j] = UInt32(truncatingIfNeeded: t)
                            k = Int64(p >> 32) &- (t >> 32)
                        }
                        let t = Int64(u[j + n]) &- k
                        u[j + n] = UInt32(truncatingIfNeeded: t)
                        if t < 0 {
                            // Estimate was one too large: add back.
                            qhat -= 1
                            var c: UInt64 = 0
                            for i in 0..<n {
                                let s2 = UInt64(u[i + j]) &+ UInt64(v[i]) &+ c
                                u[i + j] = UInt32(truncatingIfNeeded: s2)
                                c = s2 >> 32
                            }
                            u[j + n] = u[j + n] &+ UInt32(truncatingIfNeeded: c)
                        }
                        qp[j] = UInt32(truncatingIfNeeded: qhat)
                        j -= 1
                    }
                }
            }
        }
        // Unnormalize the remainder.
        var r = [UInt32](repeating: 0, count: n)
        if s > 0 {
            for i in 0..<(n - 1) {
                r[i] = (un[i] >> s) | (un[i + 1] << (32 - s))
            }
            r[n - 1] = un[n - 1] >> s
        } else {
            for i in 0..<n { r[i] = un[i] }
        }
        normalize(&q)
        normalize(&r)
        return (q, r)
    }

    static func shiftLeftMag(_ a: [UInt32], _ n: Int) -> [UInt32] {
        if a.isEmpty || n == 0 { return a }
        let limbShift = n >> 5
        let bitShift = n & 31
        let na = a.count
        var r = [UInt32](repeating: 0, count: na + limbShift + 1)
        a.withUnsafeBufferPointer { pa in
            r.withUnsafeMutableBufferPointer { pr in
                if bitShift == 0 {
                    for i in 0..<na { pr[i + limbShift] = pa[i] }
                } else {
                    var carry: UInt32 = 0
                    for i in 0..<na {
                        let x = pa[i]
                        pr[i + limbShift] = (x &<< bitShift) | carry
                        carry = x &>> (32 - bitShift)
                    }
                    pr[na + limbShift] = carry
                }
            }
        }
        normalize(&r)
        return r
    }

    static func shiftRightMag(_ a: [UInt32], _ n: Int) -> [UInt32] {
        if n == 0 { return a }
        let limbShift = n >> 5
        let bitShift = n & 31
        let na = a.count
        if limbShift >= na { return [] }
        let rn = na - limbShift
        var r = [UInt32](repeating: 0, count: rn)
        a.withUnsafeBufferPointer { pa in
            r.withUnsafeMutableBufferPointer { pr in
                if bitShift == 0 {
                    for i in 0..<rn { pr[i] = pa[i + limbShift] }
                } else {
                    for i in 0..<(rn - 1) {
                        pr[i] = (pa[i + limbShift] &>> bitShift) | (pa[i + limbShift + 1] &<< (32 - bitShift))
                    }
                    pr[rn - 1] = pa[na - 1] &>> bitShift
                }
            }
        }
        normalize(&r)
        return r
    }

    /// True when any of the lowest `n` bits of the magnitude is set.
    static func lowBitsNonZero(_ a: [UInt32], _ n: Int) -> Bool {
        let limbs = Swift.min(n >> 5, a.count)
        for i in 0..<limbs where a[i] != 0 { return true }
        let bits = n & 31
        if bits != 0 && limbs < a.count {
            return a[limbs] & ((UInt32(1) << bits) - 1) != 0
        }
        return false
    }

    // MARK: - Comparison

    /// -1, 0 or 1.
    func compare(_ other: BigInt) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let c = BigInt.compareMag(magnitude, other.magnitude)
        return isNegative ? -c : c
    }

    /// Exact comparison with a double (like CPython's int/float comparison): -1, 0 or 1,
    /// nil when `d` is NaN.
    func compare(toDouble d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let t = BigInt(truncating: d)
        let c = compare(t)
        if c != 0 { return c }
        if BigInt.isIntegral(d) { return 0 }
        return d > 0 ? -1 : 1
    }

    // MARK: - Arithmetic

    static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.isNegative == rhs.isNegative {
            return BigInt(uncheckedNegative: lhs.isNegative, magnitude: addMag(lhs.magnitude, rhs.magnitude))
        }
        let c = compareMag(lhs.magnitude, rhs.magnitude)
        if c == 0 { return BigInt() }
        if c > 0 {
            return BigInt(uncheckedNegative: lhs.isNegative, magnitude: subMag(lhs.magnitude, rhs.magnitude))
        }
        return BigInt(uncheckedNegative: rhs.isNegative, magnitude: subMag(rhs.magnitude, lhs.magnitude))
    }

    static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        lhs + rhs.negated
    }

    static prefix func - (x: BigInt) -> BigInt { x.negated }

    static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        BigInt(uncheckedNegative: lhs.isNegative != rhs.isNegative, magnitude: mulMag(lhs.magnitude, rhs.magnitude))
    }

    static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    /// Truncating division (C semantics): quotient rounds toward zero, remainder has the
    /// dividend's sign. Traps on a zero divisor.
    func quotientAndRemainder(dividingBy d: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!d.isZero, "division by zero")
        let (q, r) = BigInt.divModMag(magnitude, d.magnitude)
        return (BigInt(uncheckedNegative: isNegative != d.isNegative, magnitude: q),
                BigInt(uncheckedNegative: isNegative, magnitude: r))
    }

    /// Python divmod(): floor quotient; remainder has the divisor's sign. Traps on a zero divisor.
    func divMod(_ d: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!d.isZero, "division by zero")
        let (qm, rm) = BigInt.divModMag(magnitude, d.magnitude)
        if rm.isEmpty || isNegative == d.isNegative {
            return (BigInt(uncheckedNegative: isNegative != d.isNegative, magnitude: qm),
                    BigInt(uncheckedNegative: isNegative, magnitude: rm))
        }
        // Signs differ and the division is inexact: q = -(|q| + 1), |r| = |d| - |r|, sign of d.
        let q = BigInt(uncheckedNegative: true, magnitude: BigInt.incrementMag(qm))
        let r = BigInt(uncheckedNegative: d.isNegative, magnitude: BigInt.subMag(d.magnitude, rm))
        return (q, r)
    }

    /// Python `//`.
    func floorDiv(_ d: BigInt) -> BigInt { divMod(d).quotient }

    /// Python `%`.
    func floorMod(_ d: BigInt) -> BigInt {
        precondition(!d.isZero, "division by zero")
        let rm = BigInt.divModMag(magnitude, d.magnitude).r
        if rm.isEmpty || isNegative == d.isNegative {
            return BigInt(uncheckedNegative: isNegative, magnitude: rm)
        }
        return BigInt(uncheckedNegative: d.isNegative, magnitude: BigInt.subMag(d.magnitude, rm))
    }

    /// self ** exp for exp >= 0 (square-and-multiply).
    func pow(_ exp: Int) -> BigInt {
        precondition(exp >= 0, "negative exponent")
        if exp == 0 { return BigInt.one }
        if magnitude.isEmpty { return self }
        let negative = isNegative && exp & 1 == 1
        if magnitude.count == 1 && magnitude[0] == 1 {
            return BigInt(uncheckedNegative: negative, magnitude: magnitude)
        }
        let tz = trailingZeroBitCount
        if tz == bitLength - 1 {
            // Power of two.
            return BigInt(uncheckedNegative: negative, magnitude: BigInt.shiftLeftMag([1], tz * exp))
        }
        let base = magnitude
        var result = base
        var bit = Int.bitWidth - exp.leadingZeroBitCount - 2
        while bit >= 0 {
            result = BigInt.mulMag(result, result)
            if (exp >> bit) & 1 == 1 { result = BigInt.mulMag(result, base) }
            bit -= 1
        }
        return BigInt(uncheckedNegative: negative, magnitude: result)
    }

    /// Python 3 pow(self, exp, mod). The result has the sign of `mod` (or is zero).
    /// Returns nil when `mod` is zero or when `exp` is negative and self has no inverse modulo |mod|.
    func powMod(exp: BigInt, mod: BigInt) -> BigInt? {
        if mod.isZero { return nil }
        let m = mod.magnitude
        if m.count == 1 && m[0] == 1 { return BigInt() }
        let mAbs = mod.abs
        var base: BigInt
        var e = exp
        if e.isNegative {
            guard let inv = BigInt.modInverse(self, mAbs) else { return nil }
            base = inv
            e = e.negated
        } else {
            base = self.floorMod(mAbs)
        }
        var result: [UInt32] = [1]
        let b = base.magnitude
        let ebits = e.bitLength
        if ebits > 0 {
            result = b
            var i = ebits - 2
            while i >= 0 {
                result = BigInt.divModMag(BigInt.mulMag(result, result), m).r
                if (e.magnitude[i >> 5] >> UInt32(i & 31)) & 1 == 1 {
                    result = BigInt.divModMag(BigInt.mulMag(result, b), m).r
                }
                i -= 1
            }
        }
        var r = BigInt(uncheckedNegative: false, magnitude: result)
        if mod.isNegative && !r.isZero { r = r - mAbs }
        return r
    }

    /// Modular inverse of a modulo m (m > 1) in [0, m), or nil when gcd(a, m) != 1.
    static func modInverse(_ a: BigInt, _ m: BigInt) -> BigInt? {
        var oldR = a.floorMod(m), r = m
        var oldS = BigInt.one, s = BigInt()
        while !r.isZero {
            let (q, rem) = oldR.quotientAndRemainder(dividingBy: r)
            oldR = r
            r = rem
            let ns = oldS - q * s
            oldS = s
            s = ns
        }
        guard oldR.magnitude == [1] else { return nil }
        return oldS.floorMod(m)
    }

    /// Greatest common divisor (non-negative), like math.gcd.
    static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        var x = a.magnitude, y = b.magnitude
        while !y.isEmpty {
            let r = divModMag(x, y).r
            x = y
            y = r
        }
        return BigInt(uncheckedNegative: false, magnitude: x)
    }

    // MARK: - Shifts

    /// Python `<<` (a negative count shifts right).
    static func << (lhs: BigInt, rhs: Int) -> BigInt {
        if rhs < 0 { return lhs >> (0 - rhs) }
        return BigInt(uncheckedNegative: lhs.isNegative, magnitude: shiftLeftMag(lhs.magnitude, rhs))
    }

    /// Python `>>`: floors for negative values (-5 >> 1 == -3). A negative count shifts left.
    static func >> (lhs: BigInt, rhs: Int) -> BigInt {
        if rhs < 0 { return lhs << (0 - rhs) }
        if !lhs.isNegative {
            return BigInt(uncheckedNegative: false, magnitude: shiftRightMag(lhs.magnitude, rhs))
        }
        // floor(-m / 2^n) = -(((m - 1) >> n) + 1)
        let s = shiftRightMag(decrementMag(lhs.magnitude), rhs)
        return BigInt(uncheckedNegative: true, magnitude: incrementMag(s))
    }

    static func <<= (lhs: inout BigInt, rhs: Int) { lhs = lhs << rhs }
    static func >>= (lhs: inout BigInt, rhs: Int) { lhs = lhs >> rhs }

    // MARK: - Bitwise (infinite two's complement)

    private enum BitOp { case and, or, xor }

    /// Two's complement limbs of x over n limbs (n > magnitude.count).
    private static func twosComplement(_ x: BigInt, _ n: Int) -> [UInt32] {
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<x.magnitude.count { r[i] = x.magnitude[i] }
        if x.isNegative {
            var carry: UInt64 = 1
            for i in 0..<n {
                let t = UInt64(~r[i]) &+ carry
                r[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
        }
        return r
    }

    private static func bitwise(_ a: BigInt, _ b: BigInt, _ op: BitOp) -> BigInt {
        if !a.isNegative && !b.isNegative {
            let x = a.magnitude, y = b.magnitude
            switch op {
            case .and:
                let n = Swift.min(x.count, y.count)
                var r = [UInt32](repeating: 0, count: n)
                for i in 0..<n { r[i] = x[i] & y[i] }
                normalize(&r)
                return BigInt(uncheckedNegative: false, magnitude: r)
            case .or, .xor:
                let (long, short) = x.count >= y.count ? (x, y) : (y, x)
                var r = long
                if op == .or {
                    for i in 0..<short.count { r[i] |= short[i] }
                } else {
                    for i in 0..<short.count { r[i] ^= short[i] }
                }
                normalize(&r)
                return BigInt(uncheckedNegative: false, magnitude: r)
            }
        }
        let n = Swift.max(a.magnitude.count, b.magnitude.count) + 1
        let ta = twosComplement(a, n), tb = twosComplement(b, n)
        var r = [UInt32](repeating: 0, count: n)
        switch op {
        case .and: for i in 0..<n { r[i] = ta[i] & tb[i] }
        case .or: for i in 0..<n { r[i] = ta[i] | tb[i] }
        case .xor: for i in 0..<n { r[i] = ta[i] ^ tb[i] }
        }
        let negative = r[n - 1] >> 31 == 1
        if negative {
            var carry: UInt64 = 1
            for i in 0..<n {
                let t = UInt64(~r[i]) &+ carry
                r[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
        }
        normalize(&r)
        return BigInt(uncheckedNegative: negative, magnitude: r)
    }

    static func & (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, .and) }
    static func | (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, .or) }
    static func ^ (lhs: BigInt, rhs: BigInt) -> BigInt { bitwise(lhs, rhs, .xor) }

    /// Python `~x` == -x - 1.
    static prefix func ~ (x: BigInt) -> BigInt {
        if x.isNegative {
            return BigInt(uncheckedNegative: false, magnitude: decrementMag(x.magnitude))
        }
        return BigInt(uncheckedNegative: true, magnitude: incrementMag(x.magnitude))
    }

    // MARK: - Parsing

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool {
        // What CPython's int() strips (Py_ISSPACE): space, \t, \n, \v, \f, \r.
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    @inline(__always)
    private static func digitValue(_ c: UInt8) -> UInt8 {
        switch c {
        case 0x30...0x39: return c &- 0x30
        case 0x61...0x7A: return c &- 0x61 &+ 10
        case 0x41...0x5A: return c &- 0x41 &+ 10
        default: return 255
        }
    }

    /// (digits per chunk k, base^k) with base^k < 2^32.
    @inline(__always)
    private static func chunkInfo(_ base: Int) -> (Int, UInt32) {
        var k = 1
        var p = UInt64(base)
        while p * UInt64(base) <= UInt64(UInt32.max) {
            p *= UInt64(base)
            k += 1
        }
        return (k, UInt32(p))
    }

    /// Python int(text, base) for the digits part: base 0 (auto-detect) or 2...36, optional sign,
    /// surrounding whitespace, single underscores between digits, matching 0x/0o/0b prefix.
    /// Returns nil for invalid input.
    init?(parsing text: [UInt8], base baseIn: Int) {
        guard baseIn == 0 || (baseIn >= 2 && baseIn <= 36) else { return nil }
        var i = 0
        var end = text.count
        while i < end && BigInt.isSpace(text[i]) { i += 1 }
        while end > i && BigInt.isSpace(text[end - 1]) { end -= 1 }
        var negative = false
        if i < end && (text[i] == 0x2B || text[i] == 0x2D) {
            negative = text[i] == 0x2D
            i += 1
        }
        var base = baseIn
        var errorIfNonZero = false
        if base == 0 {
            if i < end && text[i] == 0x30 {
                let c: UInt8 = i + 1 < end ? text[i + 1] | 0x20 : 0
                switch c {
                case 0x78: base = 16  // x
                case 0x6F: base = 8   // o
                case 0x62: base = 2   // b
                default:
                    base = 10
                    errorIfNonZero = true
                }
            } else {
                base = 10
            }
        }
        if i + 1 < end && text[i] == 0x30 {
            let c = text[i + 1] | 0x20
            if (base == 16 && c == 0x78) || (base == 8 && c == 0x6F) || (base == 2 && c == 0x62) {
                i += 2
                if i < end && text[i] == 0x5F { i += 1 }  // one underscore allowed after the prefix
            }
        }
        if i >= end || text[i] == 0x5F { return nil }
        var digits = [UInt8]()
        digits.reserveCapacity(end - i)
        var prevUnderscore = false
        let b8 = UInt8(base)
        while i < end {
            let c = text[i]
            i += 1
            if c == 0x5F {
                if prevUnderscore { return nil }
                prevUnderscore = true
                continue
            }
            let v = BigInt.digitValue(c)
            if v >= b8 { return nil }
            digits.append(v)
            prevUnderscore = false
        }
        if prevUnderscore { return nil }
        let mag = BigInt.magnitudeFromDigits(digits, base: base)
        if errorIfNonZero && !mag.isEmpty { return nil }
        self.init(uncheckedNegative: negative, magnitude: mag)
    }

    /// Convenience for String input (see init?(parsing:base:)).
    init?(_ text: String, base: Int = 10) {
        self.init(parsing: Array(text.utf8), base: base)
    }

    /// Digit values (most significant first, each < base) to a magnitude.
    static func magnitudeFromDigits(_ digits: [UInt8], base: Int) -> [UInt32] {
        let count = digits.count
        if base & (base - 1) == 0 {
            let bitsPer = base.trailingZeroBitCount
            var mag = [UInt32](repeating: 0, count: (count * bitsPer + 31) >> 5)
            var bitPos = 0
            var idx = count - 1
            while idx >= 0 {
                let v = UInt32(digits[idx])
                let limb = bitPos >> 5, off = bitPos & 31
                mag[limb] |= v << off
                if off + bitsPer > 32 { mag[limb + 1] |= v >> (32 - off) }
                bitPos += bitsPer
                idx -= 1
            }
            normalize(&mag)
            return mag
        }
        let (k, bk) = chunkInfo(base)
        var mag = [UInt32]()
        // log2(36) < 5.17: a safe over-estimate of the limb count.
        mag.reserveCapacity(count * (64 - UInt64(base).leadingZeroBitCount) / 32 + 2)
        var idx = 0
        var first = count % k
        if first == 0 { first = k }
        var len = first
        let b32 = UInt32(base)
        while idx < count {
            var chunk: UInt32 = 0
            for j in idx..<(idx + len) { chunk = chunk &* b32 &+ UInt32(digits[j]) }
            if mag.isEmpty {
                if chunk != 0 { mag.append(chunk) }
            } else {
                mulAddSmallInPlace(&mag, bk, chunk)
            }
            idx += len
            len = k
        }
        return mag
    }

    // MARK: - Formatting

    /// Digits of the value in `base` (2...36), with a leading '-' when negative; no prefix.
    func toString(base: Int = 10, uppercase: Bool = false) -> String {
        precondition(base >= 2 && base <= 36, "base out of range")
        if magnitude.isEmpty { return "0" }
        let letterBase: UInt8 = uppercase ? 0x41 - 10 : 0x61 - 10
        var out = [UInt8]()  // least significant digit first
        @inline(__always) func digitChar(_ v: UInt32) -> UInt8 {
            v < 10 ? UInt8(truncatingIfNeeded: v) &+ 0x30 : UInt8(truncatingIfNeeded: v) &+ letterBase
        }
        if base & (base - 1) == 0 {
            let bitsPer = base.trailingZeroBitCount
            let mask = UInt32(base - 1)
            let bits = bitLength
            let nd = (bits + bitsPer - 1) / bitsPer
            out.reserveCapacity(nd + 1)
            for d in 0..<nd {
                let pos = d * bitsPer
                let limb = pos >> 5, off = pos & 31
                var v = magnitude[limb] >> off
                if off + bitsPer > 32 && limb + 1 < magnitude.count {
                    v |= magnitude[limb + 1] << (32 - off)
                }
                out.append(digitChar(v & mask))
            }
        } else if base == 10 {
            var limbs = magnitude
            out.reserveCapacity(limbs.count * 10 + 1)
            while !limbs.isEmpty {
                var rem: UInt64 = 0
                let n = limbs.count
                limbs.withUnsafeMutableBufferPointer { p in
                    var i = n - 1
                    while i >= 0 {
                        let cur = rem << 32 | UInt64(p[i])
                        let q = cur / 1_000_000_000
                        rem = cur &- q &* 1_000_000_000
                        p[i] = UInt32(truncatingIfNeeded: q)
                        i -= 1
                    }
                }
                if limbs[n - 1] == 0 { limbs.removeLast() }
                var chunk = UInt32(truncatingIfNeeded: rem)
                if limbs.isEmpty {
                    while chunk != 0 {
                        out.append(UInt8(truncatingIfNeeded: chunk % 10) &+ 0x30)
                        chunk /= 10
                    }
                } else {
                    for _ in 0..<9 {
                        out.append(UInt8(truncatingIfNeeded: chunk % 10) &+ 0x30)
                        chunk /= 10
                    }
                }
            }
        } else {
            let (k, bk) = BigInt.chunkInfo(base)
            let b32 = UInt32(base)
            var limbs = magnitude
            while !limbs.isEmpty {
                let (q, r) = BigInt.divRemSmall(limbs, bk)
                limbs = q
                var chunk = r
                if limbs.isEmpty {
                    while chunk != 0 {
                        out.append(digitChar(chunk % b32))
                        chunk /= b32
                    }
                } else {
                    for _ in 0..<k {
                        out.append(digitChar(chunk % b32))
                        chunk /= b32
                    }
                }
            }
        }
        if isNegative { out.append(0x2D) }
        out.reverse()
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Floating point

    /// Correctly rounded (round-half-even) conversion, like CPython's int.__float__.
    /// Returns ±infinity when the value is too large (caller raises OverflowError).
    func toDouble() -> Double {
        let n = bitLength
        if n <= 64 {
            var u: UInt64 = 0
            if magnitude.count > 0 { u = UInt64(magnitude[0]) }
            if magnitude.count > 1 { u |= UInt64(magnitude[1]) << 32 }
            let d = Double(u)
            return isNegative ? -d : d
        }
        if n > 1024 { return isNegative ? -.infinity : .infinity }
        let shift = n - 64
        let topLimbs = BigInt.shiftRightMag(magnitude, shift)
        var top = UInt64(topLimbs[0])
        if topLimbs.count > 1 { top |= UInt64(topLimbs[1]) << 32 }
        if BigInt.lowBitsNonZero(magnitude, shift) { top |= 1 }  // sticky bit
        let d = Double(sign: .plus, exponent: shift, significand: Double(top))
        return isNegative ? -d : d
    }

    /// Correctly rounded true division self / other, like CPython's int.__truediv__.
    /// nil when `other` is zero; ±infinity when the result overflows.
    func truediv(_ other: BigInt) -> Double? {
        if other.isZero { return nil }
        let negate = isNegative != other.isNegative
        if isZero { return negate ? -0.0 : 0.0 }
        let aBits = bitLength, bBits = other.bitLength
        if aBits <= 53 && bBits <= 53 {
            // Both exactly representable: IEEE division is correctly rounded.
            return Double(asInt64!) / Double(other.asInt64!)
        }
        let mantDig = 53, minExp = -1021, maxExp = 1024
        let diff = aBits - bBits
        if diff > maxExp { return negate ? -.infinity : .infinity }
        if diff < minExp - mantDig - 1 { return negate ? -0.0 : 0.0 }
        let shift = Swift.max(diff, minExp) - mantDig - 2
        var inexact = false
        let x: [UInt32]
        if shift <= 0 {
            x = BigInt.shiftLeftMag(magnitude, -shift)
        } else {
            x = BigInt.shiftRightMag(magnitude, shift)
            inexact = BigInt.lowBitsNonZero(magnitude, shift)
        }
        let (q, r) = BigInt.divModMag(x, other.magnitude)
        if !r.isEmpty { inexact = true }
        let xBits = BigInt.bitLengthMag(q)  // <= mantDig + 3
        var low: UInt64 = 0
        if q.count > 0 { low = UInt64(q[0]) }
        if q.count > 1 { low |= UInt64(q[1]) << 32 }
        let extraBits = Swift.max(xBits, minExp - shift) - mantDig
        let mask = UInt64(1) << UInt64(extraBits - 1)
        if inexact { low |= 1 }
        if low & mask != 0 && low & (3 &* mask &- 1) != 0 { low &+= mask }
        low &= ~(2 &* mask &- 1)
        let dx = Double(low)  // exact
        if shift + xBits >= maxExp
            && (shift + xBits > maxExp || dx == Double(sign: .plus, exponent: xBits, significand: 1)) {
            return negate ? -.infinity : .infinity
        }
        let result = Double(sign: .plus, exponent: shift, significand: dx)
        return negate ? -result : result
    }

    // MARK: - Bytes

    /// int.to_bytes(count, byteorder, signed=signed). nil when the value does not fit
    /// (including a negative value with signed == false).
    func toBytes(count: Int, littleEndian: Bool, signed: Bool) -> [UInt8]? {
        precondition(count >= 0, "negative length")
        var out = [UInt8](repeating: 0, count: count)
        if magnitude.isEmpty { return out }
        if isNegative {
            if !signed { return nil }
            // CPython quirk kept for compatibility: (-1).to_bytes(0, ..., signed=True) == b''.
            if count == 0 && magnitude == [1] { return out }
            let m1 = BigInt.decrementMag(magnitude)
            if BigInt.bitLengthMag(m1) > count * 8 - 1 { return nil }
            for i in 0..<count {
                let limb = i >> 2
                let byte = limb < m1.count ? UInt8(truncatingIfNeeded: m1[limb] >> UInt32((i & 3) * 8)) : 0
                out[i] = ~byte
            }
        } else {
            if bitLength > count * 8 - (signed ? 1 : 0) { return nil }
            for i in 0..<Swift.min(count, magnitude.count * 4) {
                out[i] = UInt8(truncatingIfNeeded: magnitude[i >> 2] >> UInt32((i & 3) * 8))
            }
        }
        if !littleEndian { out.reverse() }
        return out
    }

    /// int.from_bytes(bytes, byteorder, signed=signed).
    init(bytes: [UInt8], littleEndian: Bool, signed: Bool) {
        let n = bytes.count
        var mag = [UInt32](repeating: 0, count: (n + 3) >> 2)
        for i in 0..<n {
            let b = littleEndian ? bytes[i] : bytes[n - 1 - i]
            mag[i >> 2] |= UInt32(b) << UInt32((i & 3) * 8)
        }
        let top = n == 0 ? 0 : (littleEndian ? bytes[n - 1] : bytes[0])
        if signed && top & 0x80 != 0 {
            // value - 2^(8n): magnitude = two's complement negation over n bytes.
            var carry: UInt64 = 1
            for i in 0..<mag.count {
                let t = UInt64(~mag[i]) &+ carry
                mag[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            let extraBits = mag.count * 32 - n * 8
            if extraBits > 0 { mag[mag.count - 1] &= UInt32.max >> UInt32(extraBits) }
            BigInt.normalize(&mag)
            self.init(uncheckedNegative: true, magnitude: mag)
        } else {
            BigInt.normalize(&mag)
            self.init(uncheckedNegative: false, magnitude: mag)
        }
    }

    // MARK: - Hash

    /// CPython's hash(int) on 64-bit builds: value modulo 2**61 - 1 with the sign applied,
    /// and -1 mapped to -2.
    var pythonHash: Int {
        let p: UInt64 = (1 << 61) - 1
        var h: UInt64 = 0
        var i = magnitude.count - 1
        while i >= 0 {
            // h * 2^32 mod p is a 61-bit rotation.
            h = ((h << 32) & p) | (h >> 29)
            h &+= UInt64(magnitude[i])
            if h >= p { h &-= p }
            i -= 1
        }
        var r = Int(bitPattern: UInt(h))
        if isNegative { r = -r }
        if r == -1 { r = -2 }
        return r
    }
}

// MARK: - Protocol conformances

extension BigInt: Comparable {
    static func < (lhs: BigInt, rhs: BigInt) -> Bool { lhs.compare(rhs) < 0 }
}

extension BigInt: ExpressibleByIntegerLiteral {
    init(integerLiteral value: Int64) { self.init(value) }
}

extension BigInt: CustomStringConvertible {
    var description: String { toString() }
}
